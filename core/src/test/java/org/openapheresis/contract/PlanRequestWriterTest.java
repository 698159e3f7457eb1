package org.openapheresis.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.openapheresis.procedure.PlanRequest;
import org.openapheresis.procedure.ProcedureSpec;

/** The writer is the reader's inverse: a request stored as its tree reads back as the same record. */
class PlanRequestWriterTest {

    @Property(tries = 300, seed = "20261201")
    void any_plasma_exchange_request_reads_back_as_itself(@ForAll("plasmaExchanges") Map<String, Object> tree) {
        PlanRequest r = PlanRequestReader.read(tree);
        assertThat(PlanRequestReader.read(PlanRequestWriter.request(r))).isEqualTo(r);
    }

    @Property(tries = 300, seed = "20261201")
    void any_cell_or_ivig_request_reads_back_as_itself(@ForAll("cellRequests") Map<String, Object> tree) {
        PlanRequest r = PlanRequestReader.read(tree);
        assertThat(PlanRequestReader.read(PlanRequestWriter.request(r))).isEqualTo(r);
    }

    @Test
    void a_procedure_alone_reads_back_as_itself_with_the_readers_defaults_written_out() {
        ProcedureSpec spec = PlanRequestReader.readProcedure(Map.of("type", "plasma-exchange", "plasmaVolumes", 1.25),
                "procedure");
        Map<String, Object> written = PlanRequestWriter.procedure(spec);
        assertThat(written).containsEntry("device", "continuous-flow").containsEntry("anticoagulant", "ACD-A")
                .containsEntry("fluidBalancePercent", 100.0).containsKey("replacement");
        assertThat(PlanRequestReader.readProcedure(written, "procedure")).isEqualTo(spec);
    }

    @Provide
    Arbitrary<Map<String, Object>> plasmaExchanges() {
        Arbitrary<Double> pv = Arbitraries.doubles().between(0.5, 2.0).ofScale(2);
        Arbitrary<Integer> albumin = Arbitraries.integers().between(0, 100);
        Arbitrary<Double> balance = Arbitraries.doubles().between(80, 120).ofScale(1);
        Arbitrary<Integer> ratio = Arbitraries.integers().between(6, 15);
        Arbitrary<Map<String, Object>> calcium = Arbitraries.oneOf(Arbitraries.just(Map.of()),
                Arbitraries.doubles().between(0.5, 4.6).ofScale(2).map(c -> Map.of("inReplacementMmolPerL", c)),
                Arbitraries.doubles().between(0.5, 10).ofScale(1).map(c -> Map.of("inReplacementMmolPerL", 2.32,
                        "infusionMmolPerHour", c)));
        return Combinators.combine(patients(), pv, albumin, balance, ratio, calcium).as((patient, v, a, b, ac, ca) -> {
            Map<String, Object> proc = new LinkedHashMap<>();
            proc.put("type", "plasma-exchange");
            proc.put("plasmaVolumes", v);
            proc.put("replacement", Map.of("albuminPercent", a, "plasmaPercent", 100 - a));
            proc.put("fluidBalancePercent", b);
            proc.put("acRatio", ac);
            if (!ca.isEmpty()) {
                proc.put("calcium", ca);
            }
            return Map.of("patient", patient, "procedure", proc);
        });
    }

    @Provide
    Arbitrary<Map<String, Object>> cellRequests() {
        Arbitrary<Map<String, Object>> procedure = Arbitraries.oneOf(
                Arbitraries.doubles().between(0.5, 4).ofScale(1).map(v -> Map.of("type", "leukocytapheresis",
                        "bloodVolumesProcessed", v)),
                Arbitraries.doubles().between(0.5, 10).ofScale(1).map(c -> Map.of("type", "leukocytapheresis",
                        "calcium", Map.of("infusionMmolPerHour", c))),
                Arbitraries.doubles().between(1e6, 8e6).map(v -> Map.of("type", "hpc-collection", "target",
                        Map.of("cd34PerKg", v), "collectionEfficiencyPercent", 50)),
                Arbitraries.doubles().between(1e5, 1e7).list().ofMinSize(1).ofMaxSize(4).map(d -> Map.of("type",
                        "lymphocyte-collection", "target", Map.of("cd3PerKgDoses", d))),
                Arbitraries.of("hes", "none").map(s -> Map.of("type", "granulocyte-collection", "sedimentingAgent",
                        s, "bloodVolumesProcessed", 1.5)),
                Arbitraries.integers().between(1, 5).map(d -> Map.of("type", "ivig-infusion", "doseGPerKg", 2.0,
                        "days", d)));
        return Combinators.combine(patients(), procedure, Arbitraries.of(true, false)).as((patient, proc, r) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("patient", patient);
            m.put("procedure", proc);
            if (r) {
                m.put("recipient", Map.of("weightKg", 70));
            }
            return m;
        });
    }

    private static Arbitrary<Map<String, Object>> patients() {
        return Combinators.combine(Arbitraries.of("male", "female"), Arbitraries.integers().between(18, 90),
                Arbitraries.doubles().between(150, 195).ofScale(1), Arbitraries.doubles().between(45, 120).ofScale(1),
                Arbitraries.doubles().between(25, 50).ofScale(1)).as((sex, age, h, w, hct) -> {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("sex", sex);
                    p.put("ageYears", age);
                    p.put("heightCm", h);
                    p.put("weightKg", w);
                    p.put("hematocritPercent", hct);
                    p.put("labs", Map.of("wbcE9PerL", 30, "cd34PerUl", 40, "cd3PerUl", 1500, "neutrophilsE9PerL", 25,
                            "iggGPerL", 10.5, "plateletsE9PerL", 220));
                    return p;
                });
    }
}
