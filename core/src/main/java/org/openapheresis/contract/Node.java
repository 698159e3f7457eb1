package org.openapheresis.contract;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;
import org.openapheresis.system.Range;

/**
 * One JSON object being read: remembers which keys were read so that unknown keys (a typo such as
 * {@code weighKg}) are reported rather than ignored, and adds every problem to a shared list.
 */
final class Node {

    private final String path;
    private final Map<?, ?> map;
    private final List<Problem> problems;
    private final Set<String> read = new LinkedHashSet<>();

    private Node(String path, Map<?, ?> map, List<Problem> problems) {
        this.path = path;
        this.map = map;
        this.problems = problems;
    }

    /** Reads a value that must be an object; reports a problem and returns empty otherwise. */
    static Optional<Node> object(Object value, String path, List<Problem> problems) {
        if (value instanceof Map<?, ?> m) {
            return Optional.of(new Node(path, m, problems));
        }
        problems.add(Problem.of(path.isEmpty() ? "(request)" : path, MessageKey.WRONG_TYPE, "an object",
                describe(value)));
        return Optional.empty();
    }

    String path() {
        return path;
    }

    String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    List<Problem> problems() {
        return problems;
    }

    /** True when the key is present with a non-null value (marks it read). */
    boolean has(String key) {
        read.add(key);
        return map.get(key) != null;
    }

    Object raw(String key) {
        read.add(key);
        return map.get(key);
    }

    /** A required child object. */
    Optional<Node> child(String key, boolean required) {
        Object v = raw(key);
        if (v == null) {
            if (required) {
                problems.add(Problem.of(field(key), MessageKey.REQUIRED));
            }
            return Optional.empty();
        }
        return object(v, field(key), problems);
    }

    /** A number within a range; absent (or null) is empty and, when required, a problem. */
    OptionalDouble number(String key, Range range, boolean required) {
        Object v = raw(key);
        if (v == null) {
            if (required) {
                problems.add(Problem.of(field(key), MessageKey.REQUIRED));
            }
            return OptionalDouble.empty();
        }
        OptionalDouble d = toDouble(v, field(key));
        if (d.isEmpty()) {
            return d;
        }
        var p = range.check(field(key), d.getAsDouble());
        if (p.isPresent()) {
            problems.add(p.get());
            return OptionalDouble.empty();
        }
        return d;
    }

    /** A whole number within a range. */
    OptionalInt integer(String key, Range range, boolean required) {
        OptionalDouble d = number(key, range, required);
        if (d.isEmpty()) {
            return OptionalInt.empty();
        }
        double v = d.getAsDouble();
        if (v != Math.rint(v)) {
            problems.add(Problem.of(field(key), MessageKey.WRONG_TYPE, "a whole number", v));
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) v);
    }

    /** A text value. */
    Optional<String> text(String key, boolean required) {
        Object v = raw(key);
        if (v == null) {
            if (required) {
                problems.add(Problem.of(field(key), MessageKey.REQUIRED));
            }
            return Optional.empty();
        }
        if (v instanceof String s) {
            return Optional.of(s);
        }
        problems.add(Problem.of(field(key), MessageKey.WRONG_TYPE, "text", describe(v)));
        return Optional.empty();
    }

    /** A list value. */
    Optional<List<?>> list(String key, boolean required) {
        Object v = raw(key);
        if (v == null) {
            if (required) {
                problems.add(Problem.of(field(key), MessageKey.REQUIRED));
            }
            return Optional.empty();
        }
        if (v instanceof List<?> l) {
            if (l.isEmpty()) {
                problems.add(Problem.of(field(key), MessageKey.EMPTY_LIST));
                return Optional.empty();
            }
            return Optional.of(l);
        }
        problems.add(Problem.of(field(key), MessageKey.WRONG_TYPE, "a list", describe(v)));
        return Optional.empty();
    }

    /** Reports keys that were never read. Call after reading every known key. */
    void rejectUnknown() {
        List<String> unknown = new ArrayList<>();
        for (Object k : map.keySet()) {
            if (!read.contains(String.valueOf(k))) {
                unknown.add(String.valueOf(k));
            }
        }
        for (String k : unknown) {
            problems.add(Problem.of(field(k), MessageKey.UNKNOWN_FIELD, String.join(", ", read)));
        }
    }

    /** Converts a JSON number to a double; reports a problem for any other type. */
    OptionalDouble toDouble(Object v, String field) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return OptionalDouble.of(((Number) v).longValue());
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                problems.add(Problem.of(field, MessageKey.NOT_FINITE, d));
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(d);
        }
        if (v instanceof BigDecimal || v instanceof BigInteger) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                problems.add(Problem.of(field, MessageKey.NOT_FINITE, v));
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(d);
        }
        problems.add(Problem.of(field, MessageKey.WRONG_TYPE, "a number", describe(v)));
        return OptionalDouble.empty();
    }

    /** Describes a JSON value for a type error, e.g. {@code text "80"}. */
    static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            String shown = s.length() > 40 ? s.substring(0, 40) + "..." : s;
            return "text \"" + shown + "\"";
        }
        if (v instanceof Boolean b) {
            return "true/false " + b;
        }
        if (v instanceof List<?>) {
            return "a list";
        }
        if (v instanceof Map<?, ?>) {
            return "an object";
        }
        return String.valueOf(v);
    }
}
