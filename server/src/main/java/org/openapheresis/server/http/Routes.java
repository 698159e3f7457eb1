package org.openapheresis.server.http;

import static org.openapheresis.server.auth.Permission.AUDIT_READ;
import static org.openapheresis.server.auth.Permission.AUTHENTICATED;
import static org.openapheresis.server.auth.Permission.PLANS;
import static org.openapheresis.server.auth.Permission.PUBLIC;
import static org.openapheresis.server.auth.Permission.USERS_MANAGE;
import static org.openapheresis.server.http.Route.Method.GET;
import static org.openapheresis.server.http.Route.Method.POST;

import java.util.ArrayList;
import java.util.List;
import org.openapheresis.server.auth.Permission;

/**
 * The route table: the whole HTTP surface in one place. Each row names the method, path, permission (the access
 * policy maps it to roles), whether calls are audited, the success status, a summary and a short handler.
 */
public final class Routes {

    private final List<Route> routes = new ArrayList<>();

    private Routes() {
    }

    /** The handlers the table calls, one object per feature. */
    public record Handlers(
            org.openapheresis.server.SystemHandlers system,
            org.openapheresis.server.auth.AuthHandlers auth,
            org.openapheresis.server.audit.AuditHandlers audit,
            org.openapheresis.server.planning.PlanHandlers plans) {
    }

    public static List<Route> table(Handlers h) {
        Routes t = new Routes();
        // system and accounts
        t.add(GET, "/api/health", PUBLIC, false, 200, "Liveness and database reachability", h.system()::health);
        t.add(GET, "/api/openapi.json", PUBLIC, false, 200, "This API's OpenAPI 3 document", h.system()::openApi);
        t.add(POST, "/api/login", PUBLIC, true, 200, "Log in: token, user, csrfToken and a session cookie",
                h.auth()::login);
        t.add(POST, "/api/logout", AUTHENTICATED, true, 200, "End the session", h.auth()::logout);
        t.add(GET, "/api/me", AUTHENTICATED, false, 200, "The logged-in user and the CSRF token", h.auth()::me);
        t.add(GET, "/api/users", USERS_MANAGE, true, 200, "List accounts", h.auth()::list);
        t.add(POST, "/api/users", USERS_MANAGE, true, 201, "Create an account", h.auth()::create);
        t.add(GET, "/api/audit", AUDIT_READ, false, 200, "Audit entries (?patientId=&since=)", h.audit()::list);
        t.add(GET, "/api/audit/verify", AUDIT_READ, false, 200, "Recompute the audit hash chain", h.audit()::verify);
        // planning (contract plan-v1)
        t.add(POST, "/api/plans", PLANS, false, 200, "Plan one procedure (plan-v1)", h.plans()::plan);
        t.add(POST, "/api/courses", PLANS, false, 200, "Plan a course of sessions (plan-v1)", h.plans()::course);
        return List.copyOf(t.routes);
    }

    private void add(Route.Method method, String path, Permission permission, boolean audited, int status,
            String summary, ApiHandler handler) {
        routes.add(new Route(method, path, permission, audited, status, summary, handler));
    }
}
