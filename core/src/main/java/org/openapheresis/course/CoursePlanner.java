package org.openapheresis.course;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openapheresis.kinetics.BodyState;
import org.openapheresis.kinetics.Exposure;
import org.openapheresis.kinetics.Simulator;
import org.openapheresis.patient.Analyte;
import org.openapheresis.patient.Labs;
import org.openapheresis.patient.Patient;
import org.openapheresis.procedure.Plan;
import org.openapheresis.procedure.PlanOptions;
import org.openapheresis.procedure.PlanRequest;
import org.openapheresis.procedure.Planner;
import org.openapheresis.procedure.ProcedureType;
import org.openapheresis.procedure.SessionResult;
import org.openapheresis.procedure.TimelinePoint;
import org.openapheresis.safety.IvigBeforePlasmaExchangeRule;
import org.openapheresis.safety.Warning;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Rounding;
import org.openapheresis.system.Sourced;

/**
 * Plans a course session by session. Each session starts from the simulated body at its start time: the
 * previous session's end carried through the time between by the same kinetics (no exposure), so
 * redistribution, synthesis and platelet recovery all act between sessions.
 */
public final class CoursePlanner {

    /** Analytes reported with a total-body reduction (antibodies). */
    static final Set<Analyte> ANTIBODIES = Set.of(Analyte.IGG, Analyte.IGM);

    /**
     * Hours over which the plasma volume returns to its pre-course value after a session. UNVERIFIED: the
     * kidneys excrete a small fluid excess within hours; 12 h is assumed so that each session starts
     * euvolaemic, as the planner's blood volume estimate assumes.
     */
    static final Sourced FLUID_RESTORE_HOURS = Sourced.unverified(12, "h",
            "plasma volume back to its pre-course value within 12 h after a session (excess excreted)");

    /** Interval of the course timeline, minutes. */
    static final double COURSE_TIMELINE_EVERY_MIN = 60;

    private CoursePlanner() {
    }

    public static CourseResult plan(CourseRequest course, PlanOptions options) {
        List<Plan> sessions = new ArrayList<>();
        List<Double> startHours = new ArrayList<>();
        List<Map<String, Double>> timeline = options.timeline() ? new ArrayList<>() : null;
        Patient patient = course.patient();
        BodyState body = null;
        BodyState first = null;
        for (int i = 0; i < course.steps().size(); i++) {
            CourseStep step = course.steps().get(i);
            if (body != null) {
                double gapMin = step.atHour() * 60 - body.minute();
                if (gapMin < -1e-6) {
                    throw InvalidInputException.of("steps[" + i + "].atHour", MessageKey.NOT_PLANNABLE,
                            "session " + (i + 1) + " would start at hour " + Rounding.decimals(step.atHour(), 1)
                                    + ", before session " + i + " has ended (hour "
                                    + Rounding.decimals(body.minute() / 60, 1) + ")");
                }
                body = between(body, gapMin, timeline, first.plasmaVolumeMl());
                patient = carried(patient, body);
            } else {
                body = Planner.steadyState(patient, options);
                first = body;
            }
            PlanRequest request = new PlanRequest(patient, course.recipientWeightKg(), step.procedure());
            SessionResult result = Planner.session(request, body, options);
            if (timeline != null && result.plan().timeline() != null) {
                for (Map<String, Double> p : result.plan().timeline()) {
                    timeline.add(shifted(p, Rounding.decimals(step.atHour() * 60 + p.get("minute"), 1)));
                }
            }
            sessions.add(result.plan());
            startHours.add(step.atHour());
            body = result.end();
        }
        BodyState afterLast = body;
        double toNextMin = course.nextScheduledHour() * 60 - afterLast.minute();
        BodyState next = between(afterLast, Math.max(0, toNextMin), timeline, first.plasmaVolumeMl());

        // A session may start tracking an analyte the steady state did not (the cells of a cell procedure), so
        // the summary covers what the body tracks at the end, each from its measured pre value.
        double reportedNextHour = Math.max(course.nextScheduledHour(), next.minute() / 60);
        Map<String, CourseResult.AnalyteSummary> summary = new LinkedHashMap<>();
        for (Analyte a : afterLast.pools().keySet()) {
            if (!first.pools().containsKey(a)) {
                summary.put(a.predictedName(), new CourseResult.AnalyteSummary(a.unit(),
                        Rounding.significant(course.patient().labs().get(a).orElse(Double.NaN), 3),
                        Rounding.significant(afterLast.concentration(a).getAsDouble(), 3),
                        Rounding.significant(next.concentration(a).getAsDouble(), 3), reportedNextHour, null));
                continue;
            }
            Double removed = null;
            if (ANTIBODIES.contains(a)) {
                double before = first.pools().get(a).total();
                double after = afterLast.pools().get(a).total();
                removed = (double) Math.round(100 * (before - after) / before);
            }
            summary.put(a.predictedName(), new CourseResult.AnalyteSummary(a.unit(),
                    Rounding.significant(first.concentration(a).getAsDouble(), 3),
                    Rounding.significant(afterLast.concentration(a).getAsDouble(), 3),
                    Rounding.significant(next.concentration(a).getAsDouble(), 3),
                    reportedNextHour, removed));
        }

        List<IvigBeforePlasmaExchangeRule.Step> ruleSteps = new ArrayList<>();
        for (int i = 0; i < course.steps().size(); i++) {
            CourseStep s = course.steps().get(i);
            ruleSteps.add(new IvigBeforePlasmaExchangeRule.Step(i, s.procedure().type() == ProcedureType.IVIG_INFUSION,
                    s.procedure().type() == ProcedureType.PLASMA_EXCHANGE, s.atHour()));
        }
        List<Warning> warnings = new IvigBeforePlasmaExchangeRule().check(ruleSteps);
        List<String> assumptions = List.of(
                "Each session starts from the simulated body of the previous one, carried through the time between"
                        + " sessions by the same two-pool kinetics with no procedure running.",
                FLUID_RESTORE_HOURS.describe("Between sessions the plasma volume returns to its pre-course value"
                        + " (a fluid excess is excreted, a deficit made up, the proteins and cells stay) within")
                        + "; red cells removed by a collection are not replaced.",
                "The haematocrit and laboratory values of each later session are the simulated ones, not new"
                        + " measurements; replace them with measured values when you have them.",
                "totalBodyRemovedPercent is the fall of the total-body amount (both pools) from before the first"
                        + " session to the end of the last, net of synthesis and of anything given back.");
        return new CourseResult(sessions, startHours, summary, warnings, assumptions, timeline);
    }

