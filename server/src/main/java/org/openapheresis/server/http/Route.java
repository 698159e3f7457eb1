package org.openapheresis.server.http;

import java.util.Objects;
import org.openapheresis.server.auth.Permission;

/**
 * One row of the route table.
 *
 * @param method HTTP method
 * @param path Javalin path with {@code {param}} placeholders
 * @param permission what the route does; the access policy says who may
 * @param audited true when every call is written to the audit log (patient data and accounts)
 * @param status the status of a successful answer (200 or 201)
 * @param summary one line for the OpenAPI document
 * @param handler parses, calls one thing, answers
 */
public record Route(Method method, String path, Permission permission, boolean audited, int status, String summary,
        ApiHandler handler) {

    /** The HTTP methods the API uses. */
    public enum Method { GET, POST, PUT, DELETE }

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(handler, "handler");
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
