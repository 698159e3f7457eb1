package org.openapheresis.server.http;

import java.util.Objects;
import org.openapheresis.server.access.Permission;

/**
 * One row of the route table. Each feature contributes its rows; the server composes them into the one table the
 * OpenAPI document is generated from.
 *
 * @param method HTTP method
 * @param path Javalin path with {@code {param}} placeholders
 * @param permission what the route does; the access policy says who may
 * @param audited true when every call is written to the audit log (patient data and accounts)
 * @param status the status of a successful answer (200 or 201)
 * @param summary one line for the OpenAPI document
 * @param body whether the route reads a request body
 * @param example an example request body (required when the route takes a body), or null
 * @param errors answers beyond the ones every route of its kind has (e.g. 409 and why), for the OpenAPI document
 * @param answerExample an example of the success answer for the OpenAPI document, or null
 * @param handler parses, calls one service method, answers
 */
public record Route(Method method, String path, Permission permission, boolean audited, int status, String summary,
        Body body, Object example, java.util.Map<Integer, String> errors, Object answerExample, ApiHandler handler) {

    /** The HTTP methods the API uses. */
    public enum Method { GET, POST, PUT, DELETE }

    /** Whether a route reads a request body. */
    public enum Body {
        /** No body: an empty body or {@code {}} only. */
        NONE,
        /** A body that may be left out. */
        OPTIONAL,
        /** A body that must be sent. */
        REQUIRED
    }

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(handler, "handler");
        errors = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(errors));
        if (body != Body.NONE && example == null) {
            throw new IllegalArgumentException(method + " " + path + " takes a body and needs an example");
        }
    }

    /** A GET route: not audited, 200, no body. */
    public static Route get(String path, Permission permission, String summary, ApiHandler handler) {
        return new Route(Method.GET, path, permission, false, 200, summary, Body.NONE, null, java.util.Map.of(), null, handler);
    }

    /** A POST route that takes the given example body: not audited, 200. */
    public static Route post(String path, Permission permission, String summary, Object example, ApiHandler handler) {
        return new Route(Method.POST, path, permission, false, 200, summary, Body.REQUIRED, example, java.util.Map.of(), null,
                handler);
    }

    /** A POST route without a body (an action on the record named by the path): not audited, 200. */
    public static Route action(String path, Permission permission, String summary, ApiHandler handler) {
        return new Route(Method.POST, path, permission, false, 200, summary, Body.NONE, null, java.util.Map.of(), null,
                handler);
    }

    /** A PUT route that takes the given example body: not audited, 200. */
    public static Route put(String path, Permission permission, String summary, Object example, ApiHandler handler) {
        return new Route(Method.PUT, path, permission, false, 200, summary, Body.REQUIRED, example, java.util.Map.of(), null,
                handler);
    }

    /** A DELETE route (no body): not audited, 200. */
    public static Route delete(String path, Permission permission, String summary, ApiHandler handler) {
        return new Route(Method.DELETE, path, permission, false, 200, summary, Body.NONE, null, java.util.Map.of(),
                null, handler);
    }

    /** This route, with every call written to the audit log. */
    public Route audit() {
        return new Route(method, path, permission, true, status, summary, body, example, errors, answerExample,
                handler);
    }

    /** This route, answering 201 Created. */
    public Route created() {
        return new Route(method, path, permission, audited, 201, summary, body, example, errors, answerExample,
                handler);
    }

    /** This route, with a body that may be left out (the example shows it). */
    public Route optionalBody(Object optionalExample) {
        return new Route(method, path, permission, audited, status, summary, Body.OPTIONAL, optionalExample, errors,
                answerExample, handler);
    }

    /** This route, documenting a further error answer (e.g. 409 and why it is given). */
    public Route error(int errorStatus, String why) {
        java.util.Map<Integer, String> e = new java.util.TreeMap<>(errors);
        e.put(errorStatus, why);
        return new Route(method, path, permission, audited, status, summary, body, example, e, answerExample,
                handler);
    }

    /** This route, with an example of its success answer. */
    public Route answers(Object successExample) {
        return new Route(method, path, permission, audited, status, summary, body, example, errors, successExample,
                handler);
    }

    /** @return e.g. {@code POST /api/orders/{id}/sign}, also the audit action */
    public String signature() {
        return method + " " + path;
    }

    /** True for methods that change state (they need the CSRF token when authenticated by cookie). */
    public boolean changesState() {
        return method != Method.GET;
    }
}
