package org.openapheresis.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import org.openapheresis.system.Problem;

/**
 * One field's problem in a 422 answer.
 *
 * @param field dotted path of the field in the request body (empty for the body itself)
 * @param key stable key scripts can test, e.g. {@code OUT_OF_RANGE}
 * @param message English, without the field name
 * @param value the value the field had, where the problem is about it (api-v1: field, value, reason); omitted
 *     otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldProblem(String field, String key, String message, Object value) {

    public FieldProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
    }

    /** A problem without a value (a required field, a problem of the whole body). */
    public FieldProblem(String field, String key, String message) {
        this(field, key, message, null);
    }

    /** A problem of the core's readers. */
    public static FieldProblem of(Problem p) {
        return new FieldProblem(p.field(), p.key().name(), p.message(), p.value().orElse(null));
    }

    /** Prefixes the field path, e.g. {@code procedure.} for a plan request built by the server. */
    public FieldProblem under(String prefix) {
        return new FieldProblem(field.isEmpty() ? prefix : prefix + "." + field, key, message, value);
    }
}
