package org.openapheresis.server.session;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happened against what was planned: processed volume, exchange (removed) volume, replacement volume, fluid
 * balance and duration. Actuals come from the latest run value that has each measure, and the duration from
 * start to end (or to the latest run value while running).
 */
public final class Comparison {

    private Comparison() {
    }

    /** The {@code comparison} block of a session record. */
    public static Map<String, Object> of(Map<String, Object> plan, List<Entries.RunValue> runValues,
            SessionRecord session) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("processedVolumeMl", row(number(plan.get("processedVolumeMl")),
                latest(runValues, Entries.RunValue::processedVolumeMl)));
        c.put("exchangeVolumeMl", row(number(plan.get("exchangeVolumeMl")),
                latest(runValues, Entries.RunValue::removedVolumeMl)));
        Double replacementPlanned = null;
        if (plan.get("replacement") instanceof Map<?, ?> r) {
            Double a = number(r.get("albuminMl"));
            Double p = number(r.get("plasmaMl"));
            replacementPlanned = a == null && p == null ? null : (a == null ? 0 : a) + (p == null ? 0 : p);
        }
        c.put("replacementVolumeMl", row(replacementPlanned, latest(runValues, Entries.RunValue::replacementVolumeMl)));
        Double balancePlanned = plan.get("fluidBalance") instanceof Map<?, ?> fb ? number(fb.get("netMl")) : null;
        c.put("fluidBalanceMl", row(balancePlanned, latest(runValues, Entries.RunValue::fluidBalanceMl)));
        Double actualMin = null;
        if (session.startedAt() != null) {
            Instant end = session.endedAt();
            if (end == null && !runValues.isEmpty()) {
                end = runValues.get(runValues.size() - 1).time();
            }
            if (end != null) {
                actualMin = Duration.between(session.startedAt(), end).toSeconds() / 60.0;
            }
        }
        c.put("durationMin", row(number(plan.get("durationMin")), actualMin));
        return c;
    }

    private static Double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : null;
    }

    private static Double latest(List<Entries.RunValue> values, java.util.function.Function<Entries.RunValue, Double> f) {
        Double last = null;
        for (Entries.RunValue v : values) {
            if (f.apply(v) != null) {
                last = f.apply(v);
            }
        }
        return last;
    }

    /** {@code {"planned", "actual", "differencePercent"}}; the difference is (actual - planned) / planned. */
    static Map<String, Object> row(Double planned, Double actual) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("planned", planned == null ? null : round1(planned));
        m.put("actual", actual == null ? null : round1(actual));
        m.put("differencePercent", planned == null || actual == null || planned == 0 ? null
                : round1(100 * (actual - planned) / planned));
        return m;
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
