package org.openapheresis.server.session;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.openapheresis.patient.Analyte;
import org.openapheresis.procedure.Plan;
import org.openapheresis.procedure.PlanRequest;
import org.openapheresis.procedure.ProcedureSpec;
import org.openapheresis.procedure.ProcedureType;
import org.openapheresis.server.patient.LabEntry;
import org.openapheresis.server.patient.LabPhase;

/**
 * What happened against what was planned, with the measures that fit the procedure: for a plasma exchange the
 * plasma removed, the replacement and the fluid balance; for a collection the product's volume and its cells
 * against the target; for a leukocytapheresis the white count before and after against the target; for an IVIG
 * infusion the volume given. Every row says where its planned and its actual value come from.
 *
 * <p>Answered as an object keyed by quantity ({@code comparison.processedVolumeMl.actual}), in the order the
 * run sheet shows them; a quantity that does not apply to the procedure is absent.
 */
public final class Comparison {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /**
     * One measure planned and actual.
     *
     * @param name what it is, as staff read it
     * @param unit its unit
     * @param planned the plan's value, or null when the plan has none
     * @param target the order's target, when the order sets one (a cell dose, a white count)
     * @param actual the recorded value, or null when none was recorded
     * @param differencePercent (actual - planned) / planned, percent, or null
     * @param plannedFrom where the planned value comes from
     * @param actualFrom where the actual value comes from, or what is missing
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(String name, String unit, Double planned, Double target, Double actual,
            Double differencePercent, String plannedFrom, String actualFrom) {

        static Row of(String name, String unit, Double planned, Double target, Double actual, String plannedFrom,
                String actualFrom) {
            return new Row(name, unit, round(planned), round(target), round(actual),
                    planned == null || actual == null || planned == 0 ? null : round1(100 * (actual - planned)
                            / planned), plannedFrom, actualFrom);
        }
    }

    private final Map<String, Row> rows;

    private Comparison(Map<String, Row> rows) {
        this.rows = java.util.Collections.unmodifiableMap(rows);
    }

    /** The rows by quantity, in the order shown. */
    @JsonAnyGetter
    public Map<String, Row> rows() {
        return rows;
    }

    /** One row, if the procedure has it. */
    public Optional<Row> row(String quantity) {
        return Optional.ofNullable(rows.get(quantity));
    }

