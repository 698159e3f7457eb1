package org.openapheresis.server.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.openapheresis.server.ServerConfig;

/**
 * The two databases the server runs on, for tests: a fresh H2 file database in a temporary directory, or a fresh
 * database in one embedded PostgreSQL shared by the whole test JVM (started on first use, stopped at exit).
 */
public final class Databases {

    /** Which database a parameterised test runs on. */
    public enum Kind { H2, POSTGRESQL }

    /** The admin password the test servers are created with. */
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";
    /** Low bcrypt cost to keep tests fast; production uses {@link ServerConfig#DEFAULT_BCRYPT_COST}. */
    public static final int TEST_BCRYPT_COST = 4;

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private Databases() {
    }

    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                // zonky turns synchronous_commit off by default; the server's durability promise needs it on
                postgres = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on")
                        .setServerConfig("fsync", "on").start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedPostgres pg = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException e) {
                    // the JVM is exiting
                }
            }));
        }
        return postgres;
    }

    /** A JDBC URL of a new, empty PostgreSQL database. */
    public static String freshPostgresUrl() {
        EmbeddedPostgres pg = postgres();
        String name = "unit_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return pg.getJdbcUrl("postgres", name);
    }

    public static Path tempDir() {
        try {
            return Files.createTempDirectory("openapheresis-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server configuration on a fresh database of the given kind, on a free port. */
    public static ServerConfig config(Kind kind) {
        ServerConfig c = ServerConfig.embedded(0, tempDir()).withAdminPassword(ADMIN_PASSWORD)
                .withBcryptCost(TEST_BCRYPT_COST);
        if (kind == Kind.POSTGRESQL) {
            c = c.withJdbc(freshPostgresUrl(), "postgres", null);
        }
        return c;
    }
}
