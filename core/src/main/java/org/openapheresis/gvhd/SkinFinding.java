package org.openapheresis.gvhd;

import static org.openapheresis.gvhd.Magic2016.SKIN_STAGE_2_MIN_BSA_PERCENT;
import static org.openapheresis.gvhd.Magic2016.SKIN_STAGE_3_ABOVE_BSA_PERCENT;

import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;
import org.openapheresis.system.Range;

/**
 * Skin at a follow-up visit, as entered. MAGIC stages the skin on active erythema only (BMJ Best Practice page
 * on MAGIC criteria: "Skin (active erythema only)"), so a faded or healing rash is not counted.
 *
 * @param activeRashBodySurfacePercent body surface area covered by active (erythematous) maculopapular rash, 0 to
 *     100 %
 * @param generalizedErythrodermaWithBullaeAndDesquamation generalized erythroderma plus bullous formation and
 *     desquamation over 5 % BSA (NCI PDQ Table 4, adapted from Harris 2016): skin stage 4 whatever the percentage.
 *     The MAGIC paper is quoted in public code as also requiring erythroderma over 50 % BSA; that number is
 *     UNVERIFIED and is not used: the flag alone gives stage 4, never a lower stage.
 */
public record SkinFinding(double activeRashBodySurfacePercent, boolean generalizedErythrodermaWithBullaeAndDesquamation) {

    /** A body surface area is a share of the whole body: 0 to 100 %. */
    public static final Range BODY_SURFACE_PERCENT = Range.of(0, 100);

    public SkinFinding {
        Magic2016.ProblemList problems = new Magic2016.ProblemList();
        problems.check("skin.activeRashBodySurfacePercent", BODY_SURFACE_PERCENT, activeRashBodySurfacePercent);
        if (problems.isEmpty() && generalizedErythrodermaWithBullaeAndDesquamation && activeRashBodySurfacePercent == 0) {
            problems.add(Problem.of("skin.generalizedErythrodermaWithBullaeAndDesquamation", MessageKey.INVALID,
                    "generalized erythroderma is active erythema, but the active rash is recorded on 0 % of the body surface"));
        }
        problems.throwIfAny("the skin findings have invalid values");
    }

    /** No active rash. */
    public static SkinFinding clear() {
        return new SkinFinding(0, false);
    }

    /** An active maculopapular rash on this share of the body surface, without bullae. */
    public static SkinFinding rash(double activeRashBodySurfacePercent) {
        return new SkinFinding(activeRashBodySurfacePercent, false);
    }

    /** @return the MAGIC skin stage and the row that gave it */
    public OrganStage stage() {
        if (generalizedErythrodermaWithBullaeAndDesquamation) {
            return OrganStage.of(Organ.SKIN, 4, "generalized erythroderma with bullous formation and desquamation over 5 % BSA");
        }
        String bsa = "active rash on " + Magic2016.plain(activeRashBodySurfacePercent) + " % of the body surface";
        if (activeRashBodySurfacePercent == 0) {
            return OrganStage.of(Organ.SKIN, 0, "no active (erythematous) rash");
        }
        if (activeRashBodySurfacePercent < SKIN_STAGE_2_MIN_BSA_PERCENT) {
            return OrganStage.of(Organ.SKIN, 1, bsa + " is below 25 % BSA");
        }
        if (activeRashBodySurfacePercent <= SKIN_STAGE_3_ABOVE_BSA_PERCENT) {
            return OrganStage.of(Organ.SKIN, 2, bsa + " is 25–50 % BSA");
        }
        return OrganStage.of(Organ.SKIN, 3, bsa + " is above 50 % BSA");
    }
}
