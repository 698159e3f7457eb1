package org.openapheresis.server.http;

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
import java.util.Set;
import org.openapheresis.system.Range;

/**
 * Reads and checks the fields of a JSON object in a request body, collecting every problem (like the core's
 * plan readers) so one 422 answer lists them all. Unknown fields are problems too.
 */
public final class Fields {

    /** The unit's local time zone, used for date-times given without an offset. */
    private final ZoneId zone;
    private final Map<?, ?> map;
    private final String prefix;
    private final List<FieldProblem> problems;
    private final Set<String> known = new LinkedHashSet<>();

    private Fields(Map<?, ?> map, String prefix, List<FieldProblem> problems, ZoneId zone) {
        this.map = map;
        this.prefix = prefix;
        this.problems = problems;
        this.zone = zone;
    }

    /** The body as an object; anything else is a 422 at once. */
    public static Fields of(Object tree, ZoneId zone) {
        if (!(tree instanceof Map<?, ?> m)) {
            throw HttpProblem.invalid("the request body must be a JSON object",
                    List.of(new FieldProblem("", FieldKey.WRONG_TYPE.name(), FieldKey.WRONG_TYPE.format("an object"))));
        }
        return new Fields(m, "", new ArrayList<>(), zone);
    }

    public String path(String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    public void add(String name, FieldKey key, Object... params) {
        Object value = switch (key) {
            case OUT_OF_RANGE, NOT_ONE_OF, NOT_A_DATE, NOT_A_DATE_TIME, IN_THE_FUTURE, TAKEN ->
                    params.length > 0 ? params[0] : null;
            default -> null;
        };
        problems.add(new FieldProblem(path(name), key.name(), key.format(params), value));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    public boolean has(String name) {
        known.add(name);
        return map.containsKey(name) && map.get(name) != null;
    }

    private Optional<Object> value(String name, boolean required) {
        known.add(name);
        Object v = map.get(name);
        if (v == null) {
            if (required) {
                add(name, FieldKey.REQUIRED);
            }
            return Optional.empty();
        }
        return Optional.of(v);
    }

    /** The raw JSON value, for parts the core reads itself (a plan request's procedure). */
    public Optional<Object> raw(String name, boolean required) {
        return value(name, required);
    }

    public Optional<String> text(String name, boolean required, int maxLength) {
        return value(name, required).flatMap(v -> {
            if (!(v instanceof String s)) {
                add(name, FieldKey.WRONG_TYPE, "text");
                return Optional.empty();
            }
            if (s.isBlank()) {
                add(name, FieldKey.BLANK);
                return Optional.empty();
            }
            if (s.length() > maxLength) {
                add(name, FieldKey.TOO_LONG, maxLength);
                return Optional.empty();
            }
            return Optional.of(s.strip());
        });
    }

    public Optional<String> oneOf(String name, boolean required, List<String> allowed) {
        return text(name, required, 200).flatMap(s -> {
            if (!allowed.contains(s)) {
                add(name, FieldKey.NOT_ONE_OF, s, String.join(", ", allowed));
                return Optional.empty();
            }
            return Optional.of(s);
        });
    }

    public Optional<Double> number(String name, boolean required, Range range) {
        return value(name, required).flatMap(v -> {
            if (!(v instanceof Number n) ) {
                add(name, FieldKey.WRONG_TYPE, "a number");
                return Optional.empty();
            }
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                add(name, FieldKey.NOT_FINITE);
                return Optional.empty();
            }
            if (!range.contains(d)) {
                add(name, FieldKey.OUT_OF_RANGE, d, range.low(), range.high());
                return Optional.empty();
            }
            return Optional.of(d);
        });
    }

    public Optional<Integer> integer(String name, boolean required, int min, int max) {
        return value(name, required).flatMap(v -> {
            if (!(v instanceof Integer || v instanceof Long || v instanceof java.math.BigInteger)) {
                add(name, FieldKey.WRONG_TYPE, "a whole number");
                return Optional.empty();
            }
            long l = ((Number) v).longValue();
            if (v instanceof java.math.BigInteger || l < min || l > max) {
                add(name, FieldKey.OUT_OF_RANGE, v, min, max);
                return Optional.empty();
            }
            return Optional.of((int) l);
        });
    }

    public Optional<Boolean> bool(String name, boolean required) {
        return value(name, required).flatMap(v -> {
            if (!(v instanceof Boolean b)) {
                add(name, FieldKey.WRONG_TYPE, "true or false");
                return Optional.empty();
            }
            return Optional.of(b);
        });
    }

    public Optional<LocalDate> date(String name, boolean required) {
        return text(name, required, 10).flatMap(s -> {
            try {
                return Optional.of(LocalDate.parse(s));
            } catch (DateTimeParseException e) {
                add(name, FieldKey.NOT_A_DATE, s);
                return Optional.empty();
            }
        });
    }

    /** An ISO date-time with an offset, or without one in the unit's time zone. */
    public Optional<Instant> time(String name, boolean required) {
        return text(name, required, 40).flatMap(s -> {
            Optional<Instant> t = parseTime(s, zone);
            if (t.isEmpty()) {
                add(name, FieldKey.NOT_A_DATE_TIME, s);
            }
            return t;
        });
    }

    /** Parses an ISO date-time with or without offset. */
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

    public Optional<List<String>> texts(String name, boolean required, int maxItems, int maxLength) {
        return value(name, required).flatMap(v -> {
            if (!(v instanceof List<?> list)) {
                add(name, FieldKey.WRONG_TYPE, "a list of texts");
                return Optional.empty();
            }
            if (list.size() > maxItems) {
                add(name, FieldKey.TOO_MANY, maxItems);
                return Optional.empty();
            }
            List<String> out = new ArrayList<>();
            int before = problems.size();
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                String field = name + "[" + i + "]";
                if (!(item instanceof String s) || s.isBlank()) {
                    add(field, FieldKey.WRONG_TYPE, "non-blank text");
                } else if (s.length() > maxLength) {
                    add(field, FieldKey.TOO_LONG, maxLength);
                } else {
                    out.add(s.strip());
                }
            }
            return problems.size() > before ? Optional.empty() : Optional.of(List.copyOf(out));
        });
    }

