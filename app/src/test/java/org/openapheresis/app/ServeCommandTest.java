package org.openapheresis.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapheresis.server.OpenApheresisServer;
import org.openapheresis.server.ServerConfig;
import picocli.CommandLine;

/** {@code serve}: where the audit key and checkpoints are, and the refusal of a key that is not the chain's. */
class ServeCommandTest {

    @TempDir
    Path dir;

    private static ServerConfig parse(Map<String, String> env, String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        return serve.config(env::get);
    }

    @Test
    void the_audit_key_and_checkpoints_are_in_the_data_directory_unless_given_elsewhere() {
        ServerConfig c = parse(Map.of(), "--data", dir.toString());
        assertThat(c.auditKeyFile()).isEqualTo(dir.resolve("audit.key"));
        assertThat(c.auditCheckpointFile()).isEqualTo(dir.resolve("audit-checkpoints.log"));

        ServerConfig elsewhere = parse(Map.of(), "--data", dir.toString(), "--audit-key-file", "/secrets/unit.key",
                "--audit-checkpoints", "/worm/unit-checkpoints.log");
        assertThat(elsewhere.auditKeyFile()).isEqualTo(Path.of("/secrets/unit.key"));
        assertThat(elsewhere.auditCheckpointFile()).isEqualTo(Path.of("/worm/unit-checkpoints.log"));
    }

    @Test
    void the_mrn_system_is_the_unit_s_from_the_option_or_the_environment_and_must_be_an_absolute_uri() {
        assertThat(parse(Map.of(), "--data", dir.toString()).mrnSystem()).isEqualTo(ServerConfig.DEFAULT_MRN_SYSTEM);
        Map<String, String> env = Map.of("OPENAPHERESIS_FHIR_MRN_SYSTEM", "urn:oid:2.16.840.1.113883.19.5");
        assertThat(parse(env, "--data", dir.toString()).mrnSystem()).isEqualTo("urn:oid:2.16.840.1.113883.19.5");
        assertThat(parse(env, "--data", dir.toString(), "--fhir-mrn-system", "https://hospital.example/mrn")
                .mrnSystem()).isEqualTo("https://hospital.example/mrn");
        for (String bad : new String[] {"MRN", "hospital mrn", "urn:"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse(Map.of(), "--data", dir.toString(),
                    "--fhir-mrn-system", bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not an absolute URI");
        }
    }

    @Test
    void the_key_file_comes_from_the_environment_when_the_option_is_not_given_and_the_option_wins() {
        Map<String, String> env = Map.of("OPENAPHERESIS_AUDIT_KEY_FILE", "/secrets/from-env.key");
        assertThat(parse(env, "--data", dir.toString()).auditKeyFile()).isEqualTo(Path.of("/secrets/from-env.key"));
        assertThat(parse(env, "--data", dir.toString(), "--audit-key-file", "/secrets/option.key").auditKeyFile())
                .isEqualTo(Path.of("/secrets/option.key"));
    }

    @Test
    void serve_with_a_key_that_does_not_verify_the_chain_refuses_to_start_with_exit_1_and_says_why() {
        Path data = dir.resolve("data");
        ServerConfig first = ServerConfig.embedded(0, data).withAdminPassword("admin-password-for-cli-tests")
                .withBcryptCost(4);
        try (OpenApheresisServer server = OpenApheresisServer.start(first,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            server.services().audit().append("nurse1", "GET /api/patients/{id}", "/api/patients/p1", "p1", "200");
            server.services().audit().sealAll();
        }
        Path other = dir.resolve("elsewhere").resolve("audit.key");
        Cli r = Cli.run("serve", "--port", "0", "--data", data.toString(), "--audit-key-file", other.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("cannot start: the audit key in " + other.toAbsolutePath()
                + " does not verify the latest keyed entries").contains("Refusing to start rather than fork the chain")
                .contains("docs/architecture/audit.md");
    }
}
