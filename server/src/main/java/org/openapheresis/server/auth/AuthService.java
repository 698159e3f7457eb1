package org.openapheresis.server.auth;

import org.openapheresis.server.access.Role;
import org.openapheresis.server.access.StaffDirectory.StaffMember;
import org.openapheresis.server.access.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.openapheresis.server.access.Actor;
import org.openapheresis.server.db.Ids;
import org.openapheresis.server.db.Times;
import org.openapheresis.server.system.DomainException;
import org.openapheresis.server.system.Refusal;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/**
 * Accounts, logins and sessions, all in the database (so several server processes share them): users with
 * bcrypt hashes, session tokens stored only as SHA-256, and login throttling per account and per address
 * ({@link LoginThrottle}).
 */
public final class AuthService implements org.openapheresis.server.access.Authenticator, org.openapheresis.server.access.StaffDirectory {

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
    private final PasswordPolicy policy;
    /** Sessions looked up lately ({@link LiveSessions#REVOCATION_BOUND}). */
    private final LiveSessions live = new LiveSessions();
    private final java.util.concurrent.atomic.AtomicReference<Instant> lastForgotten =
            new java.util.concurrent.atomic.AtomicReference<>();

    public AuthService(Jdbi jdbi, AuthStore store, Passwords passwords, Clock clock) {
        this.jdbi = jdbi;
        this.store = store;
        this.throttle = new LoginThrottle(store);
        this.passwords = passwords;
        this.clock = clock;
        this.policy = PasswordPolicy.standard();
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
        Optional<Duration> wait = admit(username, address, now);
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
        String hash = Tokens.sha256Hex(token);
        Optional<Principal> known = live.find(hash, now, viaCookie);
        if (known.isPresent()) {
            return known;
        }
        long generation = live.generation();
        Optional<AuthStore.Live> found = jdbi.withHandle(h -> store.principal(h, hash, now, viaCookie));
        found.ifPresent(l -> live.keep(hash, l.principal(), l.expiresAt(), now, generation));
        return found.map(AuthStore.Live::principal);
    }

    public void logout(String token) {
        jdbi.useHandle(h -> store.deleteSession(h, Tokens.sha256Hex(token)));
        live.forgetAll();
    }

    /**
     * Sessions or accounts change in {@code h}'s transaction: the sessions this process knows are forgotten now
     * and again when it commits (a lookup in between may still read the rows the change removes).
     */
    private void sessionsChange(Handle h) {
        live.forgetAll();
        h.afterCommit(live::forgetAll);
    }

    /**
     * Creates an account. Refuses a user name in use (whatever its case) and a password the policy refuses, each
     * as a problem of its field.
     *
     * @param username checked for its form by the caller
     */
    public User createUser(Handle h, String username, String password, Role role, String displayName) {
        List<Problem> problems = new ArrayList<>();
        if (store.usernameTaken(h, username)) {
            problems.add(Problem.of("username", MessageKey.TAKEN, username));
        }
        problems.addAll(policy.check("password", password, username));
        if (!problems.isEmpty()) {
            throw new InvalidInputException("the user cannot be created", problems);
        }
        Instant now = Times.now(clock);
        User u = new User(Ids.next(), username, displayName, role, true, now, 1);
        try {
            store.insertUser(h, u, passwords.hash(password));
        } catch (RuntimeException e) {
            if (org.openapheresis.server.db.Unique.isViolation(e)) { // a concurrent creation took the name
                throw InvalidInputException.of("username", MessageKey.TAKEN, username);
            }
            throw e;
        }
        return u;
    }

    public boolean usernameTaken(Handle h, String username) {
        return store.usernameTaken(h, username);
    }

    public List<User> users(Handle h) {
        return store.users(h);
    }

    @Override
    public Optional<StaffMember> activeMember(Handle h, String username) {
        return store.users(h).stream().filter(u -> u.active() && u.username().equals(username)).findFirst()
                .map(AuthService::member);
    }

    @Override
    public List<StaffMember> active(Handle h, Role role) {
        return store.users(h).stream().filter(u -> u.active() && u.role() == role)
                .sorted(java.util.Comparator.comparing(User::displayName)).map(AuthService::member).toList();
    }

    private static StaffMember member(User u) {
        return new StaffMember(u.username(), u.displayName(), u.role());
    }

    /**
     * Sets an account's display name, role and state. An administrator cannot deactivate their own account, and
     * no change may leave the unit without an active administrator: every administrator's row is locked first, so
     * two administrators removing each other at the same moment cannot both succeed. Deactivating ends the
     * user's sessions at once.
     *
     * @param by the administrator making the change
     * @param expectedVersion the version the change was made on (stale: 409 with the current account)
     */
    public User updateUser(Handle h, Actor by, String id, int expectedVersion, AccountChange change) {
        store.lockAdmins(h);
        User current = store.lockById(h, id).orElseThrow(() -> DomainException.notFound("user")).user();
        if (current.version() != expectedVersion) {
            throw DomainException.stale(current.version(), current);
        }
        boolean deactivating = current.active() && !change.active();
        if (deactivating && current.username().equals(by.username())) {
            throw DomainException.of(Refusal.DEACTIVATES_SELF);
        }
        boolean removesAnAdmin = current.role() == Role.ADMIN && current.active()
                && (!change.active() || change.role() != Role.ADMIN);
        if (removesAnAdmin && store.activeAdminsExcept(h, id) == 0) {
            throw DomainException.of(Refusal.LAST_ACTIVE_ADMIN, current.username());
        }
        User next = new User(current.id(), current.username(), change.displayName(), change.role(), change.active(),
                current.createdAt(), current.version() + 1);
        sessionsChange(h); // a role or an active flag the sessions carry
        if (!store.updateUser(h, next, expectedVersion)) {
            throw new IllegalStateException("user " + id + " changed under its row lock");
        }
        if (deactivating) {
            store.deleteSessionsOf(h, id);
        }
        return next;
    }

