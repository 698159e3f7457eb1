package org.openapheresis.server.http;

import java.util.Objects;
import org.openapheresis.system.Problem;

/**
 * One field's problem in a 422 answer.
 *
 * @param field dotted path of the field in the request body (empty for the body itself)
 * @param key stable key scripts can test, e.g. {@code OUT_OF_RANGE}
 * @param message English, without the field name
 */
public record FieldProblem(String field, String key, String message) {

    public FieldProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
    }

    /** A problem of the core's readers. */
    public static FieldProblem of(Problem p) {
        return new FieldProblem(p.field(), p.key().name(), p.message());
    }

    /** Prefixes the field path, e.g. {@code procedure.} for a plan request built by the server. */
    public FieldProblem under(String prefix) {
        return new FieldProblem(field.isEmpty() ? prefix : prefix + "." + field, key, message);
    }
}
