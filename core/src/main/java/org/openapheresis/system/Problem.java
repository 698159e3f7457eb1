package org.openapheresis.system;

import java.util.List;
import java.util.Objects;

/**
 * One thing wrong with an input: the field path (as in the contract, e.g. {@code patient.hematocritPercent}),
 * a stable key and its parameters.
 *
 * @param field dotted path of the field in the request, never blank
 * @param key the stable message key
 * @param params parameters of the key's template, in order
 */
public record Problem(String field, MessageKey key, List<Object> params) {

    public Problem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(key, "key");
        params = List.copyOf(params);
    }

    /** A problem with the given parameters. */
    public static Problem of(String field, MessageKey key, Object... params) {
        return new Problem(field, key, List.of(params));
    }

    /**
     * The value the field had, where the problem is about that value (out of range, not finite, not one of
     * the allowed values, of the wrong type: then as described, e.g. {@code text "80"}); empty where there
     * was no value (required) or the problem is about something derived from several fields.
     */
    public java.util.Optional<Object> value() {
        return switch (key) {
            case OUT_OF_RANGE, NOT_FINITE, NOT_ONE_OF, NOT_A_DATE, NOT_A_DATE_TIME, IN_THE_FUTURE, TAKEN ->
                    params.isEmpty() ? java.util.Optional.empty()
                    : java.util.Optional.of(params.get(0));
            case WRONG_TYPE -> params.size() > 1 ? java.util.Optional.of(params.get(1)) : java.util.Optional.empty();
            default -> java.util.Optional.empty();
        };
    }

    /** @return the English message without the field, e.g. {@code 420 is outside 10..70} */
    public String message() {
        return fill(key.template(), params);
    }

    /** A template's {@code {0}}, {@code {1}}, … replaced by the parameters, each {@link #render rendered}. */
    public static String fill(String template, List<?> params) {
        String text = template;
        for (int i = 0; i < params.size(); i++) {
            text = text.replace("{" + i + "}", render(params.get(i)));
        }
        return text;
    }

    /** @return the line the CLI prints: {@code field: message} */
    public String line() {
        return field + ": " + message();
    }

    /** Renders a parameter: whole doubles without a trailing {@code .0}, others as given. */
    public static String render(Object value) {
        if (value instanceof Double d) {
            if (!Double.isFinite(d)) {
                return String.valueOf(d);
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString(d.longValue());
            }
            return Double.toString(Rounding.significant(d, 4));
        }
        return String.valueOf(value);
    }
}
