package org.openapheresis.server.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openapheresis.server.auth.AccessPolicy;
import org.openapheresis.server.auth.Permission;
import org.openapheresis.server.auth.Role;

/**
 * The OpenAPI 3 document, generated from the route table so it cannot drift from the code: every route with
 * its method, path, parameters, roles ({@code x-roles}), success and error answers, and the security schemes
 * (bearer token, or session cookie plus {@code X-CSRF-Token} on state changes).
 */
public final class OpenApi {

    private static final Pattern PARAM = Pattern.compile("\\{([a-zA-Z]+)}");

    /** Example bodies of the routes that take one (a test checks every body-taking route has one). */
    static final Map<String, Object> REQUEST_EXAMPLES = Map.ofEntries(
            Map.entry("POST /api/login", Map.of("username", "dr.lindqvist", "password", "…")),
            Map.entry("POST /api/users", Map.of("username", "nurse.moreau", "password", "at least 10 characters",
                    "role", "nurse", "displayName", "Claire Moreau RN")),
            Map.entry("POST /api/plans", Map.of("patient", Map.of("sex", "female", "ageYears", 34, "heightCm", 168,
                    "weightKg", 64, "hematocritPercent", 40), "procedure", Map.of("type", "plasma-exchange",
                    "plasmaVolumes", 1.25))),
            Map.entry("POST /api/courses", Map.of("patient", Map.of("sex", "female", "ageYears", 34, "heightCm", 168,
                    "weightKg", 64, "hematocritPercent", 40), "procedure", Map.of("type", "plasma-exchange",
                    "plasmaVolumes", 1.25), "schedule", Map.of("sessions", 5, "intervalHours", 48))),
            Map.entry("POST /api/patients", patientExample()),
            Map.entry("PUT /api/patients/{id}", withVersion(patientExample())),
            Map.entry("POST /api/orders", Map.of("patientId", "…", "indication", Map.of("code", "G35.A", "text",
                    "MS relapse"), "procedure", Map.of("type", "plasma-exchange", "plasmaVolumes", 1.25,
                    "replacement", Map.of("albuminPercent", 100, "plasmaPercent", 0)), "schedule",
                    Map.of("sessions", 5, "intervalHours", 48))),
            Map.entry("POST /api/orders/{id}/acknowledge", Map.of("codes", List.of("ACE_INHIBITOR_ALBUMIN_EXCHANGE"))),
            Map.entry("POST /api/sessions", Map.of("orderId", "…", "plannedStart", "2026-03-02T08:30:00Z",
                    "machine", "Optia-1", "chair", "Chair 1", "nurse", "nurse.moreau")),
            Map.entry("PUT /api/sessions/{id}", Map.of("plannedStart", "2026-03-03T10:00:00Z", "machine", "Optia-2", "chair", "Chair 2",
                    "nurse", "nurse.tanaka", "version", 1)),
            Map.entry("POST /api/sessions/{id}/start", Map.of("acknowledgedWarnings", List.of("FIBRINOGEN_LOW_POST"))),
            Map.entry("POST /api/sessions/{id}/abort", Map.of("reason", "access lost")),
            Map.entry("POST /api/sessions/{id}/run-values", Map.of("samples", List.of(runValueExample()))),
            Map.entry("POST /api/sessions/{id}/vitals", Map.of("time", "2026-03-02T09:00:00Z", "systolicMmHg", 118,
                    "diastolicMmHg", 72, "pulsePerMin", 80, "spo2Percent", 98, "temperatureC", 36.8)),
            Map.entry("POST /api/sessions/{id}/fluids", Map.of("time", "2026-03-02T09:10:00Z", "fluid",
                    "calcium-gluconate-10", "volumeMl", 10)),
            Map.entry("POST /api/sessions/{id}/labs", Map.of("time", "2026-03-02T11:00:00Z", "phase", "post",
                    "values", Map.of("iggGPerL", 3.9, "plateletsE9PerL", 200))),
            Map.entry("POST /api/sessions/{id}/adverse-events", Map.of("time", "2026-03-02T09:20:00Z", "type",
                    "citrate-reaction", "grade", "moderate", "actionTaken", "calcium gluconate 10 mL i.v.",
                    "interrupted", false, "notes", "perioral tingling")));