    public Optional<Fields> object(String name, boolean required) {
        return value(name, required).flatMap(v -> {
            if (!(v instanceof Map<?, ?> m)) {
                add(name, FieldKey.WRONG_TYPE, "an object");
                return Optional.empty();
            }
            return Optional.of(new Fields(m, path(name), problems, zone));
        });
    }

    /** A list of objects (a batch). */
    public Optional<List<Fields>> objects(String name, boolean required, int maxItems) {
        return value(name, required).flatMap(v -> {
            if (!(v instanceof List<?> list)) {
                add(name, FieldKey.WRONG_TYPE, "a list of objects");
                return Optional.empty();
            }
            if (list.isEmpty()) {
                add(name, FieldKey.EMPTY_LIST);
                return Optional.empty();
            }
            if (list.size() > maxItems) {
                add(name, FieldKey.TOO_MANY, maxItems);
                return Optional.empty();
            }
            List<Fields> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                String field = name + "[" + i + "]";
                if (!(list.get(i) instanceof Map<?, ?> m)) {
                    add(field, FieldKey.WRONG_TYPE, "an object");
                } else {
                    out.add(new Fields(m, path(field), problems, zone));
                }
            }
            return Optional.of(out);
        });
    }

    /** Marks a field as known without reading it (read elsewhere). */
    public void allow(String... names) {
        known.addAll(List.of(names));
    }

    /** Adds a problem for every field that was not read. */
    public void rejectUnknown() {
        for (Object k : map.keySet()) {
            if (!known.contains(String.valueOf(k))) {
                add(String.valueOf(k), FieldKey.UNKNOWN_FIELD, String.join(", ", known));
            }
        }
    }

    /** Throws a 422 with every problem found so far, if any. */
    public void throwIfProblems(String title) {
        if (!problems.isEmpty()) {
            throw HttpProblem.invalid(title, problems);
        }
    }
}