    /**
     * The body between sessions: the same kinetics with no procedure running, and the plasma volume brought
     * back to its pre-course value (fluid given beyond what was removed is excreted, a deficit is made up)
     * over the first {@link #FLUID_RESTORE_HOURS} hours, without the proteins and cells it carries.
     */
    private static BodyState between(BodyState body, double minutes, List<Map<String, Double>> timeline,
            double baselinePlasmaMl) {
        if (minutes <= 0) {
            return body;
        }
        double restoreMin = Math.min(minutes, FLUID_RESTORE_HOURS.value() * 60);
        double excessMl = body.plasmaVolumeMl() - baselinePlasmaMl;
        Exposure restore = new Exposure(Math.max(0, excessMl) / restoreMin, 0, Math.max(0, -excessMl) / restoreMin,
                Map.of(), Map.of(), 0);
        BodyState restored = phase(body, restore, restoreMin, timeline);
        return phase(restored, Exposure.none(), minutes - restoreMin, timeline);
    }

    private static BodyState phase(BodyState body, Exposure exposure, double minutes,
            List<Map<String, Double>> timeline) {
        if (minutes <= 0) {
            return body;
        }
        Simulator.Probe probe = null;
        double every = 0;
        if (timeline != null) {
            every = COURSE_TIMELINE_EVERY_MIN;
            double t0 = body.minute();
            Analyte[] tracked = body.pools().keySet().toArray(new Analyte[0]);
            boolean calcium = !Double.isNaN(body.baselineIonizedCalciumMmolPerL());
            String[] names = new String[tracked.length + (calcium ? 1 : 0)];
            for (int i = 0; i < tracked.length; i++) {
                names[i] = tracked[i].predictedName();
            }
            if (calcium) {
                names[tracked.length] = "ionizedCalcium";
            }
            TimelinePoint.Names shape = TimelinePoint.Names.of(names);
            double[] values = new double[names.length];
            probe = f -> {
                if (f.minute() > t0) {
                    for (int i = 0; i < tracked.length; i++) {
                        values[i] = Rounding.significant(f.concentration(tracked[i]), 4);
                    }
                    if (calcium) {
                        values[tracked.length] = Rounding.decimals(f.ionizedCalcium(), 3);
                    }
                    timeline.add(TimelinePoint.of(Rounding.decimals(f.minute(), 1), shape, values));
                }
            };
        }
        double step = Simulator.stepFor(body, exposure, Simulator.BETWEEN_MAX_STEP_MIN);
        return Simulator.probed(body, exposure, minutes, probe == null ? step : Math.min(step, every), every, probe);
    }

    /** A session's timeline point at its minute in the course (a copy; a {@link TimelinePoint} shares its values). */
    private static Map<String, Double> shifted(Map<String, Double> p, double minute) {
        if (p instanceof TimelinePoint point) {
            return point.atMinute(minute);
        }
        Map<String, Double> shifted = new LinkedHashMap<>(p);
        shifted.put("minute", minute);
        return shifted;
    }

    /** The patient at the start of a later session: simulated haematocrit and concentrations. */
    private static Patient carried(Patient p, BodyState body) {
        Labs labs = p.labs();
        for (Analyte a : body.pools().keySet()) {
            labs = labs.with(a, body.concentration(a).getAsDouble());
        }
        return p.withHematocritAndLabs(100 * body.hematocritFraction(), labs);
    }
}
