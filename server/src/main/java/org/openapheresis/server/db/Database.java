package org.openapheresis.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The database of the unit: a pooled connection to PostgreSQL or to an embedded H2 file database, migrated by
 * Flyway on start. Both run the same versioned migrations in {@code db/migration}.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final String vendor;

    private Database(HikariDataSource dataSource, String vendor) {
        this.dataSource = dataSource;
        this.vendor = vendor;
        this.jdbi = Jdbi.create(dataSource);
    }

    /**
     * The embedded H2 database in {@code dir}. {@code WRITE_DELAY=0} makes H2 write every commit to its file
     * before the commit returns, so an acknowledged write survives the process being killed.
     */
    public static Database h2(Path dir) {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("openapheresis")
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;MODE=Regular";
        return open(url, "sa", "", "h2", 8);
    }

    /**
     * A PostgreSQL database. Every connection sets {@code synchronous_commit = on}, whatever the server's
     * default, so a commit returns only once its WAL record is flushed.
     */
    public static Database postgres(String url, Optional<String> user, Optional<String> password) {
        return open(url, user.orElse(null), password.orElse(null), "postgresql", 16);
    }

    private static Database open(String url, String user, String password, String vendor, int poolSize) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(url);
        if (user != null) {
            cfg.setUsername(user);
        }
        if (password != null) {
            cfg.setPassword(password);
        }
        cfg.setMaximumPoolSize(poolSize);
        cfg.setPoolName("openapheresis-" + vendor);
        cfg.setAutoCommit(true);
        if (vendor.equals("postgresql")) {
            cfg.setConnectionInitSql("SET synchronous_commit TO on");
        }
        HikariDataSource ds = new HikariDataSource(cfg);
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds, vendor);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** {@code h2} or {@code postgresql}. */
    public String vendor() {
        return vendor;
    }

    /** True when a trivial query answers (the health check). */
    public boolean reachable() {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
