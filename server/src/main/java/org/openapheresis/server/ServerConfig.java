package org.openapheresis.server;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start the server.
 *
 * @param port TCP port; 0 picks a free one
 * @param dataDir directory of the embedded H2 database (used when {@code jdbcUrl} is empty)
 * @param jdbcUrl a PostgreSQL JDBC URL, or empty for the embedded database
 * @param dbUser database user (PostgreSQL)
 * @param dbPassword database password (PostgreSQL)
 * @param adminPassword password of the first {@code admin} account; empty generates one and prints it once
 * @param demo seed the demo unit on an empty database
 * @param bcryptCost bcrypt work factor (log2 rounds); 12 in production, lower only in tests
 */
public record ServerConfig(int port, Path dataDir, Optional<String> jdbcUrl, Optional<String> dbUser,
        Optional<String> dbPassword, Optional<String> adminPassword, boolean demo, int bcryptCost) {

    /** Production work factor: about a quarter of a second per hash on a 2-core server. */
    public static final int DEFAULT_BCRYPT_COST = 12;

    public ServerConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(dbUser, "dbUser");
        Objects.requireNonNull(dbPassword, "dbPassword");
        Objects.requireNonNull(adminPassword, "adminPassword");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 0..65535");
        }
        if (bcryptCost < 4 || bcryptCost > 31) {
            throw new IllegalArgumentException("bcrypt cost " + bcryptCost + " is outside 4..31");
        }
    }

    /** The embedded database in {@code dataDir} on {@code port}. */
    public static ServerConfig embedded(int port, Path dataDir) {
        return new ServerConfig(port, dataDir, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false, DEFAULT_BCRYPT_COST);
    }

    public ServerConfig withJdbc(String url, String user, String password) {
        return new ServerConfig(port, dataDir, Optional.of(url), Optional.ofNullable(user),
                Optional.ofNullable(password), adminPassword, demo, bcryptCost);
    }

    public ServerConfig withAdminPassword(String password) {
        return new ServerConfig(port, dataDir, jdbcUrl, dbUser, dbPassword, Optional.ofNullable(password), demo,
                bcryptCost);
    }

    public ServerConfig withDemo(boolean seed) {
        return new ServerConfig(port, dataDir, jdbcUrl, dbUser, dbPassword, adminPassword, seed, bcryptCost);
    }

    public ServerConfig withBcryptCost(int cost) {
        return new ServerConfig(port, dataDir, jdbcUrl, dbUser, dbPassword, adminPassword, demo, cost);
    }
}
