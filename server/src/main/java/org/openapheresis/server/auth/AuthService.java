package org.openapheresis.server.auth;

import org.openapheresis.server.access.Role;
import org.openapheresis.server.access.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.openapheresis.server.db.Ids;
import org.openapheresis.server.db.Times;

/**
 * Accounts, logins and sessions, all in the database (so several server processes share them): users with
 * bcrypt hashes, session tokens stored only as SHA-256, and login throttling per account and per address
 * ({@link LoginThrottle}).
 */
public final class AuthService implements org.openapheresis.server.access.Authenticator {

    /** How long a login lasts: one working shift. */
    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    /** Failed logins of one account before each further attempt must wait. */
    public static final int FREE_FAILURES = LoginThrottle.Limit.ACCOUNT.free();
    /** Failed logins from one address, across accounts, before each further attempt from it must wait. */
    public static final int FREE_ADDRESS_FAILURES = LoginThrottle.Limit.ADDRESS.free();
    /** The longest wait imposed after repeated failures. */
    public static final Duration MAX_LOCK = LoginThrottle.MAX_LOCK;

    private final Jdbi jdbi;
    private final AuthStore store;
    private final Passwords passwords;
    private final Clock clock;
    private final LoginThrottle throttle;
    private final java.util.concurrent.atomic.AtomicReference<Instant> lastForgotten =
            new java.util.concurrent.atomic.AtomicReference<>();

    public AuthService(Jdbi jdbi, AuthStore store, Passwords passwords, Clock clock) {
        this.jdbi = jdbi;
        this.store = store;
        this.throttle = new LoginThrottle(store);
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

    /**
     * Checks a user name and password. The attempt is counted against the account and the address in the
     * database before the password is checked ({@link LoginThrottle}), so parallel guesses cannot all pass the
     * limit; a success takes the count back.
     *
     * @param address the client's address, or empty to count against the account only
     */
    public LoginResult login(String username, String password, Optional<String> address) {
        Instant now = Times.now(clock);
        Optional<Duration> wait = jdbi.inTransaction(h -> {
            Optional<Duration> w = throttle.admit(h, username, address, now);
            if (w.isPresent()) {
                h.rollback(); // a refused attempt leaves no row behind, whatever user name it made up
            }
            return w;
        });
        if (wait.isPresent()) {
            return new LoginResult.Throttled(wait.get());
        }
        Optional<AuthStore.StoredUser> stored = jdbi.withHandle(h -> store.findByUsername(h, username));
        // one bcrypt verification on every path, the inactive and the unknown user's included
        boolean right = passwords.verify(password, stored.map(AuthStore.StoredUser::hash));
        if (!right || !stored.get().user().active()) {
            return new LoginResult.Failure(); // counted already
        }
        String token = Tokens.random();
        String csrf = Tokens.random();
        User user = stored.get().user();
        String oldHash = stored.get().hash();
        Optional<String> newHash = passwords.outdated(oldHash) ? Optional.of(passwords.hash(password)) : Optional.empty();
        jdbi.useTransaction(h -> {
            throttle.succeeded(h, username, address, now);
            newHash.ifPresent(hash -> store.replaceHash(h, user.id(), oldHash, hash));
            store.deleteExpiredSessions(h, now);
            store.insertSession(h, Tokens.sha256Hex(token), user.id(), csrf, now, now.plus(SESSION_LIFETIME));
        });
        forgetOldCounters(now);
        return new LoginResult.Success(token, csrf, user);
    }

    /** At most every ten minutes per process: counters older than any limit remembers are deleted. */
    private void forgetOldCounters(Instant now) {
        Instant last = lastForgotten.get();
        if (last != null && last.plus(Duration.ofMinutes(10)).isAfter(now)
                || !lastForgotten.compareAndSet(last, now)) {
            return;
        }
        jdbi.useHandle(h -> throttle.forgetOld(h, now));
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
