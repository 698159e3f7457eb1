package org.openapheresis.server.http;

import static org.openapheresis.server.auth.Permission.AUDIT_READ;
import static org.openapheresis.server.auth.Permission.AUTHENTICATED;
import static org.openapheresis.server.auth.Permission.ORDERS_CREATE;
import static org.openapheresis.server.auth.Permission.ORDERS_READ;
import static org.openapheresis.server.auth.Permission.ORDERS_SIGN;
import static org.openapheresis.server.auth.Permission.PATIENTS_READ;
import static org.openapheresis.server.auth.Permission.PATIENTS_WRITE;
import static org.openapheresis.server.auth.Permission.PLANS;
import static org.openapheresis.server.auth.Permission.PUBLIC;
import static org.openapheresis.server.auth.Permission.SESSIONS_CLINICAL_READ;
import static org.openapheresis.server.auth.Permission.SESSIONS_READ;
import static org.openapheresis.server.auth.Permission.SESSIONS_RECORD;
import static org.openapheresis.server.auth.Permission.SESSIONS_SCHEDULE;
import static org.openapheresis.server.auth.Permission.USERS_MANAGE;
import static org.openapheresis.server.http.Route.Method.GET;
import static org.openapheresis.server.http.Route.Method.POST;
import static org.openapheresis.server.http.Route.Method.PUT;

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
            org.openapheresis.server.planning.PlanHandlers plans,
            org.openapheresis.server.patient.PatientHandlers patients,
            org.openapheresis.server.order.OrderHandlers orders,
            org.openapheresis.server.session.SessionHandlers sessions) {
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
        t.add(GET, "/api/catalog", AUTHENTICATED, false, 200,
                "Catalogues: adverse event types and grades, fluids, procedure types, indications table, roles",
                h.system()::catalog);
        // patients and donors
        t.add(GET, "/api/patients", PATIENTS_READ, true, 200, "List or search (?q=) patients and donors",
                h.patients()::list);
        t.add(POST, "/api/patients", PATIENTS_WRITE, true, 201, "Register a patient or donor", h.patients()::create);
        t.add(GET, "/api/patients/{id}", PATIENTS_READ, true, 200, "A patient or donor (billing: demographics and "
                + "coverage only)", h.patients()::get);
        t.add(PUT, "/api/patients/{id}", PATIENTS_WRITE, true, 200, "Edit (If-Match or version; stale gives 409)",
                h.patients()::update);
        t.add(GET, "/api/patients/{id}/labs", SESSIONS_CLINICAL_READ, true, 200, "Lab history, oldest first",
                h.patients()::labs);
        // orders
        t.add(GET, "/api/orders", ORDERS_READ, true, 200, "List orders (?patientId=)", h.orders()::list);
        t.add(POST, "/api/orders", ORDERS_CREATE, true, 201, "Prescribe: planned from the patient record, with "
                + "guideline category and candidacy warnings", h.orders()::create);
        t.add(GET, "/api/orders/{id}", ORDERS_READ, true, 200, "An order with its plan and warnings", h.orders()::get);
        t.add(POST, "/api/orders/{id}/sign", ORDERS_SIGN, true, 200, "Physician signature", h.orders()::sign);
        t.add(POST, "/api/orders/{id}/acknowledge", ORDERS_SIGN, true, 200,
                "Acknowledge warnings ({\"codes\": [...]} or all)", h.orders()::acknowledge);
        // sessions
        t.add(GET, "/api/sessions", SESSIONS_READ, true, 200, "Sessions (?date=YYYY-MM-DD&patientId=)",
                h.sessions()::list);
        t.add(POST, "/api/sessions", SESSIONS_SCHEDULE, true, 201,
                "Schedule a signed order (plannedStart, machine, chair, nurse)", h.sessions()::schedule);
        t.add(GET, "/api/sessions/{id}", SESSIONS_READ, true, 200, "One session", h.sessions()::get);
        t.add(PUT, "/api/sessions/{id}", SESSIONS_SCHEDULE, true, 200,
                "Reschedule a scheduled session (plannedStart, machine, chair, nurse; If-Match or version)",
                h.sessions()::reschedule);
        t.add(POST, "/api/sessions/{id}/start", SESSIONS_RECORD, true, 200,
                "Start: {\"acknowledgedWarnings\": [codes]} must hold every plan warning of severity warning or "
                        + "danger, and a physician must have acknowledged every candidacy warning on the order; else "
                        + "409 with the list. The codes are recorded with the session and audited",
                h.sessions()::start);
        t.add(POST, "/api/sessions/{id}/complete", SESSIONS_RECORD, true, 200, "Complete", h.sessions()::complete);
        t.add(POST, "/api/sessions/{id}/abort", SESSIONS_RECORD, true, 200, "Abort with a reason",
                h.sessions()::abort);
        t.add(POST, "/api/sessions/{id}/run-values", SESSIONS_RECORD, true, 201,
                "Record a run-value sample or {\"samples\": [...]}", h.sessions()::runValues);
        t.add(POST, "/api/sessions/{id}/vitals", SESSIONS_RECORD, true, 201, "Record vitals", h.sessions()::vitals);
        t.add(POST, "/api/sessions/{id}/fluids", SESSIONS_RECORD, true, 201, "Record a fluid given",
                h.sessions()::fluids);
        t.add(POST, "/api/sessions/{id}/labs", SESSIONS_RECORD, true, 201, "Record pre/during/post labs",
                h.sessions()::labs);
        t.add(POST, "/api/sessions/{id}/adverse-events", SESSIONS_RECORD, true, 201,
                "Record an adverse event (WAA grade)", h.sessions()::adverseEvents);
        t.add(GET, "/api/sessions/{id}/record", SESSIONS_CLINICAL_READ, true, 200,
                "The whole clinical record with the comparison to the plan", h.sessions()::record);
        return List.copyOf(t.routes);
    }

    private void add(Route.Method method, String path, Permission permission, boolean audited, int status,
            String summary, ApiHandler handler) {
        routes.add(new Route(method, path, permission, audited, status, summary, handler));
    }
}
