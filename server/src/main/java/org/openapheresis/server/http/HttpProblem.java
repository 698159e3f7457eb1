package org.openapheresis.server.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An answer that is not a success: status, title and extra members of the problem body (e.g. the current
 * version on a 409). Thrown by handlers and translated by {@link ErrorTranslator}.
 */
public final class HttpProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Map<String, Object> extra;

    public HttpProblem(int status, String title, Map<String, Object> extra) {
        super(title);
        this.status = status;
        this.extra = new LinkedHashMap<>(extra);
    }

    public static HttpProblem notFound(String what) {
        return new HttpProblem(404, what + " not found", Map.of());
    }

    public static HttpProblem unauthorized() {
        return new HttpProblem(401, "authentication required", Map.of());
    }

    public static HttpProblem forbidden(String why) {
        return new HttpProblem(403, why, Map.of());
    }

    /** A stale version: the answer carries the current version and record. */
    public static HttpProblem staleVersion(int currentVersion, Object current) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("currentVersion", currentVersion);
        m.put("current", current);
        return new HttpProblem(409, "the record was changed by someone else; reload it and apply your change again",
                m);
    }

    public static HttpProblem conflict(String title) {
        return new HttpProblem(409, title, Map.of());
    }

    /** A 422 with field problems. */
    public static HttpProblem invalid(String title, List<FieldProblem> problems) {
        return new HttpProblem(422, title, Map.of("problems", List.copyOf(problems)));
    }

    public int status() {
        return status;
    }

    public Map<String, Object> extra() {
        return extra;
    }
}
