package org.openapheresis.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapheresis.server.json.Json;

/**
 * Runs the CLI on each cell procedure and IVIG example of the README and checks the numbers a user relies on;
 * forces the error paths (a missing lab, an unreachable target) to exit 2 with one line naming the field.
 */
class CellExamplesCliTest {

    /** Output of one run. */
    record Run(int exit, String out, String err) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return (Map<String, Object>) Json.parse(out);
        }
    }

    static Path example(String name) {
        Path p = Path.of("..", "examples", name);
        return Files.exists(p) ? p : Path.of("examples", name);
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> m, String key) {
        return (Map<String, Object>) m.get(key);
    }

    static double num(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    @SuppressWarnings("unchecked")
    static List<String> codes(Map<String, Object> plan) {
        return ((List<Map<String, Object>>) plan.get("warnings")).stream().map(w -> (String) w.get("code")).toList();
    }

    @Test
    void leukocytapheresis_example_processes_two_blood_volumes_and_lowers_wbc_30_to_60_percent() {
        Run r = run("plan", example("aml-hyperleukocytosis-leukocytapheresis.json").toString());
        assertThat(r.exit()).isZero();
        Map<String, Object> p = r.json();
        assertThat(p.get("procedureType")).isEqualTo("leukocytapheresis");
        assertThat(num(p, "bloodVolumesProcessed")).isEqualTo(2.0);
        double change = num(map(map(p, "predicted"), "wbc"), "changePercent");
        assertThat(change).isBetween(-60.0, -30.0);
        assertThat(num(map(p, "collected"), "wbcCells")).isGreaterThan(0);
        assertThat(codes(p)).contains("CITRATE_RATE_HIGH");
        assertThat(map(map(p, "predicted"), "ionizedCalcium")).containsKey("nadir");
    }

    @Test
    void hpc_example_needs_two_sessions_for_6e6_per_kg_and_reports_the_cd34_yield() {
        Run r = run("plan", example("myeloma-autologous-hpc-collection.json").toString());
        assertThat(r.exit()).isZero();
        Map<String, Object> p = r.json();
        assertThat(num(p, "sessionsNeeded")).isEqualTo(2);
        assertThat(num(p, "bloodVolumesProcessed")).isEqualTo(4.0);
        Map<String, Object> c = map(p, "collected");
        // CE2 from the example's haematocrit of 34 %: 1.23 x 34 + 12.23 = 54.05 % (Spectra Optia line, Transfusion 2022)
        assertThat(num(c, "cd34Cells")).isEqualTo(35 * 1000 * num(p, "processedVolumeMl") * (1.23 * 34 + 12.23) / 100);
        assertThat(codes(p)).contains("TARGET_NOT_REACHABLE_IN_ONE_SESSION");
    }

    @Test
    void dli_example_splits_the_product_into_three_aliquots_and_gives_the_gvhd_band() {
        Run r = run("plan", example("dli-lymphocyte-collection.json").toString());
        assertThat(r.exit()).isZero();
        Map<String, Object> p = r.json();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> aliquots = (List<Map<String, Object>>) map(p, "collected").get("aliquots");
        assertThat(aliquots).hasSize(3);
        assertThat(num(aliquots.get(2), "cd3Cells")).isEqualTo(1e7 * 70);
        // (1e6 + 5e6 + 1e7) x 70 kg / (1260/uL x 1000 x 0.5) = 1777.8 mL, rounded up
        assertThat(num(p, "processedVolumeMl")).isEqualTo(1778);
        assertThat(codes(p)).contains("DLI_GVHD_RISK");
    }

    @Test
    void granulocyte_example_with_hes_reaches_6e10_in_one_session() {
        Run r = run("plan", example("granulocyte-collection-hes.json").toString());
        assertThat(r.exit()).isZero();
        Map<String, Object> p = r.json();
        assertThat(num(map(p, "collected"), "granulocytes")).isGreaterThanOrEqualTo(6e10);
        assertThat(num(p, "sessionsNeeded")).isEqualTo(1);
        // granulocyte CE with HES on continuous flow 53.7 % (Cancelas 2015, Spectra Optia)
        assertThat(num(p, "processedVolumeMl")).isEqualTo(Math.ceil(6e10 / (30e6 * 0.537)));
    }

    @Test
    void ivig_example_gives_30_g_and_300_mL_a_day_for_5_days_and_the_igg_level() {
        Run r = run("plan", example("gbs-ivig.json").toString(), "--format", "text");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("150 g over 5 days").contains("30 g = 300 mL of 10%").contains("igg:");
        Map<String, Object> p = run("plan", example("gbs-ivig.json").toString()).json();
        assertThat(num(map(p, "infusion"), "gramsPerDay")).isEqualTo(30);
        assertThat(num(map(map(p, "predicted"), "igg"), "post")).isGreaterThan(num(map(map(p, "predicted"), "igg"),
                "pre"));
    }

    @Test
    void mixed_course_example_runs_five_exchanges_then_ivig_without_warnings() {
        Run r = run("course", example("ms-exchanges-then-ivig-course.json").toString());
        assertThat(r.exit()).isZero();
        Map<String, Object> c = r.json();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sessions = (List<Map<String, Object>>) c.get("sessions");
        assertThat(sessions).hasSize(6);
        assertThat(sessions.get(5).get("procedureType")).isEqualTo("ivig-infusion");
        assertThat((List<?>) c.get("warnings")).isEmpty();
    }

    @Test
    void a_missing_lab_exits_2_with_one_line_naming_the_field(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("hpc.json");
        Files.writeString(f, "{\"patient\":{\"sex\":\"male\",\"heightCm\":180,\"weightKg\":80,"
                + "\"hematocritPercent\":40,\"labs\":{\"wbcE9PerL\":20}},\"procedure\":{\"type\":\"hpc-collection\"}}");
        Run r = run("plan", f.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip().lines()).containsExactly(
                "patient.labs.cd34PerUl: is required for procedure type hpc-collection");
    }

    @Test
    void a_target_above_the_pre_count_exits_2_naming_the_target(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("wbc.json");
        Files.writeString(f, "{\"patient\":{\"sex\":\"male\",\"heightCm\":180,\"weightKg\":80,"
                + "\"hematocritPercent\":40,\"labs\":{\"wbcE9PerL\":120}},\"procedure\":{\"type\":\"leukocytapheresis\","
                + "\"target\":{\"wbcE9PerL\":150}}}");
        Run r = run("plan", f.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip().lines()).singleElement()
                .satisfies(l -> assertThat(l).startsWith("procedure.target.wbcE9PerL: ").doesNotContain("Exception"));
    }
}
