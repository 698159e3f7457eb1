package org.openapheresis.server.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openapheresis.server.access.AccessPolicy;
import org.openapheresis.server.access.Permission;
import org.openapheresis.server.access.Role;

/**
 * The OpenAPI 3 document, generated from the route table so it cannot drift from the code: every route with
 * its method, path, parameters, roles ({@code x-roles}), success and error answers, and the security schemes
 * (bearer token, or session cookie plus {@code X-CSRF-Token} on state changes).
 */
public final class OpenApi {

    private static final Pattern PARAM = Pattern.compile("\\{([a-zA-Z]+)}");

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
                "key", Map.of("type", "string", "description", "the stable key of a refusal (404, 409, 429)"),
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
            if (r.example() != null) {
                media.put("example", r.example());
            }
            op.put("requestBody", Map.of("required", r.body() == Route.Body.REQUIRED, "content",
                    Map.of("application/json", media)));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        Map<String, Object> ok = new LinkedHashMap<>();
        ok.put("schema", Map.of("type", "object"));
        if (r.answerExample() != null) {
            ok.put("example", r.answerExample());
        }
        responses.put(Integer.toString(r.status()), Map.of("description", r.status() == 201 ? "created" : "success",
                "content", Map.of("application/json", ok)));
        Map<String, Object> problemRef = Map.of("application/json",
                Map.of("schema", Map.of("$ref", "#/components/schemas/Problem")));
        if (r.body() != Route.Body.NONE) {
            responses.put("413", Map.of("description", "the body is larger than " + HttpApp.MAX_REQUEST_BYTES
                    + " bytes (counted as read, chunked or not)", "content", problemRef));
        }
        if (r.changesState()) {
            responses.put("400", Map.of("description", "malformed JSON", "content", problemRef));
            responses.put("422", Map.of("description", "invalid values, one problem per field",
                    "content", problemRef));
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
            responses.put("404", Map.of("description", "no such record (an id that is not a record id names none: "
                    + "the problem names the path parameter)", "content", problemRef));
        }
        r.errors().forEach((status, why) -> responses.put(Integer.toString(status),
                Map.of("description", why, "content", problemRef)));
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
