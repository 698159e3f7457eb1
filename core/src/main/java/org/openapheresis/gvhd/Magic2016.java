package org.openapheresis.gvhd;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.Problem;
import org.openapheresis.system.Range;

/**
 * The MAGIC criteria for acute GVHD: the organ-stage thresholds and the overall grade computed from the four
 * organ stages.
 *
 * <p>Source: Harris AC, Young R, Devine S, et al. International, Multicenter Standardization of Acute
 * Graft-versus-Host Disease Clinical Data Collection: A Report from the Mount Sinai Acute GVHD International
 * Consortium. Biol Blood Marrow Transplant 2016;22(1):4-10, doi:10.1016/j.bbmt.2015.09.001. The paper itself was
 * not readable in the excerpts found; the <b>stage thresholds</b> were checked against two pages that reproduce
 * its Table 1: the NCI PDQ summary "Complications, Graft-Versus-Host Disease, and Late Effects After Pediatric
 * Hematopoietic Stem Cell Transplant", Table 4 "Staging of Acute GVHD", "adapted from Harris et al."
 * (ncbi.nlm.nih.gov/books/NBK577669), every stage of every organ, adults and children; and a point-of-care page
 * on MAGIC criteria (BMJ Best Practice, as mirrored), stages 0 and 1, which gives "Skin (active erythema
 * only)" and the upper GI wording. The EBMT-NIH-CIBMTR task force (Schoemans, Bone Marrow Transplant
 * 2018;53:1401) recommends MAGIC for acute GVHD. What was read, and where, is listed in docs/sources.md.
 *
 * <p><b>The overall grade table is UNVERIFIED</b>: no readable excerpt of a published page gave it. The rules
 * coded here (grade 0: no stage 1-4 of any organ; I: stage 1-2 skin without liver, upper GI or lower GI
 * involvement; II: stage 3 rash and/or stage 1 liver, upper GI or lower GI; III: stage 2-3 liver and/or stage
 * 2-3 lower GI, with stage 0-3 skin and stage 0-1 upper GI; IV: stage 4 skin, liver or lower GI, with stage 0-1
 * upper GI) were read only in public code listings that quote Harris 2016 Table 1. They agree with the one
 * published statement found (grade I is "a skin rash over less than 50% of the body surface, without liver or
 * gut involvement", in the Haematologica report of a randomized trial of steroids for grade I acute GvHD,
 * EudraCT 2008-000413-29, haematologica.org/article/view/8291). The older Keystone consensus (Przepiorka,
 * Bone Marrow Transplant 1995;15:825, read as an abstract) is background only; its grade table was not read.
 * The sentence shown to users carries the mark.
 *
 * <p>The table prints its ranges to the precision it was written in (bilirubin 2-3, 3.1-6, 6.1-15, &gt;15
 * mg/dL; children 10-19.9, 20-30, &gt;30 mL/kg/day). A value between two printed ranges (bilirubin 3.05 mg/dL)
 * is read here as belonging to the higher stage: the boundaries are "above 3", "above 6", "above 15" mg/dL and
 * "20 or more" mL/kg/day. That reading is the project's (it never gives a lower stage than the table could),
 * not the paper's.
 */
public final class Magic2016 {

    /** The short citation that ends every stage and grade sentence. */
    public static final String CITED = "(MAGIC, Harris 2016)";

    /** The full citation. */
    public static final String SOURCE = "Harris AC et al., Biol Blood Marrow Transplant 2016;22(1):4-10, "
            + "doi:10.1016/j.bbmt.2015.09.001 (MAGIC criteria)";

    // ---- skin: body surface area of active (erythematous) rash, percent ----

    /** Skin stage 2 from 25 % BSA of active rash (stage 1 below); NCI PDQ Table 4: "25%-50% BSA". */
    public static final double SKIN_STAGE_2_MIN_BSA_PERCENT = 25;
    /** Skin stage 3 above 50 % BSA (stage 2 up to and including 50); NCI PDQ Table 4: "&gt;50% BSA". */
    public static final double SKIN_STAGE_3_ABOVE_BSA_PERCENT = 50;

