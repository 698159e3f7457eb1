package org.openapheresis.patient;

import org.openapheresis.system.Problem;
import org.openapheresis.system.Range;
import org.openapheresis.system.Sourced;

/**
 * Total blood volume estimates that change smoothly with age, weight and height.
 *
 * <p>Adults: Nadler SB, Hidalgo JH, Bloch T. Prediction of blood volume in normal human adults. Surgery
 * 1962;51:224-32. Male TBV (L) = 0.3669 H^3 + 0.03219 W + 0.6041; female TBV (L) = 0.3561 H^3 + 0.03308 W +
 * 0.1833, with H in metres and W in kg. Nadler tracked radionuclide-measured volumes better than the alternatives
 * (Perfusion 2023;38:455).
 *
 * <p>Children to 14 years: Linderkamp O, Versmold HT, Riegel KP, Betke K. Estimation and prediction of blood
 * volume in infants and children. Eur J Pediatr 1977;125:227-34 (160 infants and children, 1 h to 14 years;
 * equations as given by medicalalgorithms.com, a secondary page): log10 BV (mL) = a log10 W (kg) + b H (cm) + c,
 * group I (under 2 years) a 0.7891, b 0.004132, c 1.8117 (error 10.1%); group II (boys 2-14, girls 2-6) 0.6459,
 * 0.002743, 2.0324 (4.8%); group III (girls 7-14) 0.6412, 0.001270, 2.2169 (7.5%). The equations meet their own
 * table (e.g. a 6-year-old girl of 20 kg, 115 cm: 77 mL/kg, table 77.4 +- 4.3).
 *
 * <p>No published blend was found, so the planner joins the pieces linearly over one-year windows at the
 * group boundaries (1.5-2.5 years; girls 6.5-7.5 years) and over 14-16 years from Linderkamp into Nadler, where
 * the two agree within about 1% at adolescent sizes (45-55 kg); the estimate is continuous in age, weight and
 * height, unlike the earlier 70 mL/kg below 25 kg and Nadler from 25 kg (a 17% step). Without an age the patient
 * is taken as an adult (age is required under 25 kg).
 *
 * <p>Very obese adults (body mass index 40 and above): Nadler is used, because it was checked against measured
 * volumes; the plan compares it with the lean-mass-indexed estimate of Lemmens HJ, Bernstein DP, Brodsky JB
 * (Obes Surg 2006;16:773): TBV = W x 70 / sqrt(BMI / 22) mL, UNVERIFIED (the formula was read only in public code,
 * worked case 19), and asks for a measured volume when they differ by more than 10%.
 *
 * @see <a href="https://pubmed.ncbi.nlm.nih.gov/21936146/">Nadler 1962</a>
 */
public final class BloodVolumes {

    /** Nadler 1962 male coefficient of height cubed, L/m^3. */
    public static final double NADLER_1962_MALE_HEIGHT_CUBED_L_PER_M3 = 0.3669;
    /** Nadler 1962 male coefficient of weight, L/kg. */
    public static final double NADLER_1962_MALE_WEIGHT_L_PER_KG = 0.03219;
    /** Nadler 1962 male constant, L. */
    public static final double NADLER_1962_MALE_CONSTANT_L = 0.6041;
    /** Nadler 1962 female coefficient of height cubed, L/m^3. */
    public static final double NADLER_1962_FEMALE_HEIGHT_CUBED_L_PER_M3 = 0.3561;
    /** Nadler 1962 female coefficient of weight, L/kg. */
    public static final double NADLER_1962_FEMALE_WEIGHT_L_PER_KG = 0.03308;
    /** Nadler 1962 female constant, L. */
    public static final double NADLER_1962_FEMALE_CONSTANT_L = 0.1833;

    /** Weight below which an age is required (the estimate depends on it), kg. */
    public static final double AGE_REQUIRED_BELOW_WEIGHT_KG = 25;

