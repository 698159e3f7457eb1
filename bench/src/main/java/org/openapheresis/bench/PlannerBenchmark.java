package org.openapheresis.bench;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.openapheresis.contract.PlanRequestReader;
import org.openapheresis.course.CoursePlanner;
import org.openapheresis.course.CourseRequest;
import org.openapheresis.course.CourseResult;
import org.openapheresis.course.CourseStep;
import org.openapheresis.patient.Analyte;
import org.openapheresis.patient.Labs;
import org.openapheresis.patient.Patient;
import org.openapheresis.patient.Sex;
import org.openapheresis.procedure.Plan;
import org.openapheresis.procedure.PlanOptions;
import org.openapheresis.procedure.PlanRequest;
import org.openapheresis.procedure.Planner;
import org.openapheresis.procedure.ProcedureSpec;
import org.openapheresis.procedure.Replacement;
import org.openapheresis.procedure.Separation;
import org.openapheresis.separator.Anticoagulant;
import org.openapheresis.separator.Device;
import org.openapheresis.uncertainty.Uncertainty;
import org.openapheresis.variation.Bands;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One plan of each procedure type with the full time-stepped simulation and timeline, a 5-session plasma exchange
 * course, and the uncertainty bands of the plan and of the course over 1000 virtual patients.
 * Run: {@code ./mvnw -Pbench -pl bench -am package -DskipTests && java -jar bench/target/benchmarks.jar}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(1)
public class PlannerBenchmark {

    PlanRequest exchange;
    CourseRequest course;
    PlanRequest leukocytapheresis;
    PlanRequest hpcCollection;
    PlanRequest lymphocyteCollection;
    PlanRequest granulocyteCollection;
    PlanRequest ivig;
    PlanRequest photopheresis;
    PlanRequest adsorptiveCytapheresis;
    PlanRequest immunoadsorption;
    PlanRequest redCellExchange;

    static Map<String, Object> request(Map<String, Object> labs, Map<String, Object> procedure) {
        return request(42, labs, procedure);
    }

    static Map<String, Object> request(double hematocritPercent, Map<String, Object> labs,
            Map<String, Object> procedure) {
        Map<String, Object> patient = new java.util.HashMap<>(Map.of("sex", "male", "ageYears", 45, "heightCm", 180,
                "weightKg", 80, "hematocritPercent", hematocritPercent));
        patient.put("labs", labs);
        return Map.of("patient", patient, "procedure", procedure, "recipient", Map.of("weightKg", 70));
    }