    // ---- liver: total bilirubin, mg/dL ----

    /** Liver stage 1 from 2 mg/dL (stage 0 below); NCI PDQ Table 4: "&lt;2 mg/dL", "2-3 mg/dL". */
    public static final double LIVER_STAGE_1_MIN_MG_PER_DL = 2;
    /** Liver stage 2 above 3 mg/dL; NCI PDQ Table 4: "3.1-6 mg/dL". */
    public static final double LIVER_STAGE_2_ABOVE_MG_PER_DL = 3;
    /** Liver stage 3 above 6 mg/dL; NCI PDQ Table 4: "6.1-15 mg/dL". */
    public static final double LIVER_STAGE_3_ABOVE_MG_PER_DL = 6;
    /** Liver stage 4 above 15 mg/dL; NCI PDQ Table 4: "&gt;15 mg/dL". */
    public static final double LIVER_STAGE_4_ABOVE_MG_PER_DL = 15;

    // ---- lower GI, adults: stool output, mL/day (a 3-day average, NCI PDQ Table 4 note c) ----

    /** Adult lower GI stage 1 from 500 mL/day; NCI PDQ Table 4: "&lt;500 mL", "500-999 mL". */
    public static final double LOWER_GI_ADULT_STAGE_1_MIN_ML_PER_DAY = 500;
    /** Adult lower GI stage 2 from 1000 mL/day; NCI PDQ Table 4: "1,000-1,500 mL". */
    public static final double LOWER_GI_ADULT_STAGE_2_MIN_ML_PER_DAY = 1000;
    /** Adult lower GI stage 3 above 1500 mL/day; NCI PDQ Table 4: "&gt;1,500 mL". */
    public static final double LOWER_GI_ADULT_STAGE_3_ABOVE_ML_PER_DAY = 1500;

    // ---- lower GI, children: stool output, mL/kg/day ----

    /** Child lower GI stage 1 from 10 mL/kg/day; NCI PDQ Table 4: "&lt;10 mL/kg", "10-19.9 mL/kg". */
    public static final double LOWER_GI_CHILD_STAGE_1_MIN_ML_PER_KG_PER_DAY = 10;
    /** Child lower GI stage 2 from 20 mL/kg/day; NCI PDQ Table 4: "20-30 mL/kg". */
    public static final double LOWER_GI_CHILD_STAGE_2_MIN_ML_PER_KG_PER_DAY = 20;
    /** Child lower GI stage 3 above 30 mL/kg/day; NCI PDQ Table 4: "&gt;30 mL/kg". */
    public static final double LOWER_GI_CHILD_STAGE_3_ABOVE_ML_PER_KG_PER_DAY = 30;

    private Magic2016() {
    }

