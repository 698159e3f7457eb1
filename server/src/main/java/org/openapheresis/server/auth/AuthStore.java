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

    /** An account by id, row-locked until the transaction ends. */
    Optional<StoredUser> lockById(Handle h, String id) {
        return h.createQuery("SELECT " + USER_COLUMNS + ", password_hash FROM app_user WHERE id = :id FOR UPDATE")
                .bind("id", id).map((rs, ctx) -> new StoredUser(user(rs), rs.getString(8))).findOne();
    }

    Optional<StoredUser> findById(Handle h, String id) {
        return h.createQuery("SELECT " + USER_COLUMNS + ", password_hash FROM app_user WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> new StoredUser(user(rs), rs.getString(8))).findOne();
    }

    /**
     * Locks every administrator's row, in id order (so two transactions doing this never wait on each other in a
     * cycle), before a change that could leave the unit without an active administrator.
     */
    void lockAdmins(Handle h) {
        h.createQuery("SELECT id FROM app_user WHERE role = :r ORDER BY id FOR UPDATE").bind("r", Role.ADMIN.code())
                .mapTo(String.class).list();
    }

    /** Active administrators other than {@code exceptId}, as committed now (read after {@link #lockAdmins}). */
    int activeAdminsExcept(Handle h, String exceptId) {
        return h.createQuery("SELECT COUNT(*) FROM app_user WHERE role = :r AND active = TRUE AND id <> :id")
                .bind("r", Role.ADMIN.code()).bind("id", exceptId).mapTo(Integer.class).one();
    }

    /** Writes the account's name, role and state and its new version, if its version is still {@code expected}. */
    boolean updateUser(Handle h, User u, int expected) {
        return h.createUpdate("UPDATE app_user SET display_name = :d, role = :r, active = :a, version = :v "
                + "WHERE id = :id AND version = :expected")
                .bind("id", u.id()).bind("d", u.displayName()).bind("r", u.role().code()).bind("a", u.active())
                .bind("v", u.version()).bind("expected", expected).execute() == 1;
    }

    /** Sets a new password hash and version, if the version is still {@code expected}. */
    boolean setPassword(Handle h, String id, String hash, int expected) {
        return h.createUpdate("UPDATE app_user SET password_hash = :p, version = :v "
                + "WHERE id = :id AND version = :expected")
                .bind("id", id).bind("p", hash).bind("v", expected + 1).bind("expected", expected).execute() == 1;
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
        h.createUpdate("INSERT INTO app_user (id, username, username_key, display_name, role, password_hash, active, "
                + "created_at, version) VALUES (:id, :u, :key, :d, :r, :p, :active, :at, :version)")
                .bind("id", u.id()).bind("u", u.username()).bind("key", u.username().toLowerCase(Locale.ROOT))
                .bind("d", u.displayName()).bind("r", u.role().code())
                .bind("p", hash).bind("active", u.active()).bind("at", Times.toDb(u.createdAt()))
                .bind("version", u.version()).execute();
    }

    /**
     * Replaces a hash made at an older cost by one of the same password at the current cost, unless the password
     * changed meanwhile. Not a change of the account, so its version stays.
     */
    void replaceHash(Handle h, String userId, String oldHash, String newHash) {
        h.createUpdate("UPDATE app_user SET password_hash = :n WHERE id = :id AND password_hash = :o")
                .bind("id", userId).bind("o", oldHash).bind("n", newHash).execute();
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

    /** A live session: its caller and when it expires. */
    record Live(Principal principal, Instant expiresAt) {
    }

    /** The active user holding a live session, as the caller of a request, with the session's expiry. */
    Optional<Live> principal(Handle h, String tokenHash, Instant now, boolean viaCookie) {
        return h.createQuery("SELECT u.id, u.username, u.display_name, u.role, s.csrf_token, s.expires_at "
                + "FROM auth_session s JOIN app_user u ON u.id = s.user_id "
                + "WHERE s.token_hash = :t AND s.expires_at > :now AND u.active = TRUE")
                .bind("t", tokenHash).bind("now", Times.toDb(now))
                .map((rs, ctx) -> new Live(new Principal(rs.getString(1), rs.getString(2), rs.getString(3),
                        Role.fromCode(rs.getString(4)).orElseThrow(), viaCookie, rs.getString(5)),
                        Times.fromDb(rs.getObject(6, java.time.LocalDateTime.class))))
                .findOne();
    }

    void deleteSession(Handle h, String tokenHash) {
        h.createUpdate("DELETE FROM auth_session WHERE token_hash = :t").bind("t", tokenHash).execute();
    }

    /** Ends every session of a user; answers how many there were. */
    int deleteSessionsOf(Handle h, String userId) {
        return h.createUpdate("DELETE FROM auth_session WHERE user_id = :u").bind("u", userId).execute();
    }

    /** Ends every session of a user but one; answers how many ended. */
    int deleteSessionsOfExcept(Handle h, String userId, String keepTokenHash) {
        return h.createUpdate("DELETE FROM auth_session WHERE user_id = :u AND token_hash <> :t")
                .bind("u", userId).bind("t", keepTokenHash).execute();
    }

    void deleteExpiredSessions(Handle h, Instant now) {
        h.createUpdate("DELETE FROM auth_session WHERE expires_at < :now").bind("now", Times.toDb(now)).execute();
    }

    // ---- login attempts ----

    /**
     * The counter of {@code key}, row-locked until the caller's transaction ends ({@code SELECT … FOR UPDATE}), so
     * attempts on one key are counted one after the other whatever process serves them. A missing counter is
     * inserted first (zero failures); when another transaction inserts it at the same moment, the duplicate
     * key is rolled back to a savepoint and the other's row is locked instead.
     */
    Attempts lockAttempts(Handle h, String key, Instant now) {
        for (int tries = 0; tries < 3; tries++) {
            Optional<Attempts> locked = h.createQuery("SELECT failures, last_failure_at FROM login_attempt "
                    + "WHERE attempt_key = :k FOR UPDATE").bind("k", key)
                    .map((rs, ctx) -> new Attempts(rs.getInt(1), Times.fromDb(rs.getObject(2, LocalDateTime.class))))
                    .findOne();
            if (locked.isPresent()) {
                return locked.get();
            }
            h.savepoint("attempt");
            try {
                h.createUpdate("INSERT INTO login_attempt (attempt_key, failures, last_failure_at) "
                        + "VALUES (:k, 0, :now)").bind("k", key).bind("now", Times.toDb(now)).execute();
                h.releaseSavepoint("attempt");
            } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
                if (!duplicateKey(e)) {
                    throw e;
                }
                h.rollbackToSavepoint("attempt"); // inserted by another transaction: lock that row
            }
        }
        throw new IllegalStateException("the login counter " + key + " could not be locked");
    }

    /** SQLSTATE 23505, unique violation: the same on H2 and PostgreSQL. */
    private static boolean duplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Sets a counter the caller has locked. */
    void setAttempts(Handle h, String key, Attempts a) {
        h.createUpdate("UPDATE login_attempt SET failures = :f, last_failure_at = :at WHERE attempt_key = :k")
                .bind("k", key).bind("f", a.failures()).bind("at", Times.toDb(a.lastAt())).execute();
    }

    /** Takes one attempt back off a counter (a success that was counted before its password was checked). */
    void uncount(Handle h, String key) {
        h.createUpdate("UPDATE login_attempt SET failures = failures - 1 WHERE attempt_key = :k AND failures > 0")
                .bind("k", key).execute();
    }

    void deleteAttempts(Handle h, String key) {
        h.createUpdate("DELETE FROM login_attempt WHERE attempt_key = :k").bind("k", key).execute();
    }

    /** Keys of counters nothing was counted on since {@code cutoff}, at most {@code limit}. */
    List<String> attemptKeysBefore(Handle h, Instant cutoff, int limit) {
        return h.createQuery("SELECT attempt_key FROM login_attempt WHERE last_failure_at < :c LIMIT :n")
                .bind("c", Times.toDb(cutoff)).bind("n", limit).mapTo(String.class).list();
    }

    /** Deletes one counter if nothing was counted on it since {@code cutoff}. */
    void deleteAttemptsBefore(Handle h, String key, Instant cutoff) {
        h.createUpdate("DELETE FROM login_attempt WHERE attempt_key = :k AND last_failure_at < :c")
                .bind("k", key).bind("c", Times.toDb(cutoff)).execute();
    }
}
