package org.openapheresis.app;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.openapheresis.server.OpenApheresisServer;
import org.openapheresis.server.ServerConfig;
import org.openapheresis.server.audit.AuditStartException;
import org.openapheresis.server.SettingRefused;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code openapheresis serve}: runs the unit's server until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the unit's server: the JSON API under /api and the web UI at /. "
                + "Without --db it keeps its data in an embedded database under --data.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", defaultValue = ServerConfig.DEFAULT_HOST, paramLabel = "ADDRESS",
            description = "address to listen on (default ${DEFAULT-VALUE}: this machine only; e.g. 0.0.0.0 behind "
                    + "the unit's TLS proxy)")
    String host;

    @Option(names = "--data", defaultValue = "data", paramLabel = "DIR",
            description = "directory of the embedded database, and of the audit key and checkpoints unless given "
                    + "elsewhere (default ./${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--audit-key-file", paramLabel = "PATH",
            description = "the audit chain's HMAC key (or env OPENAPHERESIS_AUDIT_KEY_FILE; default DIR/"
                    + ServerConfig.DEFAULT_AUDIT_KEY_FILE + " of --data), created with 32 random bytes when absent. "
                    + "Back it up and keep it off the database host; every server process on one database must use "
                    + "the same key file")
    Path auditKeyFile;

    @Option(names = "--audit-checkpoints", paramLabel = "PATH",
            description = "append-only file of signed checkpoints of the audit chain head (default DIR/"
                    + ServerConfig.DEFAULT_AUDIT_CHECKPOINT_FILE + " of --data); keep it where the database's "
                    + "writers cannot rewrite it")
    Path auditCheckpoints;

    @Option(names = "--fhir-mrn-system", paramLabel = "URI",
            description = "the identifier system of the unit's medical record numbers on the FHIR face: the EHR's "
                    + "(e.g. urn:oid:1.2.3.4; or env OPENAPHERESIS_FHIR_MRN_SYSTEM; default "
                    + ServerConfig.DEFAULT_MRN_SYSTEM + ", which no EHR shares)")
    String mrnSystem;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "PostgreSQL instead of the embedded database, e.g. jdbc:postgresql://localhost:5432/unit")
    String db;

    @Option(names = "--db-user", description = "database user (or env OPENAPHERESIS_DB_USER)")
    String dbUser;

    @Option(names = "--db-password", description = "database password (or env OPENAPHERESIS_DB_PASSWORD)")
    String dbPassword;

    @Option(names = "--demo", description = "seed a demo unit (staff, patients, orders, a week of sessions) "
            + "on an empty database")
    boolean demo;

    @Override
    public Integer call() throws InterruptedException {
        var out = spec.commandLine().getOut();
        ServerConfig config;
        try {
            config = config(System::getenv);
        } catch (IllegalArgumentException e) {
            var err = spec.commandLine().getErr();
            err.println("openapheresis serve: cannot start: " + e.getMessage());
            err.flush();
            return 2;
        }
        OpenApheresisServer server;
        try {
            server = OpenApheresisServer.start(config, System.out);
        } catch (AuditStartException e) {
            var err = spec.commandLine().getErr();
            err.println("openapheresis serve: cannot start: " + e.getMessage() + ".");
            err.println("See docs/architecture/audit.md (the audit key and checkpoints).");
            err.flush();
            return 1;
        } catch (SettingRefused e) {
            var err = spec.commandLine().getErr();
            err.println("openapheresis serve: cannot start: " + e.getMessage());
            err.flush();
            return 2;
        } catch (RuntimeException e) {
            var err = spec.commandLine().getErr();
            err.println("openapheresis serve: cannot start: " + rootMessage(e));
            err.println("Check --port (is it in use?), --data (writable?) or --db and its credentials.");
            err.flush();
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "openapheresis-shutdown"));
        String shown = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
        out.println("OpenApheresis is serving on http://" + shown + ":" + server.port() + "/ (listening on " + host + "; "
                + (db == null ? "embedded database in " + data.toAbsolutePath() : "PostgreSQL") + ")");
        out.flush();
        stopped.await();
        return 0;
    }

    /** The server's configuration from the options, with {@code env} for what may come from the environment. */
    ServerConfig config(Function<String, String> env) {
        ServerConfig config = ServerConfig.embedded(port, data).withHost(host)
                .withAdminPassword(env.apply("OPENAPHERESIS_ADMIN_PASSWORD"))
                .withDemo(demo);
        Optional<Path> keyFile = Optional.ofNullable(auditKeyFile).or(() -> Optional.ofNullable(
                env.apply("OPENAPHERESIS_AUDIT_KEY_FILE")).filter(s -> !s.isBlank()).map(Path::of));
        if (keyFile.isPresent()) {
            config = config.withAuditKeyFile(keyFile.get());
        }
        if (auditCheckpoints != null) {
            config = config.withAuditCheckpointFile(auditCheckpoints);
        }
        Optional<String> mrn = Optional.ofNullable(mrnSystem).or(() -> Optional.ofNullable(
                env.apply("OPENAPHERESIS_FHIR_MRN_SYSTEM")).filter(s -> !s.isBlank()));
        if (mrn.isPresent()) {
            config = config.withMrnSystem(mrn.get());
        }
        if (db != null) {
            config = config.withJdbc(db,
                    Optional.ofNullable(dbUser).orElse(env.apply("OPENAPHERESIS_DB_USER")),
                    Optional.ofNullable(dbPassword).orElse(env.apply("OPENAPHERESIS_DB_PASSWORD")));
        }
        return config;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
