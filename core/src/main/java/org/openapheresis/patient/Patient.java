package org.openapheresis.patient;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;
import org.openapheresis.system.Range;

/**
 * The patient or donor connected to the separator.
 *
 * @param sex sex, for the blood volume formula
 * @param ageYears age in years; required under 25 kg, where the weight-based blood volume depends on it
 * @param heightCm height in centimetres
 * @param weightKg actual body weight in kilograms
 * @param hematocritPercent venous haematocrit in percent
 * @param measuredBloodVolumeMl a measured total blood volume that overrides the estimate
 * @param labs pre-procedure laboratory values
 */
public record Patient(
        Sex sex,
        OptionalDouble ageYears,
        double heightCm,
        double weightKg,
        double hematocritPercent,
        OptionalDouble measuredBloodVolumeMl,
        Labs labs) {

    /** Ages a patient can have, years. */
    public static final Range AGE_YEARS = Range.of(0, 120);
    /** Heights from a preterm neonate to the tallest adults, cm. */
    public static final Range HEIGHT_CM = Range.of(25, 250);
    /** Weights from a preterm neonate to severe obesity, kg. */
    public static final Range WEIGHT_KG = Range.of(0.4, 350);
    /** Haematocrit a patient can be treated at, percent (the contract's example range). */
    public static final Range HEMATOCRIT_PERCENT = Range.of(10, 70);
    /** Measured total blood volume, mL. */
    public static final Range BLOOD_VOLUME_ML = Range.of(30, 15000);
    /**
     * Blood volume per kg a living person can have, mL/kg. Published estimates run from about 47 mL/kg
     * (Lemmens 2006, morbid obesity) to 100 mL/kg (preterm neonate); the bounds leave room for error of
     * measurement and refuse only a unit or typing mistake.
     */
    public static final Range BLOOD_VOLUME_ML_PER_KG = Range.of(35, 150);
    /** Body mass index a living person can have, kg/m^2; refuses swapped or mistyped weight and height. */
    public static final Range BODY_MASS_INDEX = Range.of(6, 110);

    /** Weight below which age is required (the blood volume estimate depends on it), kg. */
    public static final double AGE_REQUIRED_BELOW_WEIGHT_KG = BloodVolumes.AGE_REQUIRED_BELOW_WEIGHT_KG;

    public Patient {
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(ageYears, "ageYears");
        Objects.requireNonNull(measuredBloodVolumeMl, "measuredBloodVolumeMl");
        Objects.requireNonNull(labs, "labs");
        List<Problem> problems = problems(ageYears, heightCm, weightKg, hematocritPercent, measuredBloodVolumeMl);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /**
     * Every problem with these values, field names as in the plan contract. The request reader calls this
     * to report all problems at once; the constructor calls it to refuse impossible values.
     */
    public static List<Problem> problems(OptionalDouble ageYears, double heightCm, double weightKg,
            double hematocritPercent, OptionalDouble measuredBloodVolumeMl) {
        List<Problem> problems = new ArrayList<>();
        ageYears.ifPresent(a -> AGE_YEARS.check("patient.ageYears", a).ifPresent(problems::add));
        HEIGHT_CM.check("patient.heightCm", heightCm).ifPresent(problems::add);
        WEIGHT_KG.check("patient.weightKg", weightKg).ifPresent(problems::add);
        HEMATOCRIT_PERCENT.check("patient.hematocritPercent", hematocritPercent).ifPresent(problems::add);
        measuredBloodVolumeMl.ifPresent(v -> BLOOD_VOLUME_ML.check("patient.bloodVolumeMl", v)
                .ifPresent(problems::add));
        if (problems.isEmpty()) {
            double heightM = heightCm / 100.0;
            double bmi = weightKg / (heightM * heightM);
            if (!BODY_MASS_INDEX.contains(bmi)) {
                problems.add(Problem.of("patient.weightKg", MessageKey.BODY_MASS_INDEX_IMPLAUSIBLE,
                        Math.round(bmi), BODY_MASS_INDEX.low(), BODY_MASS_INDEX.high()));
            }
            if (ageYears.isEmpty() && weightKg < AGE_REQUIRED_BELOW_WEIGHT_KG) {
                problems.add(Problem.of("patient.ageYears", MessageKey.REQUIRED_WHEN,
                        "for a patient under " + Problem.render(AGE_REQUIRED_BELOW_WEIGHT_KG)
                                + " kg (the blood volume estimate depends on age)"));
            }
            measuredBloodVolumeMl.ifPresent(v -> {
                double perKg = v / weightKg;
                if (!BLOOD_VOLUME_ML_PER_KG.contains(perKg)) {
                    problems.add(Problem.of("patient.bloodVolumeMl", MessageKey.BLOOD_VOLUME_IMPLAUSIBLE,
                            Math.round(perKg), BLOOD_VOLUME_ML_PER_KG.low(), BLOOD_VOLUME_ML_PER_KG.high()));
                }
            });
        }
        return problems;
    }

    /** @return haematocrit as a fraction 0..1 */
    public double hematocritFraction() {
        return hematocritPercent / 100.0;
    }

    /** A copy with another haematocrit and labs (carried between sessions of a course). */
    public Patient withHematocritAndLabs(double newHematocritPercent, Labs newLabs) {
        return new Patient(sex, ageYears, heightCm, weightKg, newHematocritPercent, measuredBloodVolumeMl, newLabs);
    }
}
