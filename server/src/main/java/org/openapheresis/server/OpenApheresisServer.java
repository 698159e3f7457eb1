package org.openapheresis.server;

import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.openapheresis.server.audit.AuditCheckpoints;
import org.openapheresis.server.audit.AuditKey;
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
import org.openapheresis.server.resource.ResourceRoutes;
import org.openapheresis.server.resource.ResourceService;
import org.openapheresis.server.resource.ResourceStore;
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
    /**
     * How often the audit chain head is checkpointed to the checkpoint file when it moved (and at shutdown): a cut
     * of the chain's tail is detected for every entry sealed before the last checkpoint.
     */
    public static final long CHECKPOINT_EVERY_MS = 60_000;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OpenApheresisServer.class);

    private final java.util.concurrent.ScheduledExecutorService sealer;

    private OpenApheresisServer(Database db, HttpApp.Running app, List<Route> routes, Services services) {
        this.sealer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "openapheresis-audit-sealer");
            t.setDaemon(true);
            return t;
        });
        java.util.concurrent.atomic.AtomicBoolean failing = new java.util.concurrent.atomic.AtomicBoolean();
        sealer.scheduleWithFixedDelay(() -> {
            try {
                services.audit().seal();
                services.refused().flush();
                if (failing.compareAndSet(true, false)) {
                    LOG.info("sealing audit entries works again");
                }
            } catch (RuntimeException e) {
                // one line while the database is away (e.g. closed under a test, or restarting), not a trace every 250 ms;
                // the entries stay pending and durable, and are sealed when it is back
                if (failing.compareAndSet(false, true)) {
                    LOG.warn("sealing audit entries or counting refused requests failed ({}); will retry every {} ms",
                            e.toString(), SEAL_EVERY_MS);
                }
                LOG.debug("sealing failed", e);
            }
        }, SEAL_EVERY_MS, SEAL_EVERY_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
        sealer.scheduleWithFixedDelay(() -> {
            try {
                services.audit().checkpoint();
            } catch (RuntimeException e) {
                LOG.error("writing the audit checkpoint to {} failed; will retry",
                        services.audit().checkpoints().file(), e);
            }
        }, CHECKPOINT_EVERY_MS, CHECKPOINT_EVERY_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
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
            AuditKey key = AuditKey.loadOrCreate(config.auditKeyFile());
            AuditLog audit = new AuditLog(db.jdbi(), clock, key, new AuditCheckpoints(config.auditCheckpointFile(), key));
            audit.start();
            announceAudit(audit, out);
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
            org.openapheresis.server.followup.ChronicGvhdService chronicGvhd = new org.openapheresis.server.followup
                    .ChronicGvhdService(new org.openapheresis.server.followup.ChronicGvhdStore(), patients, clock);
            OrderService orders = new OrderService(new OrderStore(), patients, guidelines, chronicGvhd, clock);
            ResourceService resources = new ResourceService(new ResourceStore(), clock);
            SessionService sessions = new SessionService(new SessionStore(), orders, patients, resources, auth, clock);
            org.openapheresis.server.followup.FollowUpService followUps = new org.openapheresis.server.followup.FollowUpService(
                    new org.openapheresis.server.followup.FollowUpStore(), patients, clock);
            org.openapheresis.server.product.ProductService products = new org.openapheresis.server.product.ProductService(
                    new org.openapheresis.server.product.ProductStore(), sessions, patients,
                    org.openapheresis.server.product.ProductService.sampleTable(), followUps, clock);
            org.openapheresis.server.billing.BillingService billing = new org.openapheresis.server.billing.BillingService(
                    new org.openapheresis.server.billing.BillingStore(), org.openapheresis.server.billing.CodeRules.load(),
                    orders, patients, sessions, products, org.openapheresis.server.billing.BillingService.UNIT_CURRENCY,
                    clock);
            sessions.whenCompleted(billing::sessionCompleted);
            products.whenRecorded(billing::productStepRecorded);
            org.openapheresis.server.dli.DliScheduleService dliSchedules = new org.openapheresis.server.dli
                    .DliScheduleService(new org.openapheresis.server.dli.DliScheduleStore(), orders, patients, followUps,
                    products, clock);
            org.openapheresis.server.schedule.ScheduleService schedule = new org.openapheresis.server.schedule
                    .ScheduleService(new org.openapheresis.server.schedule.ScheduleStore(), orders, sessions, patients,
                    resources, auth, new org.openapheresis.server.schedule.WeekSolver(), clock);
            org.openapheresis.server.sheet.SheetLanguages sheetLanguages = org.openapheresis.server.sheet.SheetLanguages
                    .load();
            org.openapheresis.server.printout.PrintSettingsService printSettings = new org.openapheresis.server.printout
                    .PrintSettingsService(new org.openapheresis.server.printout.PrintSettingsStore(), clock,
                    sheetLanguages.all().stream().map(org.openapheresis.server.sheet.SheetText::tag).toList());
            AtomicReference<List<Route>> table = new AtomicReference<>();
            List<FeatureRoutes> features = List.of(
                    new SystemRoutes(db, table::get, policy, version),
                    new AuthRoutes(auth, policy),
                    new AuditRoutes(audit),
                    new PlanRoutes(),
                    new org.openapheresis.server.teaching.TeachingRoutes(
                            new org.openapheresis.server.teaching.TeachingService(guidelines)),
                    new CatalogRoutes(guidelines),
                    new org.openapheresis.server.guideline.GuidelineRoutes(guidelines),
                    new PatientRoutes(patients, clock),
                    new OrderRoutes(orders),
                    new ResourceRoutes(resources),
                    new SessionRoutes(sessions),
                    new org.openapheresis.server.schedule.ScheduleRoutes(schedule, sessions),
                    new org.openapheresis.server.product.ProductRoutes(products),
                    new org.openapheresis.server.followup.FollowUpRoutes(followUps),
                    new org.openapheresis.server.dli.DliScheduleRoutes(dliSchedules),
                    new org.openapheresis.server.therapy.TherapyRoutes(new org.openapheresis.server.therapy.TherapyService(
                            patients, orders, sessions, products, dliSchedules, followUps, zone)),
                    new org.openapheresis.server.followup.ChronicGvhdRoutes(chronicGvhd),
                    new org.openapheresis.server.billing.BillingRoutes(billing, sessions),
                    new org.openapheresis.server.sheet.SheetRoutes(new org.openapheresis.server.sheet.SheetService(orders,
                            patients, sessions, billing, sheetLanguages), printSettings),
                    new org.openapheresis.server.printout.PrintoutRoutes(
                            new org.openapheresis.server.printout.PrintoutService(orders, patients, sessions),
                            printSettings),
                    new org.openapheresis.server.printout.PrintSettingsRoutes(printSettings));
            List<Route> all = new ArrayList<>();
            features.forEach(f -> all.addAll(f.routes()));
            all.addAll(extraRoutes);
            table.set(List.copyOf(all));
            // the FHIR face starts beside the API: HAPI's context and provider scan take seconds of a cold start
            org.openapheresis.server.http.BackgroundServlet fhir = new org.openapheresis.server.http.BackgroundServlet(
                    "the FHIR face", () -> new org.openapheresis.server.fhir.FhirRoutes(patients, orders, sessions,
                            products, resources, auth, billing, db.jdbi(), auth, policy, audit, refused, clock,
                            config.mrnSystem()));
            HttpApp.Running app = new HttpApp(table.get(), policy, auth, audit, refused, db.jdbi(), clock,
                    java.util.Map.of(org.openapheresis.server.fhir.FhirRoutes.MOUNT, fhir))
                    .start(config.host(), config.port());
            return new OpenApheresisServer(db, app, table.get(), services);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static void announceAudit(AuditLog audit, PrintStream out) {
        AuditKey key = audit.key();
        out.println((key.created() ? "Created the audit key " : "Audit key: ") + key.file() + (key.created()
                ? " (32 random bytes, readable by its owner only)." : "."));
        out.println("  Back it up, and keep it off the database host: whoever holds it can forge audit entries. "
                + "Every server process on this database must use this same key file.");
        key.tooOpenPermissions().ifPresent(p -> out.println("  Warning: the key file's permissions are " + p
                + "; make it readable by the server's user only (chmod 600)."));
        out.println("Audit checkpoints: " + audit.checkpoints().file()
                + " (append-only; keep it where the database's writers cannot rewrite it).");
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

    /** Stops serving, seals what is pending and checkpoints the head if it moved, then closes the database. */
    @Override
    public void close() {
        sealer.shutdown();
        try {
            sealer.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        app.stop();
        services.audit().close();
        try {
            services.audit().sealAll();
            services.audit().checkpoint();
        } catch (RuntimeException e) {
            LOG.error("the audit checkpoint at shutdown failed; the next start writes one", e);
        }
        try {
            services.refused().flush();
        } catch (RuntimeException e) {
            LOG.warn("the last counts of refused requests could not be written", e);
        }
        db.close();
    }
}