    /**
     * The overall grade of the four organ stages, with the rule that gave it.
     *
     * <p>Evaluated from grade IV down, the table's "with stage 0-3 skin and stage 0-1 upper GI" clauses always
     * hold, so the grade is the highest grade that any one organ's stage reaches on its own: skin 1-2 gives I,
     * skin 3 II, skin 4 IV; liver 1 II, 2-3 III, 4 IV; upper GI 1 II; lower GI 1 II, 2-3 III, 4 IV. A lower
     * stage can therefore give a higher grade (skin 3 is grade II, lower GI 2 is grade III): the grade is not
     * the highest stage. Raising any one stage never lowers the grade.
     *
     * @throws InvalidInputException naming {@code stages.<organ>} for a stage the organ does not have
     */
    public static Grading grade(int skinStage, int liverStage, int upperGiStage, int lowerGiStage) {
        ProblemList problems = new ProblemList();
        problems.check("stages.skin", Range.of(0, Organ.SKIN.maxStage()), skinStage);
        problems.check("stages.liver", Range.of(0, Organ.LIVER.maxStage()), liverStage);
        problems.check("stages.upperGi", Range.of(0, Organ.UPPER_GI.maxStage()), upperGiStage);
        problems.check("stages.lowerGi", Range.of(0, Organ.LOWER_GI.maxStage()), lowerGiStage);
        problems.throwIfAny("the organ stages cannot be graded");

        int[] stages = {skinStage, liverStage, upperGiStage, lowerGiStage};
        Organ[] organs = Organ.values();
        MagicGrade grade = MagicGrade.ZERO;
        StringBuilder drivers = new StringBuilder();
        for (int i = 0; i < organs.length; i++) {
            MagicGrade alone = gradeAlone(organs[i], stages[i]);
            if (alone.compareTo(grade) > 0) {
                grade = alone;
                drivers.setLength(0);
            }
            if (alone == grade && grade != MagicGrade.ZERO) {
                drivers.append(drivers.length() == 0 ? "" : ", ").append(organs[i].label()).append(" stage ")
                        .append(stages[i]);
            }
        }
        String rule = "grade " + grade.roman() + ": " + definition(grade)
                + (grade == MagicGrade.ZERO ? "" : "; here " + drivers) + " " + CITED
                + " (UNVERIFIED: the grade table was read only as reproduced in public code)";
        return new Grading(grade, rule);
    }

    /** The grade the MAGIC table gives when this organ is the only one involved. */
    static MagicGrade gradeAlone(Organ organ, int stage) {
        return switch (organ) {
            case SKIN -> switch (stage) {
                case 0 -> MagicGrade.ZERO;
                case 1, 2 -> MagicGrade.I;
                case 3 -> MagicGrade.II;
                default -> MagicGrade.IV;
            };
            case UPPER_GI -> stage == 0 ? MagicGrade.ZERO : MagicGrade.II;
            case LIVER, LOWER_GI -> switch (stage) {
                case 0 -> MagicGrade.ZERO;
                case 1 -> MagicGrade.II;
                case 2, 3 -> MagicGrade.III;
                default -> MagicGrade.IV;
            };
        };
    }

    /** @return the grade's row of the MAGIC table, in words */
    public static String definition(MagicGrade grade) {
        return switch (grade) {
            case ZERO -> "no stage 1–4 of any organ";
            case I -> "stage 1–2 skin without liver, upper GI or lower GI involvement";
            case II -> "stage 3 rash and/or stage 1 liver and/or stage 1 upper GI and/or stage 1 lower GI";
            case III -> "stage 2–3 liver and/or stage 2–3 lower GI, with stage 0–3 skin and stage 0–1 upper GI";
            case IV -> "stage 4 skin, liver or lower GI involvement, with stage 0–1 upper GI";
        };
    }

    /**
     * An overall grade and the rule that gave it.
     *
     * @param grade the overall grade
     * @param rule e.g. {@code grade III: stage 2–3 liver and/or … ; here liver stage 2 (MAGIC, Harris 2016) …}
     */
    public record Grading(MagicGrade grade, String rule) {

        public Grading {
            Objects.requireNonNull(grade, "grade");
            Objects.requireNonNull(rule, "rule");
        }
    }

    /** A number as entered, without a trailing {@code .0} and without exponent: {@code 30}, {@code 12.5}. */
    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A number with at least one decimal, as laboratories print bilirubin: {@code 4.0}, {@code 3.05}. */
    static String oneDecimalAtLeast(double value) {
        BigDecimal v = BigDecimal.valueOf(value).stripTrailingZeros();
        return (v.scale() < 1 ? v.setScale(1) : v).toPlainString();
    }

    /** Collects the problems of one record so that all are reported at once. */
    static final class ProblemList {

        private final java.util.ArrayList<Problem> problems = new java.util.ArrayList<>();

        void check(String field, Range range, double value) {
            range.check(field, value).ifPresent(problems::add);
        }

        void add(Problem problem) {
            problems.add(problem);
        }

        boolean isEmpty() {
            return problems.isEmpty();
        }

        void throwIfAny(String summary) {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(summary, List.copyOf(problems));
            }
        }
    }
}
