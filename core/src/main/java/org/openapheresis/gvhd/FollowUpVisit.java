package org.openapheresis.gvhd;

import java.time.LocalDateTime;
import java.util.List;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/**
 * A follow-up visit after donor lymphocyte infusion: the acute GVHD findings and any chimerism results.
 *
 * @param visitAt when the patient was seen, in the unit's local time
 * @param findings the acute GVHD findings of the four organs
 * @param chimerism chimerism results reported at the visit, possibly none
 */
public record FollowUpVisit(LocalDateTime visitAt, GvhdFindings findings, List<Chimerism> chimerism) {

    public FollowUpVisit {
        Magic2016.ProblemList problems = new Magic2016.ProblemList();
        if (visitAt == null) {
            problems.add(Problem.of("visitAt", MessageKey.REQUIRED));
        }
        if (findings == null) {
            problems.add(Problem.of("findings", MessageKey.REQUIRED));
        }
        if (chimerism == null) {
            problems.add(Problem.of("chimerism", MessageKey.REQUIRED));
        } else {
            for (int i = 0; i < chimerism.size(); i++) {
                if (chimerism.get(i) == null) {
                    problems.add(Problem.of("chimerism[" + i + "]", MessageKey.REQUIRED));
                }
            }
        }
        problems.throwIfAny("the follow-up visit is incomplete");
        chimerism = List.copyOf(chimerism);
    }

    /** @return the visit's stages and grade */
    public MagicStaging staging() {
        return findings.staging();
    }

    /** @return the grade recorded at this visit, for the DLI hold rule */
    public GvhdAssessment assessment() {
        return new GvhdAssessment(visitAt, staging().grade());
    }
}