    /** The comparison of a session's record with its plan and its order's targets. */
    public static Comparison of(PlanRequest request, Plan plan, List<Entries.RunValue> runValues,
            List<LabEntry> labs, List<Entries.ProductMeasurement> products, List<Entries.FluidGiven> fluids,
            SessionRecord session, ZoneId zone) {
        Map<String, Row> m = new LinkedHashMap<>();
        ProcedureType type = request.procedure().type();
        String planFrom = session.startedAt().isPresent() ? "the plan at the start" : "the plan as scheduled";
        if (type.onSeparator()) {
            fromRunValues(m, "processedVolumeMl", "Blood processed", plan.processedVolumeMl(), planFrom, runValues,
                    Entries.RunValue::processedVolumeMl, zone);
        }
        if (request.procedure() instanceof ProcedureSpec.PlasmaExchange) {
            fromRunValues(m, "exchangeVolumeMl", "Plasma removed", plan.exchangeVolumeMl(), planFrom, runValues,
                    Entries.RunValue::removedVolumeMl, zone);
            fromRunValues(m, "replacementVolumeMl", "Replacement given", plan.replacement() == null ? null
                    : plan.replacement().albuminMl() + plan.replacement().plasmaMl(), planFrom, runValues,
                    Entries.RunValue::replacementVolumeMl, zone);
            fromRunValues(m, "fluidBalanceMl", "Fluid balance", plan.fluidBalance() == null ? null
                    : plan.fluidBalance().netMl(), planFrom, runValues, Entries.RunValue::fluidBalanceMl, zone);
        } else if (request.procedure() instanceof ProcedureSpec.Leukocytapheresis l) {
            whiteCount(m, plan, l, labs, zone);
        } else if (request.procedure() instanceof ProcedureSpec.HpcCollection c) {
            product(m, plan, products, runValues, zone, planFrom);
            double kg = recipientKg(request);
            Optional<Entries.ProductMeasurement> p = lastWith(products, Entries.ProductMeasurement::cd34PerUl);
            m.put("cd34E6PerKg", Row.of("CD34+ cells per kg of the recipient", "10^6/kg",
                    plan.collected() == null || plan.collected().cd34PerKg() == null ? null
                            : plan.collected().cd34PerKg() / 1e6, perE6(c.targetCd34PerKg()),
                    p.map(x -> x.cd34PerUl() * x.volumeMl() * 1000 / kg / 1e6).orElse(null),
                    planFrom + ", " + kgText(request, kg),
                    p.map(x -> "product CD34+ " + num(x.cd34PerUl()) + " /µL × " + num(x.volumeMl())
                            + " mL, measured " + at(x.time(), zone)).orElse("no product CD34+ count recorded")));
        } else if (request.procedure() instanceof ProcedureSpec.LymphocyteCollection c) {
            product(m, plan, products, runValues, zone, planFrom);
            double kg = recipientKg(request);
            Optional<Entries.ProductMeasurement> p = lastWith(products, Entries.ProductMeasurement::cd3PerUl);
            double target = c.targetCd3PerKgDoses().stream().mapToDouble(Double::doubleValue).sum();
            m.put("cd3E6PerKg", Row.of("CD3+ cells per kg of the recipient", "10^6/kg",
                    plan.collected() == null || plan.collected().cd3PerKg() == null ? null
                            : plan.collected().cd3PerKg() / 1e6, target > 0 ? target / 1e6 : null,
                    p.map(x -> x.cd3PerUl() * x.volumeMl() * 1000 / kg / 1e6).orElse(null),
                    planFrom + (target > 0 ? "; target: the planned doses together" : "") + ", "
                            + kgText(request, kg),
                    p.map(x -> "product CD3+ " + num(x.cd3PerUl()) + " /µL × " + num(x.volumeMl())
                            + " mL, measured " + at(x.time(), zone)).orElse("no product CD3+ count recorded")));
        } else if (request.procedure() instanceof ProcedureSpec.GranulocyteCollection c) {
            product(m, plan, products, runValues, zone, planFrom);
            Optional<Entries.ProductMeasurement> p = lastWith(products,
                    Entries.ProductMeasurement::neutrophilsE9PerL);
            m.put("granulocytesE10", Row.of("Granulocytes in the product", "10^10 cells",
                    plan.collected() == null || plan.collected().granulocytes() == null ? null
                            : plan.collected().granulocytes() / 1e10,
                    c.targetGranulocytes().isPresent() ? c.targetGranulocytes().getAsDouble() / 1e10 : null,
                    p.map(x -> x.neutrophilsE9PerL() * x.volumeMl() * 1e6 / 1e10).orElse(null), planFrom,
                    p.map(x -> "product neutrophils " + num(x.neutrophilsE9PerL()) + " ×10^9/L × "
                            + num(x.volumeMl()) + " mL, measured " + at(x.time(), zone))
                            .orElse("no product neutrophil count recorded")));
        } else if (request.procedure() instanceof ProcedureSpec.IvigInfusion) {
            double given = fluids.stream().filter(f -> f.fluid() == Vocabulary.Fluid.IVIG)
                    .mapToDouble(Entries.FluidGiven::volumeMl).sum();
            boolean any = fluids.stream().anyMatch(f -> f.fluid() == Vocabulary.Fluid.IVIG);
            m.put("ivigVolumeMl", Row.of("IVIG given this day", "mL", plan.infusion() == null ? null
                    : plan.infusion().mlPerDay(), null, any ? given : null, planFrom + " (one day's volume)",
                    any ? "the IVIG volumes recorded as fluids given" : "no IVIG recorded as a fluid given"));
        }
        m.put("durationMin", duration(plan, runValues, session, zone, planFrom));
        return new Comparison(m);
    }

    private static void product(Map<String, Row> m, Plan plan, List<Entries.ProductMeasurement> products,
            List<Entries.RunValue> runValues, ZoneId zone, String planFrom) {
        Double planned = plan.collected() == null ? null : plan.collected().productVolumeMl();
        Optional<Entries.ProductMeasurement> p = products.isEmpty() ? Optional.empty()
                : Optional.of(products.get(products.size() - 1));
        if (p.isPresent()) {
            m.put("productVolumeMl", Row.of("Product volume", "mL", planned, null, p.get().volumeMl(), planFrom,
                    "product measured " + at(p.get().time(), zone)));
        } else {
            fromRunValues(m, "productVolumeMl", "Product volume", planned, planFrom, runValues,
                    Entries.RunValue::removedVolumeMl, zone);
        }
    }

