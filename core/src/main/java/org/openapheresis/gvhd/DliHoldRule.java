package org.openapheresis.gvhd;

import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/**
 * The next dose of donor lymphocytes is held, with a warning, when acute GVHD of grade II or more was recorded
 * since the last dose. The physician decides; the rule only says so and why.
 *
 * <p>The rule is the unit's (project issue 13): grade II-IV is the band that DLI studies count as clinically
 * significant GVHD (e.g. Peggs et al., Blood 2004;103:1548, dose-escalated DLI: "Grades II to IV
 * graft-versus-host disease (GVHD) occurred in 5 sibling and 7 unrelated donor recipients"), but no publication
 * was read that sets this hold. An assessment at the very time of the dose counts as since the dose: when the
 * order of two records of the same minute is unknown, holding is the safe reading.
 */
public final class DliHoldRule {

    /** The lowest grade that holds the next dose. */
    public static final MagicGrade HOLD_FROM = MagicGrade.II;

    /** Where the rule comes from. */
    public static final String SOURCE = "the unit's rule (project issue 13): hold the next DLI dose after acute GVHD grade II "
            + "or more since the last dose; grades by " + Magic2016.SOURCE;

    private DliHoldRule() {
    }

    /**
     * @param lastDoseAt when the last dose of donor lymphocytes was given, in the unit's local time
     * @param assessments the follow-up assessments, in any order (earlier ones are ignored)
     * @return whether to hold, with the warning naming the highest grade recorded and the first date it was
     *     recorded, e.g. {@code acute GVHD grade II recorded on 2026-11-20 since the last dose on 2026-11-10:
     *     hold the next dose; the physician decides}
     * @throws org.openapheresis.system.InvalidInputException naming {@code lastDoseAt} or {@code assessments}
     */
    public static DliHoldDecision decide(LocalDateTime lastDoseAt, List<GvhdAssessment> assessments) {
        Magic2016.ProblemList problems = new Magic2016.ProblemList();
        if (lastDoseAt == null) {
            problems.add(Problem.of("lastDoseAt", MessageKey.REQUIRED));
        }
        if (assessments == null) {
            problems.add(Problem.of("assessments", MessageKey.REQUIRED));
        } else {
            for (int i = 0; i < assessments.size(); i++) {
                if (assessments.get(i) == null) {
                    problems.add(Problem.of("assessments[" + i + "]", MessageKey.REQUIRED));
                }
            }
        }
        problems.throwIfAny("the DLI hold cannot be decided");

        List<GvhdAssessment> qualifying = assessments.stream()
                .filter(a -> !a.assessedAt().isBefore(lastDoseAt))
                .filter(a -> a.grade().atLeast(HOLD_FROM))
                .sorted(Comparator.comparing(GvhdAssessment::assessedAt))
                .toList();
        if (qualifying.isEmpty()) {
            return new DliHoldDecision(false, Optional.empty(), List.of());
        }
        MagicGrade worst = qualifying.stream().map(GvhdAssessment::grade).max(Comparator.naturalOrder()).orElseThrow();
        GvhdAssessment first = qualifying.stream().filter(a -> a.grade() == worst).findFirst().orElseThrow();
        String others = qualifying.size() == 1 ? ""
                : " (" + qualifying.size() + " assessments of grade II or more since that dose)";
        String warning = "acute GVHD grade " + worst.roman() + " recorded on " + first.assessedAt().toLocalDate()
                + " since the last dose on " + lastDoseAt.toLocalDate() + ": hold the next dose; the physician decides"
                + others;
        return new DliHoldDecision(true, Optional.of(warning), qualifying);
    }
}
