package org.openapheresis.server.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/**
 * The one password policy of the server, for every password it is asked to keep: a new account, the first
 * administrator's {@code OPENAPHERESIS_ADMIN_PASSWORD}, a user changing their own, an administrator's reset.
 * A password is taken exactly as typed (never trimmed) and must
 * <ul>
 * <li>have at least {@value #MIN_LENGTH} characters (Unicode code points),</li>
 * <li>have at most {@value Passwords#MAX_BYTES} bytes of UTF-8, all bcrypt reads (a longer one would be cut),</li>
 * <li>not be the user name, or the user name with digits or symbols around it,</li>
 * <li>not be common: not an entry of {@code auth/common-passwords.txt} (written for this project, matched as its
 * header says: case, separators, digits and symbols at either end and common letter swaps do not hide an
 * entry), not a shorter text or an entry said twice or more ({@code ben2026ben2026}), not a sequence
 * ({@code 123456789012}, {@code abcdefghijkl}, or backwards) and not one character repeated.</li>
 * </ul>
 * Each rule broken is one {@link Problem} on the field named, with its own key; the password itself is never put
 * into a problem.
 */
public final class PasswordPolicy {

    /** Fewest characters (code points) of a password. */
    public static final int MIN_LENGTH = 12;

    private static final String RESOURCE = "/auth/common-passwords.txt";

    private final Set<String> common;

    private PasswordPolicy(Set<String> common) {
        this.common = Set.copyOf(common);
    }

    /** The policy with the list shipped in the server's resources. */
    public static PasswordPolicy standard() {
        return Holder.STANDARD;
    }

    /** Loaded once, on first use. */
    private static final class Holder {
        static final PasswordPolicy STANDARD = new PasswordPolicy(load());
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the server's resources");
            }
            Set<String> words = new HashSet<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String w = line.strip();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    words.add(squash(w.toLowerCase(Locale.ROOT)));
                }
            }
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many entries the list has (a check that it was read). */
    int entries() {
        return common.size();
    }

    /**
     * Every rule the password breaks.
     *
     * @param field the field the problems name ({@code password}, {@code newPassword}, or the setting's name)
     * @param password exactly as given
     * @param username the account's user name
     * @return empty when the password may be kept
     */
    public List<Problem> check(String field, String password, String username) {
        List<Problem> problems = new ArrayList<>();
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            problems.add(Problem.of(field, MessageKey.PASSWORD_TOO_SHORT, MIN_LENGTH));
        }
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > Passwords.MAX_BYTES) {
            problems.add(Problem.of(field, MessageKey.PASSWORD_TOO_LONG, bytes, Passwords.MAX_BYTES));
        }
        String squashed = squash(password.toLowerCase(Locale.ROOT));
        String core = core(squashed);
        String name = squash(username.toLowerCase(Locale.ROOT));
        if (!name.isEmpty() && (squashed.equals(name) || core.equals(name) || core.equals(core(name))
                || unleet(core).equals(name))) {
            problems.add(Problem.of(field, MessageKey.PASSWORD_IS_USER_NAME));
        }
        if (isCommon(squashed, core)) {
            problems.add(Problem.of(field, MessageKey.PASSWORD_TOO_COMMON));
        }
        return problems;
    }

    private boolean isCommon(String squashed, String core) {
        if (squashed.isEmpty() || oneRepeated(squashed) || sequence(squashed)) {
            return true;
        }
        for (String candidate : List.of(squashed, core, unleet(core), unleetL(core))) {
            if (!candidate.isEmpty() && (listed(candidate) || oneRepeated(candidate) || sequence(candidate))) {
                return true;
            }
        }
        return false;
    }

    /**
     * An entry, or a text said more than once: saying it again adds nothing a guesser does not try, so a text
     * too short to be a password on its own ({@code ben2026ben2026}) or an entry ({@code passwordpassword}) said
     * twice or more is refused.
     */
    private boolean listed(String s) {
        if (common.contains(s)) {
            return true;
        }
        for (int unit = 1; unit <= s.length() / 2; unit++) {
            String u = s.substring(0, unit);
            if (s.length() % unit == 0 && u.repeat(s.length() / unit).equals(s)
                    && (u.codePointCount(0, u.length()) < MIN_LENGTH || common.contains(u)
                    || common.contains(core(u)) || common.contains(unleet(core(u))))) {
                return true;
            }
        }
        return false;
    }

    /** Lower-cased text without spaces, dots, dashes and underscores. */
    private static String squash(String s) {
        return s.replaceAll("[\\s._\\-]+", "");
    }

    /** The text without the digits and symbols at its start and end ({@code !!summer2026} is {@code summer}). */
    private static String core(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && !Character.isLetter(s.charAt(from))) {
            from++;
        }
        while (to > from && !Character.isLetter(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    /** Undoes the common letter swaps, reading 1 and ! as i. */
    private static String unleet(String s) {
        return swaps(s, 'i');
    }

    /** Undoes the common letter swaps, reading 1 and ! as l. */
    private static String unleetL(String s) {
        return swaps(s, 'l');
    }

    private static String swaps(String s, char one) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(switch (c) {
                case '@', '4' -> 'a';
                case '3' -> 'e';
                case '1', '!', '|' -> one;
                case '0' -> 'o';
                case '$', '5' -> 's';
                case '7', '+' -> 't';
                default -> c;
            });
        }
        return b.toString();
    }

    private static boolean oneRepeated(String s) {
        return s.chars().distinct().count() <= 1;
    }

    /** Each character one after (or one before) the last, 9 to 0 included: {@code 3456789012}, {@code fedcba}. */
    private static boolean sequence(String s) {
        if (s.length() < 3) {
            return false;
        }
        int step = 0;
        for (int i = 1; i < s.length(); i++) {
            int d = s.charAt(i) - s.charAt(i - 1);
            if (s.charAt(i - 1) == '9' && s.charAt(i) == '0') {
                d = 1;
            } else if (s.charAt(i - 1) == '0' && s.charAt(i) == '9') {
                d = -1;
            }
            if (d != 1 && d != -1 || step != 0 && d != step) {
                return false;
            }
            step = d;
        }
        return true;
    }
}
