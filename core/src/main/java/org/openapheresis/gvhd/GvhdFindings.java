package org.openapheresis.gvhd;

import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/**
 * The acute GVHD findings of one follow-up visit, one per target organ, as entered.
 *
 * @param skin skin findings
 * @param liver liver findings
 * @param upperGi upper GI findings
 * @param lowerGi lower GI findings
 */
public record GvhdFindings(SkinFinding skin, LiverFinding liver, UpperGiFinding upperGi, LowerGiFinding lowerGi) {

    public GvhdFindings {
        Magic2016.ProblemList problems = new Magic2016.ProblemList();
        if (skin == null) {
            problems.add(Problem.of("skin", MessageKey.REQUIRED));
        }
        if (liver == null) {
            problems.add(Problem.of("liver", MessageKey.REQUIRED));
        }
        if (upperGi == null) {
            problems.add(Problem.of("upperGi", MessageKey.REQUIRED));
        }
        if (lowerGi == null) {
            problems.add(Problem.of("lowerGi", MessageKey.REQUIRED));
        }
        problems.throwIfAny("the GVHD findings are incomplete");
    }

    /** @return each organ's MAGIC stage and the overall grade, each with the rule it came from */
    public MagicStaging staging() {
        OrganStage s = skin.stage();
        OrganStage l = liver.stage();
        OrganStage u = upperGi.stage();
        OrganStage g = lowerGi.stage();
        Magic2016.Grading grading = Magic2016.grade(s.stage(), l.stage(), u.stage(), g.stage());
        return new MagicStaging(s, l, u, g, grading.grade(), grading.rule());
    }
}
