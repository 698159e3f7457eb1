package org.openapheresis.server.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer of the HTTP layer that is not a success (not signed in, a role that may not, a malformed header):
 * status, title and extra members of the problem body. Services never throw it: they throw
 * {@link org.openapheresis.server.system.DomainException}.
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

    public static HttpProblem unauthorized() {
        return new HttpProblem(401, "authentication required", Map.of());
    }

    public static HttpProblem forbidden(String why) {
        return new HttpProblem(403, why, Map.of());
    }

    public int status() {
        return status;
    }

    public Map<String, Object> extra() {
        return extra;
    }
}
