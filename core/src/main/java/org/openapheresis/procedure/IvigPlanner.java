package org.openapheresis.procedure;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.openapheresis.kinetics.BodyState;
import org.openapheresis.kinetics.Exposure;
import org.openapheresis.kinetics.Simulator;
import org.openapheresis.patient.Analyte;
import org.openapheresis.patient.BloodVolume;
import org.openapheresis.patient.Patient;
import org.openapheresis.safety.SafetyFacts;
import org.openapheresis.safety.SafetyRules;
import org.openapheresis.system.Problem;
import org.openapheresis.system.Rounding;
import org.openapheresis.system.Sourced;

/**
 * Intravenous immunoglobulin, planned like a procedure: grams and millilitres per day, the infusion time of
 * each day, and the IgG level the same two-pool IgG kinetics as plasma exchange predict
 * ({@link org.openapheresis.kinetics.StandardKinetics#IGG}), with the infused IgG entering the circulation.
 *
 * <p>Infusion rate (Privigen 10% label): start 0.3 mL/kg/h (0.5 mg/kg/min), at most 4.8 mL/kg/h (8 mg/kg/min;
 * 2.4 mL/kg/h in ITP). The Privigen label gives the start and the maximum; the 30-minute step comes from
 * the Gammagard Liquid label (primary immunodeficiency: "Increase every 30 minutes (if tolerated) up to
 * 5 mL/kg/hr (8 mg/kg/min)"). Doubling the rate at each step is this planner's choice, not a label's;
 * follow local protocol. Rates are taken in mg/kg/min so
 * products of other concentrations get the same protein rate. Every day starts again at the lowest rate, the
 * cautious reading (labels allow a faster start once an infusion was tolerated).
 */
public final class IvigPlanner {

    /** First infusion rate, mg IgG/kg/min: Privigen 0.3 mL/kg/h of 10% (100 mg/mL) = 0.5 mg/kg/min. */
    public static final Sourced START_RATE_MG_PER_KG_PER_MIN = Sourced.verified(0.3 * 100 / 60, "mg/kg/min",
            "Privigen label start rate 0.3 mL/kg/h of 10%");

    /** Highest infusion rate, mg IgG/kg/min: Privigen 4.8 mL/kg/h of 10% = 8 mg/kg/min (2.4 mL/kg/h in ITP). */
    public static final Sourced MAX_RATE_MG_PER_KG_PER_MIN = Sourced.verified(4.8 * 100 / 60, "mg/kg/min",
            "Privigen label maximum 4.8 mL/kg/h of 10% (2.4 mL/kg/h in ITP)");

    /**
     * Time at each rate before the next step, min: Gammagard Liquid 10% label (primary immunodeficiency), initial
     * rate "for 30 minutes", then "Increase every 30 minutes (if tolerated)". The doubling at each step is not
     * from a label.
     */
    public static final Sourced STEP_MIN = Sourced.verified(30, "min",
            "rate stepped every 30 min as the Gammagard Liquid 10% label (PI) allows; doubling at each step is"
                    + " this planner's choice, not a label's");

    /** Hours between the starts of two daily infusions (labels: the total dose over 2-5 consecutive days). */
    public static final Sourced DAY_HOURS = Sourced.verified(24, "h",
            "2 g/kg over 2-5 consecutive days, Privigen, Gammagard Liquid and Gamunex-C labels");

    /** Interval of the timeline between infusions, minutes. */
    static final double BETWEEN_TIMELINE_EVERY_MIN = 60;

    private IvigPlanner() {
    }

    /**
     * Infusion time of one day's dose with the rate ramp, minutes.
     *
     * @param mgPerKg the day's dose, mg/kg
     */
    public static double infusionMinutes(double mgPerKg) {
        double left = mgPerKg;
        double rate = START_RATE_MG_PER_KG_PER_MIN.value();
        double max = MAX_RATE_MG_PER_KG_PER_MIN.value();
        double minutes = 0;
        while (rate < max && left > rate * STEP_MIN.value()) {
            left -= rate * STEP_MIN.value();
            minutes += STEP_MIN.value();
            rate = Math.min(max, 2 * rate);
        }
        return minutes + left / rate;
    }