    /** Linderkamp 1977 group I (under 2 years): coefficients of log10 W, H (cm) and the constant. */
    static final double[] LINDERKAMP_GROUP_I = {0.7891, 0.004132, 1.8117};
    /** Linderkamp 1977 group II (boys 2-14 years, girls 2-6 years). */
    static final double[] LINDERKAMP_GROUP_II = {0.6459, 0.002743, 2.0324};
    /** Linderkamp 1977 group III (girls 7-14 years). */
    static final double[] LINDERKAMP_GROUP_III = {0.6412, 0.001270, 2.2169};

    /** Blend window from group I to group II, years (the planner's choice). */
    public static final Range GROUP_I_TO_II_YEARS = Range.of(1.5, 2.5);
    /** Blend window for girls from group II to group III, years (the planner's choice). */
    public static final Range GIRLS_GROUP_II_TO_III_YEARS = Range.of(6.5, 7.5);
    /** Blend window from Linderkamp (to 14 years) into Nadler, years (the planner's choice). */
    public static final Range LINDERKAMP_TO_NADLER_YEARS = Range.of(14, 16);

    /** Body mass index from which an adult is compared with Lemmens 2006, kg/m^2 (WHO obesity class III). */
    public static final double VERY_OBESE_BODY_MASS_INDEX = 40;

    /** Lemmens 2006 indexed blood volume at a body mass index of 22, mL/kg. UNVERIFIED (worked case 19). */
    public static final Sourced LEMMENS_2006_ML_PER_KG_AT_BMI_22 = Sourced.unverified(70, "mL/kg",
            "Lemmens, Obes Surg 2006;16:773: TBV = W x 70 / sqrt(BMI / 22), formula read only in public code");

    /** Difference between Nadler and Lemmens above which a measured volume is asked for (the planner's choice). */
    public static final double LEMMENS_DIFFERENCE_TO_FLAG = 0.10;

    private BloodVolumes() {
    }

    /** Nadler 1962 total blood volume, mL. */
    public static double nadler1962Ml(Sex sex, double heightCm, double weightKg) {
        double h = heightCm / 100.0;
        double h3 = h * h * h;
        double litres = switch (sex) {
            case MALE -> NADLER_1962_MALE_HEIGHT_CUBED_L_PER_M3 * h3 + NADLER_1962_MALE_WEIGHT_L_PER_KG * weightKg
                    + NADLER_1962_MALE_CONSTANT_L;
            case FEMALE -> NADLER_1962_FEMALE_HEIGHT_CUBED_L_PER_M3 * h3
                    + NADLER_1962_FEMALE_WEIGHT_L_PER_KG * weightKg + NADLER_1962_FEMALE_CONSTANT_L;
        };
        return litres * 1000.0;
    }

    /** Linderkamp 1977 total blood volume, mL, for a child to 14 years, blended across the group boundaries. */
    public static double linderkamp1977Ml(Sex sex, double ageYears, double heightCm, double weightKg) {
        double i = group(LINDERKAMP_GROUP_I, heightCm, weightKg);
        double ii = group(LINDERKAMP_GROUP_II, heightCm, weightKg);
        double older = sex == Sex.FEMALE
                ? blend(ii, group(LINDERKAMP_GROUP_III, heightCm, weightKg), ageYears, GIRLS_GROUP_II_TO_III_YEARS)
                : ii;
        return blend(i, older, ageYears, GROUP_I_TO_II_YEARS);
    }

    /** Lemmens 2006 total blood volume, mL (UNVERIFIED formula). */
    public static double lemmens2006Ml(double heightCm, double weightKg) {
        double bmi = weightKg / Math.pow(heightCm / 100, 2);
        return weightKg * LEMMENS_2006_ML_PER_KG_AT_BMI_22.value() / Math.sqrt(bmi / 22);
    }

    private static double group(double[] g, double heightCm, double weightKg) {
        return Math.pow(10, g[0] * Math.log10(weightKg) + g[1] * heightCm + g[2]);
    }

    /** from below the window, to above it, linear in between. */
    private static double blend(double from, double to, double age, Range window) {
        if (age <= window.low()) {
            return from;
        }
        if (age >= window.high()) {
            return to;
        }
        double w = (age - window.low()) / (window.high() - window.low());
        return from * (1 - w) + to * w;
    }