    private static void whiteCount(Map<String, Row> m, Plan plan, ProcedureSpec.Leukocytapheresis l,
            List<LabEntry> labs, ZoneId zone) {
        Plan.Prediction wbc = plan.predicted() == null ? null : plan.predicted().get(Analyte.WBC.predictedName());
        Optional<LabEntry> pre = lastLab(labs, LabPhase.PRE, Analyte.WBC.field());
        Optional<LabEntry> post = lastLab(labs, LabPhase.POST, Analyte.WBC.field());
        Double target = l.targetWbcE9PerL().isPresent() ? l.targetWbcE9PerL().getAsDouble() : null;
        m.put("wbcPreE9PerL", Row.of("White count before", "10^9/L", wbc == null ? null : wbc.pre(), null,
                pre.map(LabEntry::value).orElse(null), "the record's latest white count the plan started from",
                pre.map(e -> "pre-procedure lab " + at(e.takenAt(), zone)).orElse("no pre-procedure white count")));
        m.put("wbcPostE9PerL", Row.of("White count after", "10^9/L", wbc == null ? null : wbc.post(), target,
                post.map(LabEntry::value).orElse(null), "the plan's prediction at the end of processing",
                post.map(e -> "post-procedure lab " + at(e.takenAt(), zone)).orElse("no post-procedure white count")));
        if (wbc != null && pre.isPresent() && post.isPresent() && pre.get().value() > 0) {
            m.put("wbcChangePercent", new Row("White count change", "%", round1(wbc.changePercent()), null,
                    round1(100 * (post.get().value() - pre.get().value()) / pre.get().value()), null,
                    "the plan's predicted change", "pre and post labs of this session"));
        }
    }

    private static Row duration(Plan plan, List<Entries.RunValue> runValues, SessionRecord session, ZoneId zone,
            String planFrom) {
        if (session.startedAt().isEmpty()) {
            return Row.of("Run time", "min", plan.durationMin(), null, null, planFrom, "not started");
        }
        Instant start = session.startedAt().get();
        Instant end = session.endedAt().orElse(runValues.isEmpty() ? null : runValues.get(runValues.size() - 1)
                .time());
        if (end == null) {
            return Row.of("Run time", "min", plan.durationMin(), null, null, planFrom, "running; no run values yet");
        }
        String from = session.endedAt().isPresent()
                ? "from the start at " + at(start, zone) + " to the end at " + at(end, zone)
                : "from the start at " + at(start, zone) + " to the latest run value at " + at(end, zone)
                        + " (running)";
        return Row.of("Run time", "min", plan.durationMin(), null, Duration.between(start, end).toSeconds() / 60.0,
                planFrom + " (separation, without set-up and rinseback)", from);
    }

    private static void fromRunValues(Map<String, Row> m, String key, String name, Double planned, String planFrom,
            List<Entries.RunValue> values, Function<Entries.RunValue, Double> f, ZoneId zone) {
        Entries.RunValue last = null;
        for (Entries.RunValue v : values) {
            if (f.apply(v) != null) {
                last = v;
            }
        }
        m.put(key, Row.of(name, "mL", planned, null, last == null ? null : f.apply(last), planFrom,
                last == null ? "no run value records it" : "the latest run value recording it, at "
                        + at(last.time(), zone) + " (" + last.source().code() + ")"));
    }

    private static <T> Optional<T> lastWith(List<T> items, Function<T, Double> f) {
        T last = null;
        for (T t : items) {
            if (f.apply(t) != null) {
                last = t;
            }
        }
        return Optional.ofNullable(last);
    }

    private static Optional<LabEntry> lastLab(List<LabEntry> labs, LabPhase phase, String field) {
        LabEntry last = null;
        for (LabEntry e : labs) {
            if (e.phase() == phase && e.field().equals(field)) {
                last = e;
            }
        }
        return Optional.ofNullable(last);
    }

    private static double recipientKg(PlanRequest r) {
        return r.recipientWeightKg().orElse(r.patient().weightKg());
    }

    private static String kgText(PlanRequest r, double kg) {
        return (r.recipientWeightKg().isPresent() ? "recipient " : "the patient (autologous), ") + num(kg) + " kg";
    }

    private static Double perE6(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() / 1e6 : null;
    }

    private static String at(Instant t, ZoneId zone) {
        return HH_MM.format(t.atZone(zone));
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(round(v));
    }

    private static Double round(Double v) {
        if (v == null) {
            return null;
        }
        double a = Math.abs(v);
        double scale = a >= 100 ? 1 : a >= 1 ? 10 : 100;
        return Math.round(v * scale) / scale;
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
