package org.openapheresis.server.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.openapheresis.server.access.Principal;
import org.openapheresis.server.access.Role;
import org.openapheresis.server.db.Times;

/**
 * Accounts, sessions and login-attempt counters in the database: SQL only. Every method works in the caller's
 * handle, so the service decides what one transaction holds.
 */
public final class AuthStore {

    private static final String USER_COLUMNS = "id, username, display_name, role, active, created_at, version";

    /** An account with its password hash (which never leaves the auth package). */
    record StoredUser(User user, String hash) {
    }

    /** A login-attempt counter: failures so far and when the last was counted. */
    record Attempts(int failures, Instant lastAt) {
    }

    // ---- accounts ----

    Optional<StoredUser> findByUsername(Handle h, String username) {
        return h.createQuery("SELECT " + USER_COLUMNS + ", password_hash FROM app_user WHERE username = :u")
                .bind("u", username).map((rs, ctx) -> new StoredUser(user(rs), rs.getString(8))).findOne();
    }

    List<User> users(Handle h) {
        return h.createQuery("SELECT " + USER_COLUMNS + " FROM app_user ORDER BY username")
                .map((rs, ctx) -> user(rs)).list();
    }

    int countUsers(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM app_user").mapTo(Integer.class).one();
    }

    boolean usernameTaken(Handle h, String username) {
        return h.createQuery("SELECT COUNT(*) FROM app_user WHERE LOWER(username) = :u")
                .bind("u", username.toLowerCase(Locale.ROOT)).mapTo(Integer.class).one() > 0;
    }

    void insertUser(Handle h, User u, String hash) {
        h.createUpdate("INSERT INTO app_user (id, username, display_name, role, password_hash, active, created_at, "
                + "version) VALUES (:id, :u, :d, :r, :p, :active, :at, :version)")
                .bind("id", u.id()).bind("u", u.username()).bind("d", u.displayName()).bind("r", u.role().code())
                .bind("p", hash).bind("active", u.active()).bind("at", Times.toDb(u.createdAt()))
                .bind("version", u.version()).execute();
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(rs.getString(1), rs.getString(2), rs.getString(3), Role.fromCode(rs.getString(4)).orElseThrow(),
                rs.getBoolean(5), Times.fromDb(rs.getObject(6, LocalDateTime.class)), rs.getInt(7));
    }

    // ---- sessions ----

    void insertSession(Handle h, String tokenHash, String userId, String csrf, Instant now, Instant expires) {
        h.createUpdate("INSERT INTO auth_session (token_hash, user_id, csrf_token, created_at, expires_at) "
                + "VALUES (:t, :u, :c, :now, :exp)")
                .bind("t", tokenHash).bind("u", userId).bind("c", csrf)
                .bind("now", Times.toDb(now)).bind("exp", Times.toDb(expires)).execute();
    }

    /** The active user holding a live session, as the caller of a request. */
    Optional<Principal> principal(Handle h, String tokenHash, Instant now, boolean viaCookie) {
        return h.createQuery("SELECT u.id, u.username, u.display_name, u.role, s.csrf_token FROM auth_session s "
                + "JOIN app_user u ON u.id = s.user_id "
                + "WHERE s.token_hash = :t AND s.expires_at > :now AND u.active = TRUE")
                .bind("t", tokenHash).bind("now", Times.toDb(now))
                .map((rs, ctx) -> new Principal(rs.getString(1), rs.getString(2), rs.getString(3),
                        Role.fromCode(rs.getString(4)).orElseThrow(), viaCookie, rs.getString(5)))
                .findOne();
    }

    void deleteSession(Handle h, String tokenHash) {
        h.createUpdate("DELETE FROM auth_session WHERE token_hash = :t").bind("t", tokenHash).execute();
    }

    void deleteExpiredSessions(Handle h, Instant now) {
        h.createUpdate("DELETE FROM auth_session WHERE expires_at < :now").bind("now", Times.toDb(now)).execute();
    }

    // ---- login attempts ----

    Optional<Attempts> attempts(Handle h, String key) {
        return h.createQuery("SELECT failures, last_failure_at FROM login_attempt WHERE attempt_key = :k")
                .bind("k", key)
                .map((rs, ctx) -> new Attempts(rs.getInt(1), Times.fromDb(rs.getObject(2, LocalDateTime.class))))
                .findOne();
    }

    void countFailure(Handle h, String key, Instant now) {
        int updated = h.createUpdate("UPDATE login_attempt SET failures = failures + 1, last_failure_at = :now "
                + "WHERE attempt_key = :k").bind("k", key).bind("now", Times.toDb(now)).execute();
        if (updated == 0) {
            h.createUpdate("INSERT INTO login_attempt (attempt_key, failures, last_failure_at) VALUES (:k, 1, :now)")
                    .bind("k", key).bind("now", Times.toDb(now)).execute();
        }
    }

    void deleteAttempts(Handle h, String key) {
        h.createUpdate("DELETE FROM login_attempt WHERE attempt_key = :k").bind("k", key).execute();
    }
}
