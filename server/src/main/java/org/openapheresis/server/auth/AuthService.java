package org.openapheresis.server.auth;

import org.openapheresis.server.access.Role;
import org.openapheresis.server.access.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.openapheresis.server.db.Ids;
import org.openapheresis.server.db.Times;

/**
 * Accounts, logins and sessions, all in the database (so several server processes share them): users with
 * bcrypt hashes, session tokens stored only as SHA-256, and login throttling per user name and address.
 */
public final class AuthService implements org.openapheresis.server.access.Authenticator {

    /** How long a login lasts: one working shift. */
    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    /** Failed logins per user name and address before each further attempt must wait. */
    public static final int FREE_FAILURES = 5;
    /** The longest wait imposed after repeated failures. */
    public static final Duration MAX_LOCK = Duration.ofMinutes(15);

    private final Jdbi jdbi;
    private final AuthStore store;
    private final Passwords passwords;
    private final Clock clock;

    public AuthService(Jdbi jdbi, AuthStore store, Passwords passwords, Clock clock) {
        this.jdbi = jdbi;
        this.store = store;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** The outcome of a login. */
    public sealed interface LoginResult {
        /** Logged in: the bearer/cookie token, its CSRF token and the user. */
        record Success(String token, String csrfToken, User user) implements LoginResult {
        }

        /** Wrong user name or password (never says which). */
        record Failure() implements LoginResult {
        }

        /** Too many failures: try again after the given time. */
        record Throttled(Duration retryAfter) implements LoginResult {
        }
    }

    public LoginResult login(String username, String password, String address) {
        String key = username.toLowerCase(Locale.ROOT) + "|" + address;
        Instant now = Times.now(clock);
        Optional<Duration> wait = jdbi.withHandle(h -> lockRemaining(h, key, now));
        if (wait.isPresent()) {
            return new LoginResult.Throttled(wait.get());
        }
        Optional<AuthStore.StoredUser> stored = jdbi.withHandle(h -> store.findByUsername(h, username));
        boolean ok;
        if (stored.isEmpty()) {
            passwords.burn(password);
            ok = false;
        } else {
            ok = stored.get().user().active() && passwords.matches(password, stored.get().hash());
        }
        if (!ok) {
            jdbi.useTransaction(h -> store.countFailure(h, key, now));
            return new LoginResult.Failure();
        }
        String token = Tokens.random();
        String csrf = Tokens.random();
        User user = stored.get().user();
        jdbi.useTransaction(h -> {
            store.deleteAttempts(h, key);
            store.deleteExpiredSessions(h, now);
            store.insertSession(h, Tokens.sha256Hex(token), user.id(), csrf, now, now.plus(SESSION_LIFETIME));
        });
        return new LoginResult.Success(token, csrf, user);
    }

    private Optional<Duration> lockRemaining(Handle h, String key, Instant now) {
        return store.attempts(h, key).flatMap(a -> {
            if (a.failures() < FREE_FAILURES) {
                return Optional.empty();
            }
            Instant until = a.lastAt().plus(lockFor(a.failures()));
            return now.isBefore(until) ? Optional.of(Duration.between(now, until)) : Optional.empty();
        });
    }

    /** The wait after {@code failures} failures: 1 s after the fifth, doubling, at most {@link #MAX_LOCK}. */
    static Duration lockFor(int failures) {
        int doublings = Math.min(failures - FREE_FAILURES, 20);
        Duration d = Duration.ofSeconds(1L << doublings);
        return d.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : d;
    }

    /** The user of a live session token. */
    @Override
    public Optional<Principal> authenticate(String token, boolean viaCookie) {
        Instant now = Times.now(clock);
        return jdbi.withHandle(h -> store.principal(h, Tokens.sha256Hex(token), now, viaCookie));
    }

    public void logout(String token) {
        jdbi.useHandle(h -> store.deleteSession(h, Tokens.sha256Hex(token)));
    }

    /** Creates an account; the caller has validated the fields. */
    public User createUser(Handle h, String username, String password, Role role, String displayName) {
        Instant now = Times.now(clock);
        User u = new User(Ids.next(), username, displayName, role, true, now, 1);
        store.insertUser(h, u, passwords.hash(password));
        return u;
    }

    public boolean usernameTaken(Handle h, String username) {
        return store.usernameTaken(h, username);
    }

    public List<User> users() {
        return jdbi.withHandle(store::users);
    }

    /** True when no account exists yet (first start). */
    public boolean noUsers() {
        return jdbi.withHandle(store::countUsers) == 0;
    }

    public Jdbi jdbi() {
        return jdbi;
    }
}
