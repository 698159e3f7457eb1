package org.openapheresis.contract;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;
import org.openapheresis.system.Range;

/**
 * One JSON object being read: remembers which keys were read so that unknown keys (a typo such as
 * {@code weighKg}) are reported rather than ignored, and adds every problem to a shared list. The one reader
 * of request trees: the plan contract's readers and the unit server's routes both read with it, so a problem
 * has the same field path, key and wording wherever it is found.
 */
public final class Node {

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
    public static Optional<Node> object(Object value, String path, List<Problem> problems) {
        if (value instanceof Map<?, ?> m) {
            return Optional.of(new Node(path, m, problems));
        }
        problems.add(Problem.of(path.isEmpty() ? "(request)" : path, MessageKey.WRONG_TYPE, "an object",
                describe(value)));
        return Optional.empty();
    }

    public String path() {
        return path;
    }

    public String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** True when the key is present with a non-null value (marks it read). */
    public boolean has(String key) {
        read.add(key);
        return map.get(key) != null;
    }

    public Object raw(String key) {
        read.add(key);
        return map.get(key);
    }

    /** A required child object. */
    public Optional<Node> child(String key, boolean required) {
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
    public OptionalDouble number(String key, Range range, boolean required) {
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
    public OptionalInt integer(String key, Range range, boolean required) {
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
    public Optional<String> text(String key, boolean required) {
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
    public Optional<List<?>> list(String key, boolean required) {
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

    /**
     * The request body as an object; a problem (and empty) for anything else.
     *
     * @param problems where every problem of the body is collected
     */
    public static Optional<Node> root(Object value, List<Problem> problems) {
        return object(value, "", problems);
    }

    /** Records a problem of one field of this object. */
    public void add(String key, MessageKey messageKey, Object... params) {
        problems.add(Problem.of(key.isEmpty() ? (path.isEmpty() ? "(request)" : path) : field(key), messageKey,
                params));
    }

    /** Throws every problem collected so far, if any. */
    public void throwIfProblems() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /**
     * Record text on one line (a name, a code, a reason in a few words): present, not blank, at most
     * {@code maxLength} characters, no control, invisible direction or unpaired surrogate character
     * ({@link #badCharacter}); surrounding spaces are removed.
     */
    public Optional<String> text(String key, boolean required, int maxLength) {
        return recordText(key, required, maxLength, false);
    }

    /** Record text that may run over several lines (notes): as {@link #text(String, boolean, int)}, with line
     * breaks and tabs allowed. */
    public Optional<String> multilineText(String key, boolean required, int maxLength) {
        return recordText(key, required, maxLength, true);
    }

    private Optional<String> recordText(String key, boolean required, int maxLength, boolean multiline) {
        return text(key, required).flatMap(s -> {
            if (s.isBlank()) {
                problems.add(Problem.of(field(key), MessageKey.BLANK));
                return Optional.empty();
            }
            if (s.length() > maxLength) {
                problems.add(Problem.of(field(key), MessageKey.TOO_LONG, maxLength));
                return Optional.empty();
            }
            Optional<Problem> bad = badCharacter(field(key), s, multiline);
            if (bad.isPresent()) {
                problems.add(bad.get());
                return Optional.empty();
            }
            return Optional.of(s.strip());
        });
    }

    /**
     * The first character of a text that has no place in a record, as a problem: a control character (NUL among
     * them: PostgreSQL refuses it), an unpaired surrogate (it cannot be stored as UTF-8 and would silently become
     * "?"), or an invisible direction control (embedding, override, isolate: U+202A-U+202E, U+2066-U+2069, which
     * can make a name display as something else). Line breaks and tabs are allowed in multi-line text.
     */
    public static Optional<Problem> badCharacter(String field, String s, boolean multiline) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String what = null;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                what = "an unpaired surrogate";
            } else if (Character.isLowSurrogate(c)) {
                what = "an unpaired surrogate";
            } else if (c == 0) {
                what = "a NUL character";
            } else if (multiline && (c == '\n' || c == '\r' || c == '\t')) {
                continue;
            } else if (Character.getType(c) == Character.CONTROL) {
                what = String.format(java.util.Locale.ROOT, "the control character U+%04X", (int) c);
            } else if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                what = String.format(java.util.Locale.ROOT, "the direction control U+%04X", (int) c);
            }
            if (what != null) {
                return Optional.of(Problem.of(field, MessageKey.INVALID_CHARACTER, what, i + 1));
            }
        }
        return Optional.empty();
    }

    /** Text that must be one of the allowed codes. */
    public Optional<String> oneOf(String key, boolean required, List<String> allowed) {
        return text(key, required, 200).flatMap(s -> {
            if (!allowed.contains(s)) {
                problems.add(Problem.of(field(key), MessageKey.NOT_ONE_OF, s, String.join(", ", allowed)));
                return Optional.empty();
            }
            return Optional.of(s);
        });
    }

    /** True or false. */
    public Optional<Boolean> bool(String key, boolean required) {
        Object v = raw(key);
        if (v == null) {
            if (required) {
                problems.add(Problem.of(field(key), MessageKey.REQUIRED));
            }
            return Optional.empty();
        }
        if (v instanceof Boolean b) {
            return Optional.of(b);
        }
        problems.add(Problem.of(field(key), MessageKey.WRONG_TYPE, "true or false", describe(v)));
        return Optional.empty();
    }

    /** An ISO calendar date. */
    public Optional<LocalDate> date(String key, boolean required) {
        return text(key, required, 10).flatMap(s -> {
            try {
                return Optional.of(LocalDate.parse(s));
            } catch (DateTimeParseException e) {
                problems.add(Problem.of(field(key), MessageKey.NOT_A_DATE, s));
                return Optional.empty();
            }
        });
    }

    /** An ISO date-time with an offset, or without one in the given local time zone. */
    public Optional<Instant> time(String key, boolean required, ZoneId zone) {
        return text(key, required, 40).flatMap(s -> {
            Optional<Instant> t = parseTime(s, zone);
            if (t.isEmpty()) {
                problems.add(Problem.of(field(key), MessageKey.NOT_A_DATE_TIME, s));
            }
            return t;
        });
    }

    /** Parses an ISO date-time with an offset, or without one in {@code zone}. */
    public static Optional<Instant> parseTime(String s, ZoneId zone) {
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDateTime.parse(s).atZone(zone).toInstant());
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    /** A list of non-blank texts, each at most {@code maxLength} characters; empty lists are allowed. */
    public Optional<List<String>> texts(String key, boolean required, int maxItems, int maxLength) {
        Object v = raw(key);
        if (v == null) {
            if (required) {
                problems.add(Problem.of(field(key), MessageKey.REQUIRED));
            }
            return Optional.empty();
        }
        if (!(v instanceof List<?> l)) {
            problems.add(Problem.of(field(key), MessageKey.WRONG_TYPE, "a list of texts", describe(v)));
            return Optional.empty();
        }
        if (l.size() > maxItems) {
            problems.add(Problem.of(field(key), MessageKey.TOO_MANY, maxItems));
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        int before = problems.size();
        for (int i = 0; i < l.size(); i++) {
            Object item = l.get(i);
            String f = field(key) + "[" + i + "]";
            if (!(item instanceof String s) || s.isBlank()) {
                problems.add(Problem.of(f, MessageKey.WRONG_TYPE, "non-blank text", describe(item)));
            } else if (s.length() > maxLength) {
                problems.add(Problem.of(f, MessageKey.TOO_LONG, maxLength));
            } else if (badCharacter(f, s, false).isPresent()) {
                problems.add(badCharacter(f, s, false).get());
            } else {
                out.add(s.strip());
            }
        }
        return problems.size() > before ? Optional.empty() : Optional.of(List.copyOf(out));
    }

    /** A non-empty list of objects (a batch), at most {@code maxItems}. */
    public Optional<List<Node>> objects(String key, boolean required, int maxItems) {
        Optional<List<?>> l = list(key, required);
        if (l.isEmpty()) {
            return Optional.empty();
        }
        if (l.get().size() > maxItems) {
            problems.add(Problem.of(field(key), MessageKey.TOO_MANY, maxItems));
            return Optional.empty();
        }
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < l.get().size(); i++) {
            object(l.get().get(i), field(key) + "[" + i + "]", problems).ifPresent(out::add);
        }
        return Optional.of(out);
    }

    /**
     * Runs a constructor that validates what it is given (a record that refuses impossible values) and adds its
     * problems to this object's, with their fields read relative to it.
     *
     * @return what the constructor built, or empty when it refused
     */
    public <T> Optional<T> build(java.util.function.Supplier<T> constructor) {
        try {
            return Optional.ofNullable(constructor.get());
        } catch (InvalidInputException e) {
            for (Problem p : e.problems()) {
                String f = p.field().isEmpty() || p.field().equals("(request)")
                        ? (path.isEmpty() ? "(request)" : path) : field(p.field());
                problems.add(new Problem(f, p.key(), p.params()));
            }
            return Optional.empty();
        }
    }

    /** Marks keys as known without reading them (read elsewhere, or echoed back by a client and ignored). */
    public void allow(String... keys) {
        read.addAll(List.of(keys));
    }

    /** Reports keys that were never read. Call after reading every known key. */
    public void rejectUnknown() {
        List<String> unknown = new ArrayList<>();
        for (Object k : map.keySet()) {
            if (!read.contains(String.valueOf(k))) {
                unknown.add(String.valueOf(k));
            }
        }
        for (String k : unknown) {
            problems.add(Problem.of(field(printable(k)), MessageKey.UNKNOWN_FIELD, String.join(", ", read)));
        }
    }

    /**
     * A key as a problem can name it: an unpaired surrogate, a control or an invisible direction character is
     * written as its Java escape (a backslash, u and four hex digits): such a character cannot be written into
     * the UTF-8 answer, and would end the connection instead of answering 422.
     */
    static String printable(String key) {
        StringBuilder b = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < key.length()
                    && Character.isLowSurrogate(key.charAt(i + 1));
            if (paired) {
                b.append(c).append(key.charAt(++i));
            } else if (Character.isSurrogate(c) || Character.isISOControl(c)
                    || Character.getType(c) == Character.FORMAT) {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Converts a JSON number to a double; reports a problem for any other type. */
    public OptionalDouble toDouble(Object v, String field) {
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
    public static String describe(Object v) {
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
