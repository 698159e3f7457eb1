package org.openapheresis.server.auth;

import org.openapheresis.server.access.Role;
import org.openapheresis.server.access.Permission;
import org.openapheresis.server.access.AccessPolicy;
import org.openapheresis.server.access.Principal;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.openapheresis.contract.Node;
import org.openapheresis.server.http.Call;
import org.openapheresis.server.http.FeatureRoutes;
import org.openapheresis.server.http.HttpApp;
import org.openapheresis.server.http.HttpProblem;
import org.openapheresis.server.http.Route;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Range;

/** Login, logout, the caller's own account, and account management (admin). */
public final class AuthRoutes implements FeatureRoutes {

    private final AuthService auth;
    private final AccessPolicy policy;

    public AuthRoutes(AuthService auth, AccessPolicy policy) {
        this.auth = auth;
        this.policy = policy;
    }

    /** How the route examples describe a password the policy accepts. */
    private static final String POLICY = "at least " + PasswordPolicy.MIN_LENGTH + " characters, at most "
            + Passwords.MAX_BYTES + " bytes, not the user name, not a common password";

    @Override
    public List<Route> routes() {
        return List.of(
                Route.post("/api/login", Permission.PUBLIC, "Log in: token, user, csrfToken and a session cookie (HttpOnly, "
                        + "SameSite=Strict, " + HttpApp.COOKIE + ")", Map.of("username", "dr.lindqvist", "password", "…"),
                        this::login).audit()
                        .answers(Map.of("token", "bearer token", "user", Map.of("id", "…", "username", "dr.lindqvist",
                                "displayName", "Dr Anna Lindqvist", "role", "physician"), "csrfToken",
                                "send as X-CSRF-Token on cookie-authenticated changes"))
                        .error(401, "wrong user name or password")
                        .error(429, "too many failed logins of the account or from the address: wait Retry-After "
                                + "seconds (also retryAfterSeconds in the body)"),
                Route.action("/api/logout", Permission.AUTHENTICATED, "End the session", this::logout).audit(),
                Route.get("/api/me", Permission.AUTHENTICATED, "The signed-in user, the CSRF token and the user's "
                        + "permissions", this::me),
                Route.post("/api/me/password", Permission.OWN_PASSWORD, "Change your own password: the current one "
                        + "and a new one (" + POLICY + "); your other sessions end, this one stays",
                        Map.of("currentPassword", "…", "newPassword", POLICY), this::changeOwnPassword).audit()
                        .answers(Map.of("passwordChanged", true, "otherSessionsEnded", 1))
                        .error(409, "the account changed while the password was being checked (reset or deactivated "
                                + "by an administrator)")
                        .error(429, "too many wrong current passwords: the account waits as after failed logins "
                                + "(Retry-After, retryAfterSeconds)"),
                Route.get("/api/users", Permission.USERS_MANAGE, "List accounts", this::list).audit(),
                Route.get("/api/staff", Permission.AUTHENTICATED, "The unit's active staff (?role=nurse): user name, "
                        + "display name and role, for the lists a session's nurse is picked from", this::staff),
                Route.post("/api/users", Permission.USERS_MANAGE, "Create an account", Map.of("username", "nurse.moreau",
                        "password", POLICY, "role", "nurse", "displayName", "Claire Moreau RN"),
                        this::create).audit().created(),
                Route.put("/api/users/{id}", Permission.USERS_MANAGE, "Edit an account: display name, role, active "
                        + "(If-Match or version); deactivating ends the user's sessions",
                        Map.of("displayName", "Claire Moreau RN", "role", "nurse", "active", false, "version", 1),
                        this::update).audit()
                        .error(409, "STALE_VERSION (currentVersion, current); DEACTIVATES_SELF: an administrator's own "
                                + "account; LAST_ACTIVE_ADMIN: the change would leave no active administrator"),
                Route.post("/api/users/{id}/password", Permission.USERS_PASSWORD_RESET, "Set a user's password (reset; "
                        + POLICY + "): the user's sessions end and their failed-login count is cleared",
                        Map.of("newPassword", POLICY), this::resetPassword).audit()
                        .answers(Map.of("user", Map.of("id", "…", "username", "nurse.moreau", "version", 2),
                                "sessionsEnded", 1)),
                Route.delete("/api/users/{id}/sessions", Permission.USERS_SESSIONS_END, "Sign a user out everywhere: "
                        + "every session of the account ends", this::endSessions).audit()
                        .answers(Map.of("sessionsEnded", 2)));
    }

    /**
     * A password field exactly as sent: never trimmed (a space is part of a password), text only.
     *
     * @return empty, with a problem recorded, when it is missing, empty or not text
     */
    private static Optional<String> password(Node f, String key) {
        Object raw = f.raw(key);
        if (raw == null || "".equals(raw)) {
            f.add(key, MessageKey.REQUIRED);
            return Optional.empty();
        }
        if (!(raw instanceof String s)) {
            f.add(key, MessageKey.WRONG_TYPE, "text", Node.describe(raw));
            return Optional.empty();
        }
        return Optional.of(s);
    }

