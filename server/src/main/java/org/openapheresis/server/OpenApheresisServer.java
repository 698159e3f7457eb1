package org.openapheresis.server;

import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.openapheresis.server.audit.AuditLog;
import org.openapheresis.server.audit.AuditRoutes;
import org.openapheresis.server.audit.RefusedRequests;
import org.openapheresis.server.access.AccessPolicy;
import org.openapheresis.server.auth.AuthRoutes;
import org.openapheresis.server.auth.AuthService;
import org.openapheresis.server.auth.AuthStore;
import org.openapheresis.server.auth.PasswordPolicy;
import org.openapheresis.server.auth.Passwords;
import org.openapheresis.system.Problem;
import org.openapheresis.server.access.Role;
import org.openapheresis.server.catalog.CatalogRoutes;
import org.openapheresis.server.db.Database;
import org.openapheresis.server.demo.DemoSeed;
import org.openapheresis.server.guideline.Guidelines;
import org.openapheresis.server.http.FeatureRoutes;
import org.openapheresis.server.http.HttpApp;
import org.openapheresis.server.http.Route;
import org.openapheresis.server.http.SystemRoutes;
import org.openapheresis.server.order.OrderRoutes;
import org.openapheresis.server.order.OrderService;
import org.openapheresis.server.order.OrderStore;
import org.openapheresis.server.patient.PatientRoutes;
import org.openapheresis.server.patient.PatientService;
import org.openapheresis.server.patient.PatientStore;
import org.openapheresis.server.planning.PlanRoutes;
import org.openapheresis.server.session.SessionRoutes;
import org.openapheresis.server.session.SessionService;
import org.openapheresis.server.session.SessionStore;

/**
 * The unit's server: opens and migrates the database, makes sure an {@code admin} account exists, optionally
 * seeds the demo unit, and serves the route table and the web UI.
 */
public final class OpenApheresisServer implements AutoCloseable {

    private final Database db;
    private final HttpApp.Running app;
    private final List<Route> routes;
    private final Services services;