    @Setup
    public void setUp() {
        Map<Analyte, Double> labs = new EnumMap<>(Analyte.class);
        labs.put(Analyte.IGG, 10.0);
        labs.put(Analyte.IGM, 1.0);
        labs.put(Analyte.FIBRINOGEN, 3.0);
        labs.put(Analyte.ALBUMIN, 40.0);
        labs.put(Analyte.PLATELETS, 250.0);
        labs.put(Analyte.IONIZED_CALCIUM, 1.2);
        Patient p = new Patient(Sex.MALE, OptionalDouble.of(45), 180, 80, 42, OptionalDouble.empty(), new Labs(labs));
        ProcedureSpec.PlasmaExchange spec = new ProcedureSpec.PlasmaExchange(new Separation(Device.CONTINUOUS_FLOW,
                OptionalDouble.of(60), OptionalDouble.of(10), Anticoagulant.ACD_A), OptionalDouble.of(1.0),
                OptionalDouble.empty(), Replacement.allAlbumin(), 100);
        exchange = new PlanRequest(p, OptionalDouble.empty(), spec);
        leukocytapheresis = PlanRequestReader.read(request(Map.of("wbcE9PerL", 250, "plateletsE9PerL", 60,
                "ionizedCalciumMmolPerL", 1.15), Map.of("type", "leukocytapheresis", "bloodVolumesProcessed", 2.0)));
        hpcCollection = PlanRequestReader.read(request(Map.of("cd34PerUl", 40, "plateletsE9PerL", 200,
                "ionizedCalciumMmolPerL", 1.2), Map.of("type", "hpc-collection", "target", Map.of("cd34PerKg", 5e6))));
        lymphocyteCollection = PlanRequestReader.read(request(Map.of("cd3PerUl", 1200, "ionizedCalciumMmolPerL", 1.2),
                Map.of("type", "lymphocyte-collection", "target", Map.of("cd3PerKgDoses", List.of(1e6, 5e6, 1e7)))));
        granulocyteCollection = PlanRequestReader.read(request(Map.of("neutrophilsE9PerL", 30,
                "ionizedCalciumMmolPerL", 1.2), Map.of("type", "granulocyte-collection", "sedimentingAgent", "hes",
                "bloodVolumesProcessed", 1.5)));
        ivig = PlanRequestReader.read(request(Map.of("iggGPerL", 9.5), Map.of("type", "ivig-infusion",
                "doseGPerKg", 2.0, "days", 5)));
        // the four procedures added after the first benchmarks, as in their examples/ requests
        photopheresis = PlanRequestReader.read(request(35, Map.of("ionizedCalciumMmolPerL", 1.15), Map.of("type",
                "photopheresis", "device", "continuous-flow", "method", "offline", "processedVolumeMl", 1500,
                "inletFlowMlPerMin", 40, "treatmentVolumeMl", 240, "regimen", "asfa-cgvhd", "cycleIntervalWeeks", 2,
                "taperCycles", 3)));
        adsorptiveCytapheresis = PlanRequestReader.read(request(37, Map.of("neutrophilsE9PerL", 7.2,
                "lymphocytesE9PerL", 1.4), Map.of("type", "adsorptive-cytapheresis", "column", "adacolumn")));
        immunoadsorption = PlanRequestReader.read(request(39, Map.of("iggGPerL", 10.5, "ionizedCalciumMmolPerL", 1.18),
                Map.of("type", "immunoadsorption", "device", "continuous-flow", "plasmaVolumesProcessed", 2.0,
                        "columnIggRemovalPercent", 90)));
        redCellExchange = PlanRequestReader.read(request(26, Map.of("hbsPercent", 85, "plateletsE9PerL", 320,
                "ionizedCalciumMmolPerL", 1.18), Map.of("type", "red-cell-exchange", "device", "continuous-flow", "mode",
                "depletion-exchange", "depletionHematocritPercent", 22, "targetHbsPercent", 30,
                "targetHematocritPercent", 27, "replacementHematocritPercent", 60, "redCellUnitsAvailable", 4)));
        course = new CourseRequest(p, OptionalDouble.empty(), List.of(new CourseStep(spec, 0), new CourseStep(spec, 48),
                new CourseStep(spec, 96), new CourseStep(spec, 144), new CourseStep(spec, 192)), 240);
    }

    @Benchmark
    public Plan plasmaExchangePlanWithTimeline() {
        return Planner.plan(exchange, PlanOptions.withTimeline());
    }

    @Benchmark
    public Plan leukocytapheresisPlan() {
        return Planner.plan(leukocytapheresis, PlanOptions.withTimeline());
    }

    @Benchmark
    public Plan hpcCollectionPlanForATarget() {
        return Planner.plan(hpcCollection, PlanOptions.withTimeline());
    }

    @Benchmark
    public Plan lymphocyteCollectionPlanForThreeDoses() {
        return Planner.plan(lymphocyteCollection, PlanOptions.withTimeline());
    }

    @Benchmark
    public Plan granulocyteCollectionPlan() {
        return Planner.plan(granulocyteCollection, PlanOptions.withTimeline());
    }

    @Benchmark
    public Plan ivigFiveDayPlan() {
        return Planner.plan(ivig, PlanOptions.withTimeline());
    }

    @Benchmark
    public Plan photopheresisPlan() {
        return Planner.plan(photopheresis, PlanOptions.withTimeline());
    }

    @Benchmark
    public Plan adsorptiveCytapheresisPlan() {
        return Planner.plan(adsorptiveCytapheresis, PlanOptions.withTimeline());
    }

    @Benchmark
    public Plan immunoadsorptionPlan() {
        return Planner.plan(immunoadsorption, PlanOptions.withTimeline());
    }

    @Benchmark
    public Plan redCellDepletionExchangePlan() {
        return Planner.plan(redCellExchange, PlanOptions.withTimeline());
    }

    @Benchmark
    public CourseResult plasmaExchangeCourseOfFive() {
        return CoursePlanner.plan(course, PlanOptions.withoutTimeline());
    }

    /** 5/50/95% bands of one plasma exchange plan over 1000 virtual patients, on all cores. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Bands plasmaExchangeBandsOf1000() {
        return Uncertainty.plan(exchange, 1000, Uncertainty.DEFAULT_SEED);
    }

    /** Bands of the five-session course over 1000 virtual patients, on all cores. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Measurement(iterations = 3, time = 5)
    public Bands plasmaExchangeCourseBandsOf1000() {
        return Uncertainty.course(course, 1000, Uncertainty.DEFAULT_SEED);
    }
}
