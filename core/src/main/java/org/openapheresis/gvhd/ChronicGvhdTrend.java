package org.openapheresis.gvhd;

import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/**
 * How the global severity of chronic GVHD moved between a patient's assessments: the latest against the one
 * before it, and the whole series, earliest first.
 *
 * <p>This compares only the NIH global severities recorded (none &lt; mild &lt; moderate &lt; severe). It is not
 * the NIH response criteria (complete or partial response, progression), which compare organ measures and are
 * not modelled here; the words "improving" and "worsening" say only that the recorded severity fell or rose.
 *
 * @param series the assessments, earliest first
 * @param direction how the latest compares with the one before it
 * @param summary the sentence shown, e.g. {@code moderate on 2026-09-02, then mild on 2026-11-04: improving (the
 *     global severity fell; not the NIH response criteria)}
 */
public record ChronicGvhdTrend(List<Point> series, Direction direction, String summary) {

    public ChronicGvhdTrend {
        series = List.copyOf(series);
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(summary, "summary");
    }

    /** How the latest severity compares with the one before it. */
    public enum Direction {
        /** No assessment recorded. */
        NONE_RECORDED("none-recorded"),
        /** One assessment: nothing to compare. */
        FIRST("first"),
        /** The severity fell. */
        IMPROVING("improving"),
        /** The severity is the same. */
        UNCHANGED("unchanged"),
        /** The severity rose. */
        WORSENING("worsening");

        private final String code;

        Direction(String code) {
            this.code = code;
        }

        /** @return the direction as written in the API, e.g. {@code improving} */
        public String code() {
            return code;
        }
    }

    /**
     * One assessment's severity at its time.
     *
     * @param assessedAt when the patient was assessed, in the unit's local time
     * @param severity the global severity recorded
     */
    public record Point(LocalDateTime assessedAt, ChronicGvhdSeverity severity) {

        public Point {
            Magic2016.ProblemList problems = new Magic2016.ProblemList();
            if (assessedAt == null) {
                problems.add(Problem.of("assessedAt", MessageKey.REQUIRED));
            }
            if (severity == null) {
                problems.add(Problem.of("severity", MessageKey.REQUIRED));
            }
            problems.throwIfAny("the chronic GVHD assessment is incomplete");
        }
    }

    /** @return the latest assessment, if any */
    public Optional<Point> latest() {
        return series.isEmpty() ? Optional.empty() : Optional.of(series.get(series.size() - 1));
    }

    /**
     * @param assessments the patient's assessments, in any order
     * @return the trend over them
     */
    public static ChronicGvhdTrend of(List<Point> assessments) {
        Objects.requireNonNull(assessments, "assessments");
        List<Point> sorted = assessments.stream().sorted(Comparator.comparing(Point::assessedAt)).toList();
        if (sorted.isEmpty()) {
            return new ChronicGvhdTrend(sorted, Direction.NONE_RECORDED, "no chronic GVHD assessment recorded");
        }
        Point last = sorted.get(sorted.size() - 1);
        String lastSaid = last.severity().code() + " on " + last.assessedAt().toLocalDate();
        if (sorted.size() == 1) {
            return new ChronicGvhdTrend(sorted, Direction.FIRST, lastSaid + ": the first assessment, nothing to compare");
        }
        Point before = sorted.get(sorted.size() - 2);
        int c = last.severity().compareTo(before.severity());
        Direction d = c < 0 ? Direction.IMPROVING : c > 0 ? Direction.WORSENING : Direction.UNCHANGED;
        String why = switch (d) {
            case IMPROVING -> "improving (the global severity fell; not the NIH response criteria)";
            case WORSENING -> "worsening (the global severity rose; not the NIH response criteria)";
            default -> "unchanged (the same global severity; not the NIH response criteria)";
        };
        return new ChronicGvhdTrend(sorted, d, before.severity().code() + " on " + before.assessedAt().toLocalDate()
                + ", then " + lastSaid + ": " + why);
    }
}
