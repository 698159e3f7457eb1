package org.openapheresis.server;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start the server.
 *
 * @param host the address to listen on ({@code 127.0.0.1} by default: only this machine; a unit's server says
 *     where it listens, e.g. {@code 0.0.0.0} behind its TLS proxy)
 * @param port TCP port; 0 picks a free one
 * @param dataDir directory of the embedded H2 database (used when {@code jdbcUrl} is empty), and of the audit
 *     key and checkpoints unless given elsewhere
 * @param jdbcUrl a PostgreSQL JDBC URL, or empty for the embedded database
 * @param dbUser database user (PostgreSQL)
 * @param dbPassword database password (PostgreSQL)
 * @param adminPassword password of the first {@code admin} account; empty generates one and prints it once
 * @param demo seed the demo unit on an empty database
 * @param bcryptCost bcrypt work factor (log2 rounds); 12 in production, lower only in tests
 * @param auditKeyFile the file of the audit chain's HMAC key, created with a random key when absent
 *     ({@value #DEFAULT_AUDIT_KEY_FILE} in {@code dataDir} by default); every server process on one database must
 *     use the same key
 * @param auditCheckpointFile the append-only file of signed checkpoints of the audit chain head
 *     ({@value #DEFAULT_AUDIT_CHECKPOINT_FILE} in {@code dataDir} by default)
 * @param mrnSystem the identifier system of the unit's medical record numbers on the FHIR face (the EHR's, e.g.
 *     {@code urn:oid:...}; {@value #DEFAULT_MRN_SYSTEM} by default, which no EHR shares): an absolute URI
 */
public record ServerConfig(String host, int port, Path dataDir, Optional<String> jdbcUrl, Optional<String> dbUser,
        Optional<String> dbPassword, Optional<String> adminPassword, boolean demo, int bcryptCost, Path auditKeyFile,
        Path auditCheckpointFile, String mrnSystem) {

    /** Production work factor: about a quarter of a second per hash on a 2-core server. */
    public static final int DEFAULT_BCRYPT_COST = 12;
    /** Where the server listens unless told otherwise: this machine only. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** The audit key's file name in the data directory unless given elsewhere. */
    public static final String DEFAULT_AUDIT_KEY_FILE = "audit.key";
    /** The checkpoint file's name in the data directory unless given elsewhere. */
    public static final String DEFAULT_AUDIT_CHECKPOINT_FILE = "audit-checkpoints.log";
    /** The MRN system unless the unit names its own: the project's URN. */
    public static final String DEFAULT_MRN_SYSTEM = "urn:openapheresis:mrn";

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(dbUser, "dbUser");
        Objects.requireNonNull(dbPassword, "dbPassword");
        Objects.requireNonNull(adminPassword, "adminPassword");
        Objects.requireNonNull(auditKeyFile, "auditKeyFile");
        Objects.requireNonNull(auditCheckpointFile, "auditCheckpointFile");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 0..65535");
        }
        if (bcryptCost < 4 || bcryptCost > 31) {
            throw new IllegalArgumentException("bcrypt cost " + bcryptCost + " is outside 4..31");
        }
        Objects.requireNonNull(mrnSystem, "mrnSystem");
        if (!absoluteUri(mrnSystem)) {
            throw new IllegalArgumentException("the MRN system " + mrnSystem + " is not an absolute URI (e.g. "
                    + "urn:oid:1.2.3.4 or https://hospital.example/mrn)");
        }
    }

    /**
     * The embedded database in {@code dataDir} on {@code port}, listening on this machine only, with the audit key
     * and checkpoints in {@code dataDir}.
     */
    public static ServerConfig embedded(int port, Path dataDir) {
        return new ServerConfig(DEFAULT_HOST, port, dataDir, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false, DEFAULT_BCRYPT_COST, dataDir.resolve(DEFAULT_AUDIT_KEY_FILE),
                dataDir.resolve(DEFAULT_AUDIT_CHECKPOINT_FILE), DEFAULT_MRN_SYSTEM);
    }

    public ServerConfig withHost(String address) {
        return new ServerConfig(address, port, dataDir, jdbcUrl, dbUser, dbPassword, adminPassword, demo, bcryptCost,
                auditKeyFile, auditCheckpointFile, mrnSystem);
    }

    public ServerConfig withJdbc(String url, String user, String password) {
        return new ServerConfig(host, port, dataDir, Optional.of(url), Optional.ofNullable(user),
                Optional.ofNullable(password), adminPassword, demo, bcryptCost,
                auditKeyFile, auditCheckpointFile, mrnSystem);
    }

    public ServerConfig withAdminPassword(String password) {
        return new ServerConfig(host, port, dataDir, jdbcUrl, dbUser, dbPassword, Optional.ofNullable(password), demo,
                bcryptCost, auditKeyFile, auditCheckpointFile, mrnSystem);
    }

    public ServerConfig withDemo(boolean seed) {
        return new ServerConfig(host, port, dataDir, jdbcUrl, dbUser, dbPassword, adminPassword, seed, bcryptCost,
                auditKeyFile, auditCheckpointFile, mrnSystem);
    }

    public ServerConfig withBcryptCost(int cost) {
        return new ServerConfig(host, port, dataDir, jdbcUrl, dbUser, dbPassword, adminPassword, demo, cost,
                auditKeyFile, auditCheckpointFile, mrnSystem);
    }

    /** The audit key in {@code file} instead of the data directory. */
    public ServerConfig withAuditKeyFile(Path file) {
        return new ServerConfig(host, port, dataDir, jdbcUrl, dbUser, dbPassword, adminPassword, demo, bcryptCost,
                file, auditCheckpointFile, mrnSystem);
    }

    /** The audit checkpoints in {@code file} instead of the data directory. */
    public ServerConfig withAuditCheckpointFile(Path file) {
        return new ServerConfig(host, port, dataDir, jdbcUrl, dbUser, dbPassword, adminPassword, demo, bcryptCost,
                auditKeyFile, file, mrnSystem);
    }

    /** The unit's own MRN system on the FHIR face. */
    public ServerConfig withMrnSystem(String system) {
        return new ServerConfig(host, port, dataDir, jdbcUrl, dbUser, dbPassword, adminPassword, demo, bcryptCost,
                auditKeyFile, auditCheckpointFile, system);
    }

    /** An absolute URI: a scheme, something after it, no white space. */
    static boolean absoluteUri(String s) {
        if (s.isBlank() || s.length() > 255 || s.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        try {
            java.net.URI u = new java.net.URI(s);
            return u.isAbsolute() && u.getSchemeSpecificPart() != null && !u.getSchemeSpecificPart().isEmpty();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
