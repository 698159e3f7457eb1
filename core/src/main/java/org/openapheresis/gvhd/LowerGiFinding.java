package org.openapheresis.gvhd;

import static org.openapheresis.gvhd.Magic2016.LOWER_GI_ADULT_STAGE_1_MIN_ML_PER_DAY;
import static org.openapheresis.gvhd.Magic2016.LOWER_GI_ADULT_STAGE_2_MIN_ML_PER_DAY;
import static org.openapheresis.gvhd.Magic2016.LOWER_GI_ADULT_STAGE_3_ABOVE_ML_PER_DAY;
import static org.openapheresis.gvhd.Magic2016.LOWER_GI_CHILD_STAGE_1_MIN_ML_PER_KG_PER_DAY;
import static org.openapheresis.gvhd.Magic2016.LOWER_GI_CHILD_STAGE_2_MIN_ML_PER_KG_PER_DAY;
import static org.openapheresis.gvhd.Magic2016.LOWER_GI_CHILD_STAGE_3_ABOVE_ML_PER_KG_PER_DAY;

import java.util.OptionalDouble;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;
import org.openapheresis.system.Range;

/**
 * Lower GI at a follow-up visit, as entered: the stool output in the unit of the patient's column of the MAGIC
 * table, and the two signs that make stage 4 "regardless of stool volume" (NCI PDQ Table 4, adapted from Harris
 * 2016).
 *
 * <p>Which column applies is the caller's choice: "The adult stool output values should be used for patients
 * weighing &gt;50 kg" (NCI PDQ Table 4, note c). Stool output is the 3-day average (same note); where stool and
 * urine are mixed, stool is presumed to be half of the total (same note), which the edge applies before entry.
 * The table also stages by stool episodes per day when volume is not measured; episodes are not modelled here,
 * a volume (or a stage 4 sign) is required.
 *
 * @param stoolOutputMlPerDay an adult's stool output, 0 to {@value #MAX_STOOL_ML_PER_DAY} mL/day, or empty
 * @param stoolOutputMlPerKgPerDay a child's stool output, 0 to {@value #MAX_STOOL_ML_PER_KG_PER_DAY} mL/kg/day, or
 *     empty; exactly one of the two is given unless a stage 4 sign is recorded
 * @param severeAbdominalPainWithOrWithoutIleus severe abdominal pain, with or without ileus: pain needing opioids
 *     (or more of them) that significantly impacts performance status, as the treating physician determines
 *     (NCI PDQ Table 4, note e)
 * @param grosslyBloodyStool grossly bloody stool
 */
