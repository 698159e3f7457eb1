package org.openapheresis.server.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.openapheresis.procedure.Plan;

/**
 * What happened against what was planned: processed volume, exchange (removed) volume, replacement volume, fluid
 * balance and duration. Actuals come from the latest run value that has each measure, and the duration from
 * start to end (or to the latest run value while running).
 *
 * @param processedVolumeMl blood processed, mL
 * @param exchangeVolumeMl plasma (or product) removed, mL
 * @param replacementVolumeMl replacement given, mL
 * @param fluidBalanceMl net fluid balance, mL
 * @param durationMin run time, min
 */
public record Comparison(Row processedVolumeMl, Row exchangeVolumeMl, Row replacementVolumeMl, Row fluidBalanceMl,
        Row durationMin) {

    /**
     * One measure planned and actual.
     *
     * @param planned the plan's value, or null when the plan has none
     * @param actual the recorded value, or null when none was recorded
     * @param differencePercent (actual - planned) / planned, percent, or null
     */
    public record Row(Double planned, Double actual, Double differencePercent) {

        static Row of(Double planned, Double actual) {
            return new Row(planned == null ? null : round1(planned), actual == null ? null : round1(actual),
                    planned == null || actual == null || planned == 0 ? null
                            : round1(100 * (actual - planned) / planned));
        }
    }

    /** The comparison of a session's record with its plan. */
    public static Comparison of(Plan plan, List<Entries.RunValue> runValues, SessionRecord session) {
        Double replacementPlanned = plan.replacement() == null ? null
                : plan.replacement().albuminMl() + plan.replacement().plasmaMl();
        Double actualMin = null;
        if (session.startedAt().isPresent()) {
            Instant end = session.endedAt().orElse(runValues.isEmpty() ? null
                    : runValues.get(runValues.size() - 1).time());
            if (end != null) {
                actualMin = Duration.between(session.startedAt().get(), end).toSeconds() / 60.0;
            }
        }
        return new Comparison(
                Row.of(plan.processedVolumeMl(), latest(runValues, Entries.RunValue::processedVolumeMl)),
                Row.of(plan.exchangeVolumeMl(), latest(runValues, Entries.RunValue::removedVolumeMl)),
                Row.of(replacementPlanned, latest(runValues, Entries.RunValue::replacementVolumeMl)),
                Row.of(plan.fluidBalance() == null ? null : plan.fluidBalance().netMl(),
                        latest(runValues, Entries.RunValue::fluidBalanceMl)),
                Row.of(plan.durationMin(), actualMin));
    }

    private static Double latest(List<Entries.RunValue> values, Function<Entries.RunValue, Double> f) {
        Double last = null;
        for (Entries.RunValue v : values) {
            if (f.apply(v) != null) {
                last = f.apply(v);
            }
        }
        return last;
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