    static SessionResult plan(PlanRequest request, ProcedureSpec.IvigInfusion spec, BodyState start,
            PlanOptions options) {
        Patient patient = request.patient();
        BloodVolume bv = Plans.bloodVolume(patient, options);
        List<String> a = new ArrayList<>();
        a.add(bv.assumption());
        double totalGrams = spec.doseGPerKg() * patient.weightKg();
        double gramsPerDay = totalGrams / spec.days();
        double mlPerDay = gramsPerDay * 100 / spec.productPercent();
        double minutes = infusionMinutes(gramsPerDay * 1000 / patient.weightKg());
        a.add("Dose " + Problem.render(spec.doseGPerKg()) + " g/kg on the actual body weight of "
                + Problem.render(patient.weightKg()) + " kg, split evenly over " + spec.days() + " day(s); a "
                + Problem.render(spec.productPercent()) + "% product holds " + Problem.render(spec.productPercent() * 10)
                + " g/L.");
        a.add("Infusion rate: " + START_RATE_MG_PER_KG_PER_MIN.describe("start") + " up to "
                + MAX_RATE_MG_PER_KG_PER_MIN.describe("at most") + ", " + STEP_MIN.describe("doubling every")
                + "; each day starts at the lowest rate. Follow the product's own label and local protocol.");
        a.add(DAY_HOURS.describe("Infusions start every") + ".");

        List<Map<String, Double>> timeline = options.timeline() ? new ArrayList<>() : null;
        BodyState body = start;
        double t0 = start.minute();
        double nadir = Double.NaN;
        Map<Analyte, Double> added = new java.util.EnumMap<>(Analyte.class);
        added.put(Analyte.IGG, gramsPerDay / minutes);
        Exposure infusing = new Exposure(0, 0, 0, Map.of(), added, 0);
        for (int day = 0; day < spec.days(); day++) {
            if (day > 0) {
                body = between(body, DAY_HOURS.value() * 60 - minutes, timeline, t0);
            }
            SessionClock.Run run = SessionClock.run(body, infusing, minutes, options, 0);
            if (timeline != null) {
                double offset = body.minute() - t0;
                for (Map<String, Double> p : run.timeline()) {
                    Map<String, Double> shifted = new LinkedHashMap<>(p);
                    shifted.remove("processedVolumeMl");
                    shifted.put("minute", Rounding.decimals(offset + p.get("minute"), 1));
                    timeline.add(shifted);
                }
            }
            nadir = Double.isNaN(nadir) ? run.ionizedCalciumNadir() : Math.min(nadir, run.ionizedCalciumNadir());
            body = run.end();
        }
        a.add("IgG enters the circulation at the day's mean rate; the infused water is assumed excreted (plasma"
                + " volume unchanged).");
        if (start.pools().containsKey(Analyte.IGG)) {
            a.addAll(start.kinetics().get(Analyte.IGG).describe());
        } else {
            a.add("No pre-infusion IgG was given, so no IgG level is predicted.");
        }
        Map<String, Plan.Prediction> predicted = new LinkedHashMap<>(
                Predictions.of(start, body, nadir, false, EnumSet.of(Analyte.IGG)));
        predicted.remove("ionizedCalcium");
        SafetyFacts facts = new SafetyFacts(patient.weightKg(), bv.totalMl(), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), 1, "", false);
        List<Double> perDay = new ArrayList<>();
        for (int day = 0; day < spec.days(); day++) {
            perDay.add((double) Math.round(minutes));
        }
        double totalMl = mlPerDay * spec.days();
        Plan plan = new Plan(
                ProcedureType.IVIG_INFUSION.code(),
                null,
                Math.round(bv.totalMl()),
                bv.method().code(),
                Math.round(bv.plasmaMl()),
                null, null, null, null, null, null,
                Math.round(minutes),
                null, null, null, null,
                new Plan.FluidBalance(0, 0, 0, Math.round(totalMl), Math.round(totalMl)),
                predicted,
                null,
                new Plan.Infusion(Rounding.decimals(totalGrams, 1), Rounding.decimals(gramsPerDay, 1),
                        Math.round(mlPerDay), spec.days(), spec.productPercent(), perDay),
                1,
                SafetyRules.check(facts),
                a,
                timeline);
        return new SessionResult(plan, body);
    }

    private static BodyState between(BodyState body, double minutes, List<Map<String, Double>> timeline, double t0) {
        if (timeline == null) {
            return Simulator.run(body, Exposure.none(), minutes, Simulator.BETWEEN_STEP_MIN, 0, null);
        }
        double from = body.minute();
        return Simulator.run(body, Exposure.none(), minutes, Simulator.BETWEEN_STEP_MIN, BETWEEN_TIMELINE_EVERY_MIN,
                s -> {
                    if (s.minute() > from) {
                        Map<String, Double> p = SessionClock.point(s, s.minute() - t0, 0);
                        p.remove("processedVolumeMl");
                        timeline.add(p);
                    }
                });
    }
}