    /** The patient's blood volume: measured if given, else by age (Linderkamp, the blend, Nadler). */
    public static BloodVolume of(Patient p) {
        double hct = p.hematocritFraction();
        if (p.measuredBloodVolumeMl().isPresent()) {
            return new BloodVolume(p.measuredBloodVolumeMl().getAsDouble(), BloodVolumeMethod.MEASURED, hct,
                    "Total blood volume as measured and given in the request; no estimate used.");
        }
        String nadlerEq = p.sex() == Sex.MALE ? "0.3669 H^3 + 0.03219 W + 0.6041" : "0.3561 H^3 + 0.03308 W + 0.1833";
        if (p.ageYears().isPresent() && p.ageYears().getAsDouble() < LINDERKAMP_TO_NADLER_YEARS.high()) {
            double age = p.ageYears().getAsDouble();
            double child = linderkamp1977Ml(p.sex(), age, p.heightCm(), p.weightKg());
            String linderkamp = "Linderkamp 1977 (Eur J Pediatr 125:227, 160 children; equations from a secondary"
                    + " page): log10 TBV = a log10 W + b H + c by age group, blended over a year at the group"
                    + " boundaries";
            if (age <= LINDERKAMP_TO_NADLER_YEARS.low()) {
                return new BloodVolume(child, BloodVolumeMethod.LINDERKAMP_1977, hct, "Total blood volume "
                        + Math.round(child / p.weightKg()) + " mL/kg by " + linderkamp + ", aged "
                        + Problem.render(age) + " years. Preterm neonates need about 100 mL/kg: give a measured"
                        + " value.");
            }
            double w = (age - LINDERKAMP_TO_NADLER_YEARS.low())
                    / (LINDERKAMP_TO_NADLER_YEARS.high() - LINDERKAMP_TO_NADLER_YEARS.low());
            double ml = child * (1 - w) + nadler1962Ml(p.sex(), p.heightCm(), p.weightKg()) * w;
            return new BloodVolume(ml, BloodVolumeMethod.LINDERKAMP_TO_NADLER, hct, "Total blood volume aged "
                    + Problem.render(age) + " years: " + Math.round(100 * (1 - w)) + "% " + linderkamp + ", "
                    + Math.round(100 * w) + "% Nadler 1962 (TBV (L) = " + nadlerEq + "), blended from 14 to 16 years"
                    + " so the estimate has no step.");
        }
        double ml = nadler1962Ml(p.sex(), p.heightCm(), p.weightKg());
        String sentence = "Total blood volume by Nadler 1962 (Surgery 51:224), " + p.sex().code() + ": TBV (L) = "
                + nadlerEq + ", H in m, W in kg" + (p.ageYears().isEmpty() ? "; no age given, so an adult is assumed"
                        : "") + ".";
        double bmi = p.weightKg() / Math.pow(p.heightCm() / 100, 2);
        if (bmi >= VERY_OBESE_BODY_MASS_INDEX) {
            double lemmens = lemmens2006Ml(p.heightCm(), p.weightKg());
            double difference = (lemmens - ml) / ml;
            sentence += " Body mass index " + Math.round(bmi) + ": Nadler is used because it was checked against"
                    + " measured volumes (Perfusion 2023;38:455); the lean-mass-indexed "
                    + LEMMENS_2006_ML_PER_KG_AT_BMI_22.describe("estimate of Lemmens 2006 at BMI 22,")
                    + " gives " + Math.round(lemmens) + " mL (" + (difference >= 0 ? "+" : "")
                    + Math.round(100 * difference) + "%)"
                    + (Math.abs(difference) > LEMMENS_DIFFERENCE_TO_FLAG
                            ? "; they differ by more than 10%: give a measured blood volume if one can be had."
                            : ".");
        }
        return new BloodVolume(ml, BloodVolumeMethod.NADLER_1962, hct, sentence);
    }
}