    /** How often pending audit entries are sealed onto the chain. */
    public static final long SEAL_EVERY_MS = 250;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OpenApheresisServer.class);

    private final java.util.concurrent.ScheduledExecutorService sealer;

    private OpenApheresisServer(Database db, HttpApp.Running app, List<Route> routes, Services services) {
        this.sealer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "openapheresis-audit-sealer");
            t.setDaemon(true);
            return t;
        });
        sealer.scheduleWithFixedDelay(() -> {
            try {
                services.audit().seal();
                services.refused().flush();
            } catch (RuntimeException e) {
                LOG.warn("sealing audit entries or counting refused requests failed; will retry", e);
            }
        }, SEAL_EVERY_MS, SEAL_EVERY_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
        this.db = db;
        this.app = app;
        this.routes = routes;
        this.services = services;
    }

    /** The cross-cutting parts tests reach into (the audit log, the database, the clock). */
    public record Services(Database db, AuthService auth, AuditLog audit, RefusedRequests refused, Clock clock,
            ZoneId zone) {
    }

    /** Starts with the contract's access policy. */
    public static OpenApheresisServer start(ServerConfig config, PrintStream out) {
        return start(config, out, AccessPolicy.contract(), List.of());
    }

    /**
     * Starts the server: the composition root. Builds the stores and services of every feature, composes the
     * features' routes into the one table and serves it.
     *
     * @param policy the access policy (tests pass a policy with a row removed to show deny by default)
     * @param extraRoutes routes added after the table (tests only)
     */
    public static OpenApheresisServer start(ServerConfig config, PrintStream out, AccessPolicy policy,
            List<Route> extraRoutes) {
        return start(config, out, policy, extraRoutes, Clock.system(ZoneId.systemDefault()));
    }

    /**
     * Starts the server on the given clock (tests move a clock to show what a wait does, rather than wait).
     *
     * @param clock the time of every record, session and login counter
     */
    public static OpenApheresisServer start(ServerConfig config, PrintStream out, AccessPolicy policy,
            List<Route> extraRoutes, Clock clock) {
        Database db = config.jdbcUrl().isPresent()
                ? Database.postgres(config.jdbcUrl().get(), config.dbUser(), config.dbPassword())
                : Database.h2(config.dataDir());
        try {
            ZoneId zone = clock.getZone();
            Passwords passwords = new Passwords(config.bcryptCost());
            AuthService auth = new AuthService(db.jdbi(), new AuthStore(), passwords, clock);
            AuditLog audit = new AuditLog(db.jdbi(), clock);
            RefusedRequests refused = new RefusedRequests(db.jdbi(), clock);
            Services services = new Services(db, auth, audit, refused, clock, zone);
            ensureAdmin(auth, config, out);
            String version = OpenApheresisServer.class.getPackage().getImplementationVersion() == null ? "dev"
                    : OpenApheresisServer.class.getPackage().getImplementationVersion();
            Guidelines guidelines = Guidelines.load();
            if (config.demo()) {
                new DemoSeed(db.jdbi(), auth, audit, guidelines, clock).seedIfEmpty(out);
            }
            PatientService patients = new PatientService(new PatientStore(), clock);
            OrderService orders = new OrderService(new OrderStore(), patients, guidelines, clock);
            SessionService sessions = new SessionService(new SessionStore(), orders, patients, clock);
            AtomicReference<List<Route>> table = new AtomicReference<>();
            List<FeatureRoutes> features = List.of(
                    new SystemRoutes(db, table::get, policy, version),
                    new AuthRoutes(auth, policy),
                    new AuditRoutes(audit),
                    new PlanRoutes(),
                    new CatalogRoutes(guidelines),
                    new PatientRoutes(patients, clock),
                    new OrderRoutes(orders),
                    new SessionRoutes(sessions));
            List<Route> all = new ArrayList<>();
            features.forEach(f -> all.addAll(f.routes()));
            all.addAll(extraRoutes);
            table.set(List.copyOf(all));
            HttpApp.Running app = new HttpApp(table.get(), policy, auth, audit, refused, db.jdbi(), zone)
                    .start(config.host(), config.port());
            return new OpenApheresisServer(db, app, table.get(), services);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The environment variable that sets the first administrator's password. */
    public static final String ADMIN_PASSWORD_SETTING = "OPENAPHERESIS_ADMIN_PASSWORD";

    /**
     * Creates the user {@code admin} on an empty database, with the configured password (under the password
     * policy: a refused one stops the start with {@link SettingRefused}) or a generated one printed once.
     */
    private static void ensureAdmin(AuthService auth, ServerConfig config, PrintStream out) {
        if (!auth.noUsers()) {
            return;
        }
        String password = config.adminPassword().filter(p -> !p.isEmpty()).orElse(null);
        boolean generated = password == null;
        if (generated) {
            password = Passwords.generate();
        } else {
            List<Problem> problems = PasswordPolicy.standard().check(ADMIN_PASSWORD_SETTING, password, "admin");
            if (!problems.isEmpty()) {
                throw new SettingRefused(ADMIN_PASSWORD_SETTING + " is refused as the password of the first user "
                        + "'admin': it " + String.join("; it ", problems.stream().map(Problem::message).toList())
                        + ". Choose another, or leave it unset to have one generated and printed once.");
            }
        }
        String pw = password;
        try {
            auth.jdbi().useTransaction(h -> auth.createUser(h, "admin", pw, Role.ADMIN, "Administrator"));
        } catch (RuntimeException e) {
            if (!auth.noUsers()) {
                return; // another process created it first
            }
            throw e;
        }
        if (generated) {
            out.println("Created user 'admin' with password: " + pw);
            out.println("This password is shown only once; set OPENAPHERESIS_ADMIN_PASSWORD to choose it.");
        } else {
            out.println("Created user 'admin' with the password from OPENAPHERESIS_ADMIN_PASSWORD.");
        }
    }

    public int port() {
        return app.port();
    }

    public List<Route> routes() {
        return routes;
    }

    public Services services() {
        return services;
    }

    @Override
    public void close() {
        sealer.shutdownNow();
        try {
            sealer.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        app.stop();
        try {
            services.refused().flush();
        } catch (RuntimeException e) {
            LOG.warn("the last counts of refused requests could not be written", e);
        }
        db.close();
    }
}