    /** The token of the caller's session: the bearer token, else the session cookie (as the edge reads them). */
    private static Optional<String> sessionToken(Call call) {
        String header = call.ctx().header("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip() : call.ctx().cookie(HttpApp.COOKIE);
        return Optional.ofNullable(token).filter(t -> !t.isBlank());
    }

    private void login(Call call) {
        Node f = call.body();
        String username = f.text("username", true, 64).orElse(null);
        Object raw = f.raw("password");
        String password = raw instanceof String s ? s : null;
        if (raw == null) {
            f.add("password", MessageKey.REQUIRED);
        } else if (password == null) {
            f.add("password", MessageKey.WRONG_TYPE, "text", Node.describe(raw));
        }
        f.rejectUnknown();
        if (!f.problems().isEmpty()) {
            throw new InvalidInputException("login needs a user name and a password", f.problems());
        }
        call.actor(username.length() > 50 ? username.substring(0, 50) : username);
        AuthService.LoginResult result = auth.login(username, password, Optional.of(call.ctx().ip()));
        if (result instanceof AuthService.LoginResult.Throttled t) {
            call.ctx().header("Retry-After", Long.toString(Math.max(1, t.retryAfter().toSeconds())));
            throw new HttpProblem(429, "too many failed logins; wait before trying again",
                    Map.of("retryAfterSeconds", Math.max(1, t.retryAfter().toSeconds())));
        }
        if (!(result instanceof AuthService.LoginResult.Success s)) {
            throw new HttpProblem(401, "wrong user name or password", Map.of());
        }
        boolean secure = "https".equalsIgnoreCase(call.ctx().scheme())
                || "https".equalsIgnoreCase(call.ctx().header("X-Forwarded-Proto"));
        call.ctx().cookie(new Cookie(HttpApp.COOKIE, s.token(), "/", -1, secure, true, null, SameSite.STRICT));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", s.token());
        body.put("user", view(s.user()));
        body.put("csrfToken", s.csrfToken());
        call.answer(body);
    }

    private void logout(Call call) {
        call.noBody();
        sessionToken(call).ifPresent(auth::logout);
        call.ctx().removeCookie(HttpApp.COOKIE, "/");
        call.answer(Map.of("loggedOut", true));
    }

    private void me(Call call) {
        Principal p = call.who();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", p.userId());
        body.put("username", p.username());
        body.put("displayName", p.displayName());
        body.put("role", p.role().code());
        body.put("csrfToken", p.csrfToken());
        body.put("permissions", policy.permissionsOf(p.role()).stream().map(Permission::code).toList());
        call.answer(body);
    }

    private void staff(Call call) {
        Optional<Role> role = call.query("role").map(r -> Role.fromCode(r).orElseThrow(() ->
                org.openapheresis.system.InvalidInputException.of("role", MessageKey.NOT_ONE_OF, r, String.join(", ",
                        java.util.Arrays.stream(Role.values()).map(Role::code).toList()))));
        call.answer(call.read(h -> role.map(x -> auth.active(h, x)).orElseGet(() -> java.util.Arrays.stream(
                Role.values()).flatMap(x -> auth.active(h, x).stream()).toList())));
    }

    private void list(Call call) {
        call.answer(call.read(auth::users).stream().map(AuthRoutes::view).toList());
    }

    private void create(Call call) {
        Node f = call.body();
        Optional<String> username = f.text("username", true, 64).filter(u -> {
            if (!u.matches("[A-Za-z0-9._-]{2,64}")) {
                f.add("username", MessageKey.INVALID, "use 2 to 64 letters, digits, dots, dashes or underscores");
                return false;
            }
            return true;
        });
        Optional<String> password = password(f, "password");
        Role role = f.oneOf("role", true, Role.codes()).flatMap(Role::fromCode).orElse(null);
        String display = f.text("displayName", true, 200).orElse(null);
        f.rejectUnknown();
        f.throwIfProblems();
        User created = call.write(h -> auth.createUser(h, username.get(), password.get(), role, display));
        call.answer(view(created));
    }

    private void changeOwnPassword(Call call) {
        Node f = call.body();
        Optional<String> current = password(f, "currentPassword");
        Optional<String> next = password(f, "newPassword");
        f.rejectUnknown();
        f.throwIfProblems();
        String userId = call.who().userId();
        String token = sessionToken(call).orElseThrow(HttpProblem::unauthorized);
        // the check commits its count on its own (a wrong guess stays counted); the change then commits with its
        // audit entry, on the version the check saw
        int version = auth.confirmPasswordChange(userId, current.get(), next.get());
        int ended = call.write(h -> auth.changeOwnPassword(h, userId, version, next.get(), token));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("passwordChanged", true);
        body.put("otherSessionsEnded", ended);
        call.answer(body);
    }

    private void update(Call call) {
        Node f = call.body();
        String display = f.text("displayName", true, 200).orElse(null);
        Role role = f.oneOf("role", true, Role.codes()).flatMap(Role::fromCode).orElse(null);
        Optional<Boolean> active = f.bool("active", true);
        OptionalInt v = f.integer("version", Range.of(1, Integer.MAX_VALUE), false);
        f.rejectUnknown();
        f.throwIfProblems();
        int expected = call.requireVersion(v.isPresent() ? Optional.of(v.getAsInt()) : Optional.empty());
        String id = call.param("id");
        User updated = call.write(h -> auth.updateUser(h, call.actor(), id, expected,
                new AccountChange(display, role, active.get())));
        call.answer(view(updated));
    }

    private void resetPassword(Call call) {
        Node f = call.body();
        Optional<String> next = password(f, "newPassword");
        f.rejectUnknown();
        f.throwIfProblems();
        String id = call.param("id");
        AuthService.PasswordReset r = call.write(h -> auth.resetPassword(h, id, next.get()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", view(r.user()));
        body.put("sessionsEnded", r.sessionsEnded());
        call.answer(body);
    }

    private void endSessions(Call call) {
        call.noBody();
        String id = call.param("id");
        int ended = call.write(h -> auth.endSessions(h, id));
        call.answer(Map.of("sessionsEnded", ended));
    }

    static Map<String, Object> view(User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id());
        m.put("username", u.username());
        m.put("displayName", u.displayName());
        m.put("role", u.role().code());
        m.put("active", u.active());
        m.put("createdAt", u.createdAt());
        m.put("version", u.version());
        return m;
    }
}
