package org.openapheresis.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openapheresis.procedure.CellRequests.obj;
import static org.openapheresis.procedure.CellRequests.read;
import static org.openapheresis.procedure.CellRequests.request;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.openapheresis.Fixtures;
import org.openapheresis.course.CoursePlanner;
import org.openapheresis.course.CourseRequest;
import org.openapheresis.course.CourseStep;
import org.openapheresis.kinetics.BodyState;
import org.openapheresis.kinetics.Exposure;
import org.openapheresis.kinetics.Simulator;
import org.openapheresis.patient.Analyte;
import org.openapheresis.procedure.PlanOptions;
import org.openapheresis.procedure.PlanRequest;
import org.openapheresis.procedure.Planner;
import org.openapheresis.procedure.SessionResult;
import org.openapheresis.uncertainty.Uncertainty;

/** bands-contain-published-figures.txt: each reference case's published figure lies in the predicted 5-95% band. */
class BandsContainPublishedFiguresTest {

    private static final String FILE = "bands-contain-published-figures.txt";
    private static final int PATIENTS = 200;
    private static final long SEED = 20261201L;

    /** The 5th and 95th percentiles of a case's value over the virtual patients. */
    private static double[] band(ToDoubleFunction<PlanOptions> value) {
        double[] v = new double[PATIENTS];
        for (int i = 0; i < PATIENTS; i++) {
            v[i] = value.applyAsDouble(PlanOptions.withoutTimeline().with(Uncertainty.virtualPatient(SEED, i)));
        }
        Arrays.sort(v);
        return new double[] {v[(int) Math.floor(0.05 * (PATIENTS - 1))], v[(int) Math.ceil(0.95 * (PATIENTS - 1))]};
    }

    private static double after(SessionResult s, double hours, Analyte a) {
        BodyState later = Simulator.run(s.end(), Exposure.none(), hours * 60, Simulator.BETWEEN_STEP_MIN, 0,
                (Simulator.Sampler) null);
        return later.concentration(a).getAsDouble();
    }

    private static double ivigRise(PlanOptions o, double day, double baseline) {
        var patient = obj("sex", "male", "ageYears", 50, "heightCm", 176, "weightKg", 75, "hematocritPercent", 42,
                "labs", obj("iggGPerL", baseline));
        SessionResult r = Planner.session(read(request(patient, obj("type", "ivig-infusion", "doseGPerKg", 2,
                "days", 5))), null, o);
        return after(r, day * 24 - r.end().minute() / 60, Analyte.IGG) - baseline;
    }

    private static double exchangeRatio(PlanOptions o, Analyte a, double hours) {
        PlanRequest r = Fixtures.exchangeRequest(Fixtures.adultMale80kg(), 1.0);
        SessionResult s = Planner.session(r, null, o);
        return after(s, hours, a) / s.plan().predicted().get(a.predictedName()).pre();
    }

    private static double value(String name, PlanOptions o) {
        return switch (name) {
            case "kuitwaard14" -> ivigRise(o, 14, 10);
            case "galnares30" -> ivigRise(o, 30, 8.32);
            case "orlin72" -> exchangeRatio(o, Analyte.FIBRINOGEN, 72);
            case "moriya24" -> {
                double post = exchangeRatio(o, Analyte.IGG, 0);
                yield (exchangeRatio(o, Analyte.IGG, 24) - post) / (1 - post);
            }
            case "oneLog" -> {
                List<CourseStep> steps = List.of(0, 48, 96, 144, 192).stream()
                        .map(h -> new CourseStep(Fixtures.albuminExchange(1.25), h)).toList();
                var igg = CoursePlanner.plan(new CourseRequest(Fixtures.adultMale80kg(), OptionalDouble.empty(), steps,
                        240), o).summary().get("igg");
                yield 1 - igg.afterLastSession() / igg.beforeFirstSession();
            }
            case "zhao45" -> {
                var patient = obj("sex", "male", "ageYears", 50, "heightCm", 175, "weightKg", 70, "hematocritPercent",
                        40, "labs", obj("ionizedCalciumMmolPerL", 1.2));
                var p = Planner.plan(read(request(patient, obj("type", "plasma-exchange", "plasmaVolumes", 1.0,
                        "calcium", obj("infusionMmolPerHour", 2.32)))), new PlanOptions(true, 5, o.variation()));
                yield p.timeline().stream().filter(t -> Math.abs(t.get("minute") - 45) < 1e-9).findFirst()
                        .map(t -> 1 - t.get("ionizedCalcium") / 1.2).orElseThrow();
            }
            case "bolan90" -> {
                var model = Planner.steadyState(Fixtures.adultMale80kg(), o).calcium();
                BodyState s = BodyState.steadyState(70, 5000, 0.4, Map.of(), Map.of(), OptionalDouble.of(1.2), model);
                BodyState end = Simulator.run(s, new Exposure(0, 0, 0, Map.of(), Map.of(), 1.6 * 70), 90,
                        Simulator.PROCEDURE_STEP_MIN, 0, (Simulator.Sampler) null);
                yield 1 - end.ionizedCalcium().getAsDouble() / 1.2;
            }
            case "wbc2tbv" -> {
                var p = Planner.plan(read(request(org.openapheresis.procedure.CellRequests.adultMale80kg(
                        obj("wbcE9PerL", 250)), obj("type", "leukocytapheresis", "bloodVolumesProcessed", 2.0))), o);
                yield 1 - p.predicted().get("wbc").post() / p.predicted().get("wbc").pre();
            }
            case "citrate" -> Planner.plan(Fixtures.exchangeRequest(Fixtures.adultMale80kg(), 1.0), o).anticoagulant()
                    .citrateToPatientMg() / 80.0;
            default -> throw new IllegalArgumentException("no case " + name);
        };
    }

    @Test
    void every_published_figure_lies_inside_its_predicted_5_to_95_percent_band() {
        StringBuilder report = new StringBuilder();
        int outside = 0;
        for (CellReferenceFile.Case c : CellReferenceFile.read(FILE)) {
            double[] band = band(o -> value(c.name(), o));
            int kind = (int) c.get("kind");
            boolean inside = switch (kind) {
                case 0 -> band[0] <= c.get("value") && c.get("value") <= band[1];
                case 1 -> band[0] <= c.get("low") && c.get("high") <= band[1];
                case 2 -> band[0] <= c.get("high") && c.get("low") <= band[1]
                        && band[0] <= (c.get("low") + c.get("high")) / 2 && (c.get("low") + c.get("high")) / 2 <= band[1];
                default -> band[0] <= c.get("high") && c.get("low") <= band[1];
            };
            report.append(String.format(java.util.Locale.ROOT, "%s band %.4g..%.4g %s%n", c.name(), band[0], band[1],
                    inside ? "contains" : "MISSES"));
            outside += inside ? 0 : 1;
        }
        assertThat(outside).as(report.toString()).isZero();
    }
}
