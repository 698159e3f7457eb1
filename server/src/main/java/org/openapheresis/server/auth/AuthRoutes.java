package org.openapheresis.server.auth;

import org.openapheresis.server.access.Role;
import org.openapheresis.server.access.Permission;
import org.openapheresis.server.access.AccessPolicy;
import org.openapheresis.server.access.Principal;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openapheresis.contract.Node;
import org.openapheresis.server.http.Call;
import org.openapheresis.server.http.FeatureRoutes;
import org.openapheresis.server.http.HttpApp;
import org.openapheresis.server.http.HttpProblem;
import org.openapheresis.server.http.Route;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/** Login, logout, the caller's own account, and account management (admin). */
public final class AuthRoutes implements FeatureRoutes {

    private final AuthService auth;
    private final AccessPolicy policy;

    public AuthRoutes(AuthService auth, AccessPolicy policy) {
        this.auth = auth;
        this.policy = policy;
    }

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
                        .error(429, "too many failed logins: wait Retry-After seconds (also retryAfterSeconds in the "
                                + "body)"),
                Route.action("/api/logout", Permission.AUTHENTICATED, "End the session", this::logout).audit(),
                Route.get("/api/me", Permission.AUTHENTICATED, "The signed-in user, the CSRF token and the user's "
                        + "permissions", this::me),
                Route.get("/api/users", Permission.USERS_MANAGE, "List accounts", this::list).audit(),
                Route.post("/api/users", Permission.USERS_MANAGE, "Create an account", Map.of("username", "nurse.moreau",
                        "password", "at least 10 characters", "role", "nurse", "displayName", "Claire Moreau RN"),
                        this::create).audit().created());
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
        String header = call.ctx().header("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip() : call.ctx().cookie(HttpApp.COOKIE);
        if (token != null) {
            auth.logout(token);
        }
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

    private void list(Call call) {
        call.answer(auth.users().stream().map(AuthRoutes::view).toList());
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
        Optional<String> password = f.text("password", true, 200).filter(pw -> {
            if (pw.length() < Passwords.MIN_LENGTH || pw.getBytes(StandardCharsets.UTF_8).length > Passwords.MAX_BYTES) {
                f.add("password", MessageKey.INVALID, "must be " + Passwords.MIN_LENGTH + " to " + Passwords.MAX_BYTES
                        + " bytes long");
                return false;
            }
            return true;
        });
        Role role = f.oneOf("role", true, Role.codes()).flatMap(Role::fromCode).orElse(null);
        String display = f.text("displayName", true, 200).orElse(null);
        f.rejectUnknown();
        if (!f.problems().isEmpty()) {
            throw new InvalidInputException("the user cannot be created", f.problems());
        }
        User created = call.write(h -> {
            if (auth.usernameTaken(h, username.get())) {
                throw new InvalidInputException("the user cannot be created",
                        List.of(Problem.of("username", MessageKey.TAKEN, username.get())));
            }
            return auth.createUser(h, username.get(), password.get(), role, display);
        });
        call.answer(view(created));
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
