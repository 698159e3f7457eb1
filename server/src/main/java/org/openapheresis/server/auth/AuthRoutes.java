package org.openapheresis.server.auth;

import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openapheresis.server.http.Call;
import org.openapheresis.server.http.FieldKey;
import org.openapheresis.server.http.Fields;
import org.openapheresis.server.http.HttpApp;
import org.openapheresis.server.http.HttpProblem;

/** Login, logout, the caller's own account, and account management (admin). */
public final class AuthHandlers {

    private final AuthService auth;

    public AuthHandlers(AuthService auth) {
        this.auth = auth;
    }

    public void login(Call call) {
        Fields f = call.fields();
        String username = f.text("username", true, 64).orElse(null);
        String password = f.raw("password", true).filter(String.class::isInstance).map(String.class::cast)
                .orElse(null);
        if (f.has("password") && password == null) {
            f.add("password", FieldKey.WRONG_TYPE, "text");
        }
        f.rejectUnknown();
        f.throwIfProblems("login needs a user name and a password");
        call.actor(username.length() > 50 ? username.substring(0, 50) : username);
        AuthService.LoginResult result = auth.login(username, password, call.ctx().ip());
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
        call.ctx().cookie(new Cookie(HttpApp.COOKIE, s.token(), "/", -1, secure, 0, true, null, null,
                SameSite.STRICT));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", s.token());
        body.put("user", view(s.user()));
        body.put("csrfToken", s.csrfToken());
        call.answer(body);
    }

    public void logout(Call call) {
        call.noFields();
        String header = call.ctx().header("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip() : call.ctx().cookie(HttpApp.COOKIE);
        if (token != null) {
            auth.logout(token);
        }
        call.ctx().removeCookie(HttpApp.COOKIE, "/");
        call.answer(Map.of("loggedOut", true));
    }

    public void me(Call call) {
        Principal p = call.who();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", p.userId());
        body.put("username", p.username());
        body.put("displayName", p.displayName());
        body.put("role", p.role().code());
        body.put("csrfToken", p.csrfToken());
        call.answer(body);
    }

    public void list(Call call) {
        call.answer(auth.users().stream().map(AuthHandlers::view).toList());
    }

    public void create(Call call) {
        Fields f = call.fields();
        String username = f.text("username", true, 64).orElse(null);
        if (username != null && !username.matches("[A-Za-z0-9._-]{2,64}")) {
            f.add("username", FieldKey.INVALID, "use 2 to 64 letters, digits, dots, dashes or underscores");
            username = null;
        }
        String password = f.text("password", true, 200).orElse(null);
        if (password != null && (password.length() < Passwords.MIN_LENGTH
                || password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > Passwords.MAX_BYTES)) {
            f.add("password", FieldKey.INVALID, "must be " + Passwords.MIN_LENGTH + " to " + Passwords.MAX_BYTES
                    + " bytes long");
            password = null;
        }
        Role role = f.oneOf("role", true, Role.codes()).flatMap(Role::fromCode).orElse(null);
        String display = f.text("displayName", true, 200).orElse(null);
        f.rejectUnknown();
        f.throwIfProblems("the user cannot be created");
        String u = username;
        String pw = password;
        User created = call.write(null, h -> {
            if (auth.usernameTaken(h, u)) {
                throw HttpProblem.invalid("the user cannot be created",
                        List.of(new org.openapheresis.server.http.FieldProblem("username", FieldKey.TAKEN.name(),
                                FieldKey.TAKEN.format(u))));
            }
            return auth.createUser(h, u, pw, role, display);
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
