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
    private final Passwords passwords;
    private final Clock clock;

    public AuthService(Jdbi jdbi, Passwords passwords, Clock clock) {
        this.jdbi = jdbi;
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
        Optional<Stored> stored = jdbi.withHandle(h -> h.createQuery(
                "SELECT id, username, display_name, role, active, created_at, version, password_hash "
                        + "FROM app_user WHERE username = :u")
                .bind("u", username).map((rs, ctx) -> new Stored(new User(rs.getString(1), rs.getString(2),
                        rs.getString(3), Role.fromCode(rs.getString(4)).orElseThrow(), rs.getBoolean(5),
                        Times.fromDb(rs.getObject(6, java.time.LocalDateTime.class)), rs.getInt(7)),
                        rs.getString(8))).findOne());
        boolean ok;
        if (stored.isEmpty()) {
            passwords.burn(password);
            ok = false;
        } else {
            ok = stored.get().user().active() && passwords.matches(password, stored.get().hash());
        }
        if (!ok) {
            jdbi.useTransaction(h -> recordFailure(h, key, now));
            return new LoginResult.Failure();
        }
        String token = Tokens.random();
        String csrf = Tokens.random();
        User user = stored.get().user();
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM login_attempt WHERE attempt_key = :k").bind("k", key).execute();
            h.createUpdate("DELETE FROM auth_session WHERE expires_at < :now").bind("now", Times.toDb(now)).execute();
            h.createUpdate("INSERT INTO auth_session (token_hash, user_id, csrf_token, created_at, expires_at) "
                    + "VALUES (:t, :u, :c, :now, :exp)")
                    .bind("t", Tokens.sha256Hex(token)).bind("u", user.id()).bind("c", csrf)
                    .bind("now", Times.toDb(now)).bind("exp", Times.toDb(now.plus(SESSION_LIFETIME))).execute();
        });
        return new LoginResult.Success(token, csrf, user);
    }

    private record Stored(User user, String hash) {
    }

    private static Optional<Duration> lockRemaining(Handle h, String key, Instant now) {
        return h.createQuery("SELECT failures, last_failure_at FROM login_attempt WHERE attempt_key = :k")
                .bind("k", key)
                .map((rs, ctx) -> {
                    int failures = rs.getInt(1);
                    Instant last = Times.fromDb(rs.getObject(2, java.time.LocalDateTime.class));
                    if (failures < FREE_FAILURES) {
                        return Optional.<Duration>empty();
                    }
                    Duration lock = lockFor(failures);
                    Instant until = last.plus(lock);
                    return now.isBefore(until) ? Optional.of(Duration.between(now, until)) : Optional.<Duration>empty();
                }).findOne().flatMap(o -> o);
    }

    /** The wait after {@code failures} failures: 1 s after the fifth, doubling, at most {@link #MAX_LOCK}. */
    static Duration lockFor(int failures) {
        int doublings = Math.min(failures - FREE_FAILURES, 20);
        Duration d = Duration.ofSeconds(1L << doublings);
        return d.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : d;
    }

    private static void recordFailure(Handle h, String key, Instant now) {
        int updated = h.createUpdate("UPDATE login_attempt SET failures = failures + 1, last_failure_at = :now "
                + "WHERE attempt_key = :k").bind("k", key).bind("now", Times.toDb(now)).execute();
        if (updated == 0) {
            h.createUpdate("INSERT INTO login_attempt (attempt_key, failures, last_failure_at) VALUES (:k, 1, :now)")
                    .bind("k", key).bind("now", Times.toDb(now)).execute();
        }
    }

    /** The user of a live session token. */
    @Override
    public Optional<Principal> authenticate(String token, boolean viaCookie) {
        Instant now = Times.now(clock);
        return jdbi.withHandle(h -> h.createQuery(
                "SELECT u.id, u.username, u.display_name, u.role, s.csrf_token FROM auth_session s "
                        + "JOIN app_user u ON u.id = s.user_id "
                        + "WHERE s.token_hash = :t AND s.expires_at > :now AND u.active = TRUE")
                .bind("t", Tokens.sha256Hex(token)).bind("now", Times.toDb(now))
                .map((rs, ctx) -> new Principal(rs.getString(1), rs.getString(2), rs.getString(3),
                        Role.fromCode(rs.getString(4)).orElseThrow(), viaCookie, rs.getString(5)))
                .findOne());
    }

    public void logout(String token) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM auth_session WHERE token_hash = :t")
                .bind("t", Tokens.sha256Hex(token)).execute());
    }

    /** Creates an account; the caller has validated the fields. */
    public User createUser(Handle h, String username, String password, Role role, String displayName) {
        Instant now = Times.now(clock);
        User u = new User(Ids.next(), username, displayName, role, true, now, 1);
        h.createUpdate("INSERT INTO app_user (id, username, display_name, role, password_hash, active, created_at, "
                + "version) VALUES (:id, :u, :d, :r, :p, TRUE, :at, 1)")
                .bind("id", u.id()).bind("u", username).bind("d", displayName).bind("r", role.code())
                .bind("p", passwords.hash(password)).bind("at", Times.toDb(now)).execute();
        return u;
    }

    public boolean usernameTaken(Handle h, String username) {
        return h.createQuery("SELECT COUNT(*) FROM app_user WHERE LOWER(username) = :u")
                .bind("u", username.toLowerCase(Locale.ROOT)).mapTo(Integer.class).one() > 0;
    }

    public List<User> users() {
        return jdbi.withHandle(h -> h.createQuery(
                "SELECT id, username, display_name, role, active, created_at, version FROM app_user ORDER BY username")
                .map((rs, ctx) -> new User(rs.getString(1), rs.getString(2), rs.getString(3),
                        Role.fromCode(rs.getString(4)).orElseThrow(), rs.getBoolean(5),
                        Times.fromDb(rs.getObject(6, java.time.LocalDateTime.class)), rs.getInt(7)))
                .list());
    }

    /** True when no account exists yet (first start). */
    public boolean noUsers() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM app_user").mapTo(Integer.class).one()) == 0;
    }

    public Jdbi jdbi() {
        return jdbi;
    }
}
