package org.openapheresis.server.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.BCryptFormatter;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.Radix64Encoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * Slow salted password hashes: bcrypt (version 2b) from the maintained {@code at.favre.lib:bcrypt} library.
 * bcrypt reads at most 72 bytes, so longer passwords are refused rather than silently cut.
 *
 * <p>A login answers in the time of one bcrypt verification whatever is wrong with it: {@link #verify} runs
 * exactly one, at the account's cost, for an unknown user, an inactive one, an over-long password, a wrong one
 * and the right one, so the time of the answer does not tell which user names exist.
 */
public final class Passwords {

    /** bcrypt's input limit, bytes. */
    public static final int MAX_BYTES = 72;

    /** Checked instead of a password bcrypt cannot read (over 72 bytes), so that case costs what the others do. */
    private static final char[] STAND_IN = "stand-in for a password longer than bcrypt reads".toCharArray();

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final int cost;
    private final String dummyHash;
    private final IntConsumer verified;

    public Passwords(int cost) {
        this(cost, c -> { });
    }

    /**
     * @param cost bcrypt work factor of new hashes (log2 rounds)
     * @param verified told the cost of every bcrypt verification run (tests count them)
     */
    public Passwords(int cost, IntConsumer verified) {
        this.cost = cost;
        this.verified = verified;
        this.dummyHash = unknownUserHash(cost);
    }

    /**
     * What an unknown user's password is checked against: a well-formed bcrypt 2b hash at the cost, with a random
     * salt and random hash bytes. Verifying against it costs exactly one bcrypt run at that cost, as a real hash
     * does, and never succeeds (no password is known to give those bytes), but making it costs nothing: hashing a
     * random password here instead took most of a second of every server start at cost 12.
     */
    static String unknownUserHash(int cost) {
        byte[] salt = new byte[16];
        byte[] raw = new byte[23];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(raw);
        return new String(new BCryptFormatter.Default(new Radix64Encoder.Default(), StandardCharsets.UTF_8)
                .createHashMessage(new BCrypt.HashData(cost, BCrypt.Version.VERSION_2B, salt, raw)),
                StandardCharsets.UTF_8);
    }

    /** The stand-in hash of this instance (tests). */
    String unknownUserHash() {
        return dummyHash;
    }

    public String hash(String password) {
        return BCrypt.with(BCrypt.Version.VERSION_2B, RANDOM, LongPasswordStrategies.strict(BCrypt.Version.VERSION_2B))
                .hashToString(cost, password.toCharArray());
    }

    /** True when bcrypt can read the password whole (at most {@link #MAX_BYTES} bytes of UTF-8). */
    public static boolean fits(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    /**
     * Checks a password with exactly one bcrypt verification: against the stored hash when there is one (at its
     * cost), else against a hash of nothing at this instance's cost; a password over 72 bytes is never right, and
     * a stand-in is verified in its place.
     *
     * @param storedHash the account's hash, or empty for an unknown user
     * @return true only for a stored hash and the password it was made from
     */
    public boolean verify(String password, Optional<String> storedHash) {
        boolean fits = fits(password);
        char[] candidate = fits ? password.toCharArray() : STAND_IN.clone();
        BCrypt.Result r = BCrypt.verifyer().verify(candidate, storedHash.orElse(dummyHash));
        if (!r.validFormat) { // a damaged stored hash: spend the same time, and refuse
            r = BCrypt.verifyer().verify(candidate, dummyHash);
            verified.accept(cost);
            return false;
        }
        verified.accept(r.details.cost);
        return r.verified && fits && storedHash.isPresent();
    }

    /** True when a stored hash was made at another cost than new ones are (it is made again at the next sign-in). */
    public boolean outdated(String storedHash) {
        return costOf(storedHash) != cost;
    }

    /** The cost of a bcrypt hash ({@code $2b$12$…} is 12); -1 when it is not one. */
    static int costOf(String hash) {
        if (hash == null || hash.length() < 7 || hash.charAt(0) != '$' || hash.charAt(3) != '$') {
            return -1;
        }
        try {
            return Integer.parseInt(hash.substring(4, 6));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A strong generated password: 20 characters from 57 symbols, about 117 bits. */
    public static String generate() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