public record LowerGiFinding(OptionalDouble stoolOutputMlPerDay, OptionalDouble stoolOutputMlPerKgPerDay,
        boolean severeAbdominalPainWithOrWithoutIleus, boolean grosslyBloodyStool) {

    /**
     * The highest adult stool output accepted, mL/day: a plausibility bound of the project, not a published limit.
     * In severe cholera, the most profuse diarrhoea known, "the mean maximal rate of purging ... exceeds 10
     * ml/kg/hour" (Harris JB et al., Lancet 2012;379:2466, Table 1 as read on PMC3761070), 16.8 L/day for 70 kg;
     * 30 000 mL/day is almost twice that.
     */
    public static final double MAX_STOOL_ML_PER_DAY = 30_000;

    /**
     * The highest child stool output accepted, mL/kg/day: a plausibility bound of the project. Continuing losses
     * in severe cholera "might exceed 20 mL/kg/hour" (nursing-notebook.com, management of dehydration from
     * cholera), 480 mL/kg/day; the bound is about twice that.
     */
    public static final double MAX_STOOL_ML_PER_KG_PER_DAY = 1000;

    /** Accepted adult stool output, mL/day. */
    public static final Range STOOL_ML_PER_DAY = Range.of(0, MAX_STOOL_ML_PER_DAY);
    /** Accepted child stool output, mL/kg/day. */
    public static final Range STOOL_ML_PER_KG_PER_DAY = Range.of(0, MAX_STOOL_ML_PER_KG_PER_DAY);

    public LowerGiFinding {
        Magic2016.ProblemList problems = new Magic2016.ProblemList();
        if (stoolOutputMlPerDay == null) {
            problems.add(Problem.of("lowerGi.stoolOutputMlPerDay", MessageKey.REQUIRED));
        }
        if (stoolOutputMlPerKgPerDay == null) {
            problems.add(Problem.of("lowerGi.stoolOutputMlPerKgPerDay", MessageKey.REQUIRED));
        }
        problems.throwIfAny("the lower GI findings have invalid values");
        stoolOutputMlPerDay.ifPresent(v -> problems.check("lowerGi.stoolOutputMlPerDay", STOOL_ML_PER_DAY, v));
        stoolOutputMlPerKgPerDay.ifPresent(v -> problems.check("lowerGi.stoolOutputMlPerKgPerDay", STOOL_ML_PER_KG_PER_DAY, v));
        if (stoolOutputMlPerDay.isPresent() && stoolOutputMlPerKgPerDay.isPresent()) {
            problems.add(Problem.of("lowerGi.stoolOutputMlPerKgPerDay", MessageKey.MUTUALLY_EXCLUSIVE,
                    "lowerGi.stoolOutputMlPerDay (mL/kg/day is the children's column, mL/day the adults')"));
        }
        if (stoolOutputMlPerDay.isEmpty() && stoolOutputMlPerKgPerDay.isEmpty()
                && !severeAbdominalPainWithOrWithoutIleus && !grosslyBloodyStool) {
            problems.add(Problem.of("lowerGi.stoolOutputMlPerDay", MessageKey.REQUIRED_WHEN,
                    "unless severe abdominal pain or grossly bloody stool is recorded "
                            + "(for a child give lowerGi.stoolOutputMlPerKgPerDay instead)"));
        }
        problems.throwIfAny("the lower GI findings have invalid values");
    }

    /** An adult's findings: stool output in mL/day. */
    public static LowerGiFinding adult(double stoolOutputMlPerDay, boolean severeAbdominalPainWithOrWithoutIleus,
            boolean grosslyBloodyStool) {
        return new LowerGiFinding(OptionalDouble.of(stoolOutputMlPerDay), OptionalDouble.empty(),
                severeAbdominalPainWithOrWithoutIleus, grosslyBloodyStool);
    }

    /** An adult's stool output in mL/day, without stage 4 signs. */
    public static LowerGiFinding adult(double stoolOutputMlPerDay) {
        return adult(stoolOutputMlPerDay, false, false);
    }

    /** A child's findings: stool output in mL/kg/day. */
    public static LowerGiFinding child(double stoolOutputMlPerKgPerDay, boolean severeAbdominalPainWithOrWithoutIleus,
            boolean grosslyBloodyStool) {
        return new LowerGiFinding(OptionalDouble.empty(), OptionalDouble.of(stoolOutputMlPerKgPerDay),
                severeAbdominalPainWithOrWithoutIleus, grosslyBloodyStool);
    }

    /** A child's stool output in mL/kg/day, without stage 4 signs. */
    public static LowerGiFinding child(double stoolOutputMlPerKgPerDay) {
        return child(stoolOutputMlPerKgPerDay, false, false);
    }

    /** Stage 4 signs recorded without a stool volume (stage 4 holds "regardless of stool volume"). */
    public static LowerGiFinding withoutVolume(boolean severeAbdominalPainWithOrWithoutIleus, boolean grosslyBloodyStool) {
        return new LowerGiFinding(OptionalDouble.empty(), OptionalDouble.empty(), severeAbdominalPainWithOrWithoutIleus,
                grosslyBloodyStool);
    }

    /** @return the MAGIC lower GI stage and the row that gave it */
    public OrganStage stage() {
        if (severeAbdominalPainWithOrWithoutIleus || grosslyBloodyStool) {
            String sign = severeAbdominalPainWithOrWithoutIleus && grosslyBloodyStool
                    ? "severe abdominal pain and grossly bloody stool"
                    : severeAbdominalPainWithOrWithoutIleus ? "severe abdominal pain with or without ileus" : "grossly bloody stool";
            return OrganStage.of(Organ.LOWER_GI, 4, sign + " (stage 4 regardless of stool volume)");
        }
        if (stoolOutputMlPerDay.isPresent()) {
            double v = stoolOutputMlPerDay.getAsDouble();
            String stool = "stool output " + Magic2016.plain(v) + " mL/day (adult)";
            if (v < LOWER_GI_ADULT_STAGE_1_MIN_ML_PER_DAY) {
                return OrganStage.of(Organ.LOWER_GI, 0, stool + " is below 500 mL/day");
            }
            if (v < LOWER_GI_ADULT_STAGE_2_MIN_ML_PER_DAY) {
                return OrganStage.of(Organ.LOWER_GI, 1, stool + " is 500–999 mL/day");
            }
            if (v <= LOWER_GI_ADULT_STAGE_3_ABOVE_ML_PER_DAY) {
                return OrganStage.of(Organ.LOWER_GI, 2, stool + " is 1000–1500 mL/day");
            }
            return OrganStage.of(Organ.LOWER_GI, 3, stool + " is above 1500 mL/day");
        }
        double v = stoolOutputMlPerKgPerDay.orElseThrow();
        String stool = "stool output " + Magic2016.plain(v) + " mL/kg/day (child)";
        if (v < LOWER_GI_CHILD_STAGE_1_MIN_ML_PER_KG_PER_DAY) {
            return OrganStage.of(Organ.LOWER_GI, 0, stool + " is below 10 mL/kg/day");
        }
        if (v < LOWER_GI_CHILD_STAGE_2_MIN_ML_PER_KG_PER_DAY) {
            return OrganStage.of(Organ.LOWER_GI, 1, stool + " is 10–19.9 mL/kg/day");
        }
        if (v <= LOWER_GI_CHILD_STAGE_3_ABOVE_ML_PER_KG_PER_DAY) {
            return OrganStage.of(Organ.LOWER_GI, 2, stool + " is 20–30 mL/kg/day");
        }
        return OrganStage.of(Organ.LOWER_GI, 3, stool + " is above 30 mL/kg/day");
    }
}
