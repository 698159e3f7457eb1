package org.openapheresis.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void every_commands_help_formats_without_a_picocli_warning() {
        java.io.PrintStream before = System.err;
        java.io.ByteArrayOutputStream warned = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(warned, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (String command : new String[] {"plan", "course", "serve"}) {
                Cli r = Cli.run(command, "--help");
                assertThat(r.exitCode()).isZero();
                assertThat(r.out()).contains("Usage: openapheresis " + command);
            }
            assertThat(Cli.run("plan", "--help").out()).contains("5/50/95% bands");
        } finally {
            System.setErr(before);
        }
        // a '%' in a description is a format string to picocli: unescaped, it warns on every help
        assertThat(warned.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    }

    @Test
    void plans_the_ms_relapse_example_with_nadler_volumes_and_the_contract_fields() throws IOException {
        Cli r = Cli.run("plan", Cli.example("ms-relapse-plasma-exchange.json"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode plan = JSON.readTree(r.out());
        // female 168 cm 64 kg: 0.3561 x 1.68^3 + 0.03308 x 64 + 0.1833 = 3.989 L
        assertThat(plan.get("bloodVolumeMl").asDouble()).isCloseTo(3989, within(1.0));
        assertThat(plan.get("bloodVolumeMethod").asText()).isEqualTo("nadler-1962");
        assertThat(plan.get("plasmaVolumeMl").asDouble()).isCloseTo(3989 * 0.60, within(1.0));
        assertThat(plan.get("exchangeVolumeMl").asDouble()).isCloseTo(1.25 * 2393.4, within(1.0));
        assertThat(plan.get("acFlowMlPerMin").asDouble()).isEqualTo(6.0);
        assertThat(plan.get("anticoagulant").get("type").asText()).isEqualTo("ACD-A");
        assertThat(plan.get("predicted").get("igg").get("post").asDouble()).isLessThan(10.5 * Math.exp(-1.0));
        assertThat(plan.get("collected").isNull()).isTrue();
        assertThat(plan.has("timeline")).isFalse();
        assertThat(plan.get("assumptions").size()).isGreaterThan(10);
        for (String field : new String[] {"processedVolumeMl", "bloodVolumesProcessed", "inletFlowMlPerMin",
            "durationMin", "replacement", "extracorporealVolumeMl", "extracorporealPercentOfBloodVolume",
            "sessionsNeeded", "warnings"}) {
            assertThat(plan.has(field)).as(field).isTrue();
        }
    }

    @Test
    void timeline_adds_samples_from_minute_zero_to_the_end() throws IOException {
        JsonNode plan = JSON.readTree(Cli.run("plan", Cli.example("ms-relapse-plasma-exchange.json"), "--timeline").out());
        JsonNode t = plan.get("timeline");
        assertThat(t.get(0).get("minute").asDouble()).isZero();
        assertThat(t.get(t.size() - 1).get("minute").asDouble()).isCloseTo(plan.get("durationMin").asDouble(),
                within(0.6));
        assertThat(t.get(0).get("igg").asDouble()).isEqualTo(10.5);
        assertThat(t.get(0).has("ionizedCalcium")).isTrue();
    }

    @Test
    void text_format_is_readable_with_units() {
        Cli r = Cli.run("plan", Cli.example("ms-relapse-plasma-exchange.json"), "--format", "text");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("PLAN: plasma-exchange", "Total blood volume:", "3989 mL", "Run time:", "min",
                "5% albumin:", "vials of 12.5 g", "Predicted", "igg:", "g/L", "Warnings", "Assumptions");
    }

    @Test
    void invalid_values_exit_2_with_one_line_per_problem_and_no_stack_trace(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, """
                {"patient": {"sex": "male", "heightCm": 180, "weightKg": 80, "hematocritPercent": 420},
                 "procedure": {"type": "plasma-exchange", "acRatio": 40}}
                """);
        Cli r = Cli.run("plan", f.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).containsExactly(
                "patient.hematocritPercent: 420 is outside 10..70",
                "procedure.acRatio: 40 is outside 6..15");
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void malformed_json_exits_2_naming_the_line(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("broken.json");
        Files.writeString(f, "{\"patient\": {\n  \"sex\": male }");
        Cli r = Cli.run("plan", f.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("malformed JSON at line 2").doesNotContain("\tat ");
    }

    @Test
    void unclosed_json_names_the_place_without_parser_internals(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("unclosed.json");
        Files.writeString(f, "{\"patient\": {\"sex\": \"male\"");
        Cli r = Cli.run("plan", f.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("malformed JSON at line 1", "expected close marker for Object")
                .doesNotContain("Source:", "StreamReadFeature");
    }

    @Test
    void a_missing_file_exits_2() {
        Cli r = Cli.run("plan", "no-such-file.json");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("no-such-file.json: no such file");
    }

    @Test
    void a_directory_is_named_in_one_line_and_exits_2() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("plans");
        for (String command : new String[] {"plan", "course"}) {
            Cli r = Cli.run(command, dir.toString());
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err().strip()).isEqualTo(dir + ": is a directory, not a request file");
        }
    }

    @Test
    void help_and_version_work() {
        assertThat(Cli.run("--help").out()).contains("plan", "course");
        assertThat(Cli.run("--version").out()).startsWith("openapheresis ");
        assertThat(Cli.run("plan", "--help").out()).contains("FILE", "--timeline", "--format");
    }
}