    /**
     * The first step of a user changing their own password: the new password is checked against the policy
     * (422 on {@code newPassword}, nothing counted), then the current one as a login checks it: counted on the
     * account's login counter before the check ({@link LoginThrottle}), so a session left open cannot be used to
     * guess the password (429 once the account waits), a wrong one is a 422 on {@code currentPassword}, and the
     * right one clears the count. It runs in transactions of its own, so a wrong guess stays counted although
     * the change is refused.
     *
     * @return the account's version at the check, for {@link #changeOwnPassword}
     */
    public int confirmPasswordChange(String userId, String currentPassword, String newPassword) {
        AuthStore.StoredUser su = jdbi.withHandle(h -> store.findById(h, userId))
                .orElseThrow(() -> DomainException.notFound("user"));
        String username = su.user().username();
        List<Problem> weak = policy.check("newPassword", newPassword, username);
        if (!weak.isEmpty()) {
            throw new InvalidInputException("the new password cannot be used", weak);
        }
        Instant now = Times.now(clock);
        Optional<Duration> wait = admit(username, Optional.empty(), now);
        if (wait.isPresent()) {
            throw throttled(wait.get());
        }
        if (!passwords.verify(currentPassword, Optional.of(su.hash()))) {
            throw new InvalidInputException("the password was not changed",
                    List.of(Problem.of("currentPassword", MessageKey.PASSWORD_WRONG)));
        }
        jdbi.useTransaction(h -> throttle.succeeded(h, username, Optional.empty(), now));
        return su.user().version();
    }

    /**
     * Sets the signed-in user's new password, checked by {@link #confirmPasswordChange} on the version given,
     * and ends the user's other sessions (the one making the change stays).
     *
     * @param currentToken the token of the session making the change
     * @return how many other sessions ended
     */
    public int changeOwnPassword(Handle h, String userId, int confirmedVersion, String newPassword,
            String currentToken) {
        User u = store.lockById(h, userId).orElseThrow(() -> DomainException.notFound("user")).user();
        if (u.version() != confirmedVersion) {
            throw DomainException.stale(u.version(), u);
        }
        store.setPassword(h, userId, passwords.hash(newPassword), confirmedVersion);
        sessionsChange(h);
        return store.deleteSessionsOfExcept(h, userId, Tokens.sha256Hex(currentToken));
    }

    /** What an administrator's password reset did. */
    public record PasswordReset(User user, int sessionsEnded) {
    }

    /**
     * An administrator sets a user's password (under the policy: 422 on {@code newPassword}): the user's sessions
     * end and the account's login counter is cleared, so a user who had to wait can sign in with it at once.
     */
    public PasswordReset resetPassword(Handle h, String id, String newPassword) {
        User u = store.lockById(h, id).orElseThrow(() -> DomainException.notFound("user")).user();
        List<Problem> weak = policy.check("newPassword", newPassword, u.username());
        if (!weak.isEmpty()) {
            throw new InvalidInputException("the new password cannot be used", weak);
        }
        store.setPassword(h, id, passwords.hash(newPassword), u.version());
        sessionsChange(h);
        int ended = store.deleteSessionsOf(h, id);
        throttle.clear(h, u.username());
        return new PasswordReset(new User(u.id(), u.username(), u.displayName(), u.role(), u.active(), u.createdAt(),
                u.version() + 1), ended);
    }

    /** Signs a user out everywhere; answers how many sessions ended. */
    public int endSessions(Handle h, String id) {
        store.findById(h, id).orElseThrow(() -> DomainException.notFound("user"));
        sessionsChange(h);
        return store.deleteSessionsOf(h, id);
    }

    private Optional<Duration> admit(String username, Optional<String> address, Instant now) {
        return jdbi.inTransaction(h -> {
            Optional<Duration> w = throttle.admit(h, username, address, now);
            if (w.isPresent()) {
                h.rollback(); // a refused attempt leaves no row behind, whatever user name it made up
            }
            return w;
        });
    }

    private static DomainException throttled(Duration wait) {
        return new DomainException(Refusal.LOGIN_THROTTLED, List.of(),
                Map.of("retryAfterSeconds", Math.max(1, wait.toSeconds())));
    }

    /** True when no account exists yet (first start). */
    public boolean noUsers() {
        return jdbi.withHandle(store::countUsers) == 0;
    }

    public Jdbi jdbi() {
        return jdbi;
    }
}
