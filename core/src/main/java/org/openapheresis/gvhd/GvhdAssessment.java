package org.openapheresis.gvhd;

import java.time.LocalDateTime;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/**
 * An overall acute GVHD grade recorded at a time: what the DLI hold rule reads.
 *
 * @param assessedAt when the patient was assessed, in the unit's local time
 * @param grade the overall MAGIC grade recorded
 */
public record GvhdAssessment(LocalDateTime assessedAt, MagicGrade grade) {

    public GvhdAssessment {
        Magic2016.ProblemList problems = new Magic2016.ProblemList();
        if (assessedAt == null) {
            problems.add(Problem.of("assessment.assessedAt", MessageKey.REQUIRED));
        }
        if (grade == null) {
            problems.add(Problem.of("assessment.grade", MessageKey.REQUIRED));
        }
        problems.throwIfAny("the GVHD assessment is incomplete");
    }
}
