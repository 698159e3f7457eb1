package org.openapheresis.patient;

/**
 * Total blood volume estimates.
 *
 * <p>From 25 kg: Nadler SB, Hidalgo JH, Bloch T. Prediction of blood volume in normal human adults.
 * Surgery 1962;51:224-32. Male TBV (L) = 0.3669 H^3 + 0.03219 W + 0.6041; female TBV (L) = 0.3561 H^3 +
 * 0.03308 W + 0.1833, with H in metres and W in kg. Nadler tracked radionuclide-measured volumes better
 * than the alternatives (Perfusion 2023;38:455). The 25 kg cut-off follows nobra_calculator; mdapp.co
 * quotes "children over 35 kg".
 *
 * <p>Under 25 kg: weight x mL/kg by age: term neonate (under 1 month) 85, infant 1-4 months 75, older
 * child under 25 kg 70 mL/kg (nobra_calculator, citing Gilcher and McCombs, Hematology in Clinical
 * Practice 4th ed. 2005). Preterm neonates (100 mL/kg) cannot be told from the contract's fields: give a
 * measured {@code bloodVolumeMl} for them.
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

    /** Lowest weight for which Nadler is used, kg (nobra_calculator). */
    public static final double NADLER_MIN_WEIGHT_KG = 25;

    /** Term neonate, under 1 month: mL/kg (nobra_calculator; Gilcher and McCombs 2005). */
    public static final double TERM_NEONATE_ML_PER_KG = 85;
    /** Infant 1 to 4 months: mL/kg (nobra_calculator; Gilcher and McCombs 2005). */
    public static final double INFANT_1_TO_4_MONTHS_ML_PER_KG = 75;
    /** Child under 25 kg, 4 months and older: mL/kg (nobra_calculator; Gilcher and McCombs 2005). */
    public static final double CHILD_UNDER_25_KG_ML_PER_KG = 70;

    /** One month in years (the neonatal period). */
    public static final double NEONATE_MAX_AGE_YEARS = 1.0 / 12.0;
    /** Four months in years. */
    public static final double INFANT_MAX_AGE_YEARS = 4.0 / 12.0;

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

    /** mL/kg for a child under 25 kg of the given age. */
    public static double childMlPerKg(double ageYears) {
        if (ageYears < NEONATE_MAX_AGE_YEARS) {
            return TERM_NEONATE_ML_PER_KG;
        }
        if (ageYears < INFANT_MAX_AGE_YEARS) {
            return INFANT_1_TO_4_MONTHS_ML_PER_KG;
        }
        return CHILD_UNDER_25_KG_ML_PER_KG;
    }

    /** The patient's blood volume: measured if given, else Nadler from 25 kg, else weight and age. */
    public static BloodVolume of(Patient p) {
        double hct = p.hematocritFraction();
        if (p.measuredBloodVolumeMl().isPresent()) {
            return new BloodVolume(p.measuredBloodVolumeMl().getAsDouble(), BloodVolumeMethod.MEASURED, hct,
                    "Total blood volume as measured and given in the request; no estimate used.");
        }
        if (p.weightKg() >= NADLER_MIN_WEIGHT_KG) {
            double ml = nadler1962Ml(p.sex(), p.heightCm(), p.weightKg());
            String eq = p.sex() == Sex.MALE ? "0.3669 H^3 + 0.03219 W + 0.6041" : "0.3561 H^3 + 0.03308 W + 0.1833";
            return new BloodVolume(ml, BloodVolumeMethod.NADLER_1962, hct,
                    "Total blood volume by Nadler 1962 (Surgery 51:224), " + p.sex().code() + ": TBV (L) = " + eq
                            + ", H in m, W in kg; used from 25 kg.");
        }
        double age = p.ageYears().orElseThrow(() -> new IllegalStateException(
                "age is validated as required under 25 kg"));
        double perKg = childMlPerKg(age);
        return new BloodVolume(p.weightKg() * perKg, BloodVolumeMethod.WEIGHT_AND_AGE, hct,
                "Total blood volume " + Math.round(perKg) + " mL/kg for a child under 25 kg aged "
                        + org.openapheresis.system.Problem.render(age)
                        + " years (85 under 1 month, 75 at 1-4 months, 70 older; Gilcher and McCombs 2005 via"
                        + " nobra_calculator). Preterm neonates need about 100 mL/kg: give a measured value.");
    }
}