    /** Routes that take no body (an empty body or {}). */
    static final java.util.Set<String> NO_BODY = java.util.Set.of("POST /api/logout", "POST /api/orders/{id}/sign",
            "POST /api/sessions/{id}/complete");

    private static Map<String, Object> patientExample() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kind", "patient");
        p.put("mrn", "MRN-100234");
        p.put("givenName", "Sofia");
        p.put("familyName", "Berg");
        p.put("birthDate", "1991-03-14");
        p.put("sex", "female");
        p.put("heightCm", 168);
        p.put("weightKg", 64);
        p.put("allergies", List.of());
        p.put("medications", List.of("interferon beta-1a"));
        p.put("aceInhibitor", false);
        p.put("plasmaAllergy", false);
        p.put("coverage", Map.of("payer", "Regional Health Fund", "memberId", "RHF-100234"));
        p.put("labs", Map.of("hematocritPercent", 40, "plateletsE9PerL", 240, "iggGPerL", 10.5));
        p.put("labsTakenAt", "2026-03-01T08:00:00Z");
        return p;
    }

    private static Map<String, Object> runValueExample() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("time", "2026-03-02T09:00:00Z");
        v.put("source", "machine");
        v.put("inletFlowMlPerMin", 60);
        v.put("acFlowMlPerMin", 5);
        v.put("removalFlowMlPerMin", 25);
        v.put("replacementFlowMlPerMin", 25);
        v.put("processedVolumeMl", 1500);
        v.put("acVolumeMl", 120);
        v.put("removedVolumeMl", 800);
        v.put("replacementVolumeMl", 790);
        v.put("fluidBalanceMl", 10);
        return v;
    }

    private static Map<String, Object> withVersion(Map<String, Object> m) {
        Map<String, Object> v = new LinkedHashMap<>(m);
        v.put("version", 1);
        return v;
    }

    private OpenApi() {
    }

    public static Map<String, Object> document(List<Route> routes, AccessPolicy policy, String version) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "OpenApheresis unit API", "version", version,
                "description", "Contract api-v1. Errors are JSON problem bodies {title, status}; 422 answers list "
                        + "problems [{field, key, message}]; 409 answers carry currentVersion. Cookie-authenticated "
                        + "requests that change state must send the X-CSRF-Token header with the csrfToken from "
                        + "the login answer; Bearer-token requests need none."));
        Map<String, Object> paths = new LinkedHashMap<>();
        for (Route r : routes) {
            String oaPath = r.path();
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(oaPath, k -> new LinkedHashMap<>());
            item.put(r.method().name().toLowerCase(Locale.ROOT), operation(r, policy));
        }
        doc.put("paths", paths);
        Map<String, Object> schemes = new LinkedHashMap<>();
        schemes.put("bearer", Map.of("type", "http", "scheme", "bearer"));
        schemes.put("cookie", Map.of("type", "apiKey", "in", "cookie", "name", HttpApp.COOKIE));
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "object");
        problem.put("required", List.of("title", "status"));
        problem.put("properties", Map.of(
                "title", Map.of("type", "string"),
                "status", Map.of("type", "integer"),
                "currentVersion", Map.of("type", "integer"),
                "problems", Map.of("type", "array", "items", Map.of("type", "object",
                        "properties", Map.of("field", Map.of("type", "string"), "key", Map.of("type", "string"),
                                "message", Map.of("type", "string"),
                                "value", Map.of("description", "the value the field had, when the problem is about it"))))));
        doc.put("components", Map.of("securitySchemes", schemes, "schemas", Map.of("Problem", problem)));
        return doc;
    }

    private static Map<String, Object> operation(Route r, AccessPolicy policy) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", operationId(r));
        op.put("summary", r.summary());
        List<Object> params = new ArrayList<>();
        Matcher m = PARAM.matcher(r.path());
        while (m.find()) {
            params.add(Map.of("name", m.group(1), "in", "path", "required", true, "schema", Map.of("type", "string")));
        }
        if (r.permission() != Permission.PUBLIC && r.changesState()) {
            params.add(Map.of("name", HttpApp.CSRF_HEADER, "in", "header", "required", false,
                    "description", "required when authenticated by the session cookie", "schema",
                    Map.of("type", "string")));
        }
        if (!params.isEmpty()) {
            op.put("parameters", params);
        }
        if (r.method() == Route.Method.POST || r.method() == Route.Method.PUT) {
            Map<String, Object> media = new LinkedHashMap<>();
            media.put("schema", Map.of("type", "object"));
            Object example = REQUEST_EXAMPLES.get(r.signature());
            if (example != null) {
                media.put("example", example);
            }
            op.put("requestBody", Map.of("required", example != null, "content", Map.of("application/json", media)));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        Map<String, Object> ok = new LinkedHashMap<>();
        ok.put("schema", Map.of("type", "object"));
        if (r.signature().equals("POST /api/login")) {
            ok.put("example", Map.of("token", "bearer token", "user", Map.of("id", "…", "username", "dr.lindqvist",
                    "displayName", "Dr Anna Lindqvist", "role", "physician"), "csrfToken",
                    "send as X-CSRF-Token on cookie-authenticated changes"));
        }
        responses.put(Integer.toString(r.status()), Map.of("description", r.signature().equals("POST /api/login")
                ? "logged in; also sets the HttpOnly, SameSite=Strict session cookie " + HttpApp.COOKIE : "success",
                "content", Map.of("application/json", ok)));
        Map<String, Object> problemRef = Map.of("application/json",
                Map.of("schema", Map.of("$ref", "#/components/schemas/Problem")));
        if (r.changesState()) {
            responses.put("400", Map.of("description", "malformed JSON", "content", problemRef));
            responses.put("422", Map.of("description", "invalid values, one problem per field",
                    "content", problemRef));
        }
        if (r.signature().equals("POST /api/login")) {
            responses.put("401", Map.of("description", "wrong user name or password", "content", problemRef));
            responses.put("429", Map.of("description", "too many failed logins: wait Retry-After seconds "
                    + "(also retryAfterSeconds in the body)", "content", problemRef));
        }
        if (r.permission() != Permission.PUBLIC) {
            responses.put("401", Map.of("description", "not logged in", "content", problemRef));
            responses.put("403", Map.of("description", "role not allowed", "content", problemRef));
            op.put("security", List.of(Map.of("bearer", List.of()), Map.of("cookie", List.of())));
            op.put("x-roles", r.permission() == Permission.AUTHENTICATED ? List.of("any")
                    : policy.roles(r.permission()).stream().map(Role::code).toList());
        } else {
            op.put("security", List.of());
        }
        if (r.path().contains("{")) {
            responses.put("404", Map.of("description", "no such record", "content", problemRef));
        }
        if (r.method() == Route.Method.PUT || r.path().matches(".*/(sign|start|complete|abort|run-values)$")) {
            String why = r.path().endsWith("/start") ? ", or warnings not acknowledged (listed)"
                    : r.signature().equals("PUT /api/sessions/{id}") ? ", or the machine is booked then" : "";
            responses.put("409", Map.of("description", "stale version or wrong state" + why, "content", problemRef));
        } else if (r.signature().equals("POST /api/sessions")) {
            responses.put("409", Map.of("description", "order not signed, or the machine is booked then (the "
                    + "session in the way is named)", "content", problemRef));
        }
        op.put("responses", responses);
        return op;
    }

    static String operationId(Route r) {
        StringBuilder b = new StringBuilder(r.method().name().toLowerCase(Locale.ROOT));
        for (String part : r.path().replace("/api/", "").split("[/-]")) {
            if (part.isEmpty()) {
                continue;
            }
            String p = part.startsWith("{") ? "By" + cap(part.substring(1, part.length() - 1)) : cap(part);
            b.append(p);
        }
        return b.toString();
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
