package org.openapheresis.server.support;

import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openapheresis.server.OpenApheresisServer;
import org.openapheresis.server.ServerConfig;
import org.openapheresis.server.access.AccessPolicy;
import org.openapheresis.server.access.Role;
import org.openapheresis.server.http.Route;

/**
 * A running server on a fresh database with one logged-in user per role, and named fixtures
 * ({@link #msRelapsePatient()}, {@link #plasmaExchangeOrder(String)}).
 */
public final class Unit implements AutoCloseable {

    public static final String STAFF_PASSWORD = "staff-password-for-tests";

    public final OpenApheresisServer server;
    public final Api api;
    public final Map<Role, String> tokens = new EnumMap<>(Role.class);

    private Unit(OpenApheresisServer server) {
        this.server = server;
        this.api = new Api(server.port());
        tokens.put(Role.ADMIN, api.login("admin", Databases.ADMIN_PASSWORD));
        for (Role r : Role.values()) {
            if (r != Role.ADMIN) {
                Api.Answer a = api.post("/api/users", tokens.get(Role.ADMIN), Map.of("username", r.code() + "1",
                        "password", STAFF_PASSWORD, "role", r.code(), "displayName", "Test " + r.code()));
                if (a.status() != 201) {
                    throw new AssertionError("creating user gave " + a.status() + " " + a.body());
                }
                tokens.put(r, api.login(r.code() + "1", STAFF_PASSWORD));
            }
        }
    }

    public static Unit start(Databases.Kind kind) {
        return start(Databases.config(kind), AccessPolicy.contract(), List.of());
    }

    public static Unit start(ServerConfig config, AccessPolicy policy, List<Route> extra) {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new Unit(OpenApheresisServer.start(config, quiet, policy, extra));
    }

    /** A unit on the given configuration and clock (e.g. a second server's database, a clock tests move). */
    public static Unit start(ServerConfig config, java.time.Clock clock) {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new Unit(OpenApheresisServer.start(config, quiet, AccessPolicy.contract(), List.of(), clock));
    }

    /** A unit whose server runs on the given clock (tests move it rather than wait). */
    public static Unit start(Databases.Kind kind, java.time.Clock clock) {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new Unit(OpenApheresisServer.start(Databases.config(kind), quiet, AccessPolicy.contract(), List.of(),
                clock));
    }

    /** A medical record number no other test has used: {@code MRN-what-nanotime}. */
    public static String mrn(String what) {
        return "MRN-" + what + "-" + System.nanoTime();
    }

    public String token(Role r) {
        return tokens.get(r);
    }

    /** A 34-year-old woman, 168 cm, 64 kg, with the labs of the MS relapse example. */
    public static Map<String, Object> msRelapsePatient(String mrn) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("mrn", mrn);
        p.put("givenName", "Sofia");
        p.put("familyName", "Berg");
        p.put("birthDate", "1991-03-14");
        p.put("sex", "female");
        p.put("heightCm", 168);
        p.put("weightKg", 64);
        p.put("allergies", List.of());
        p.put("medications", List.of("interferon beta-1a"));
        p.put("aceInhibitor", false);
        p.put("plasmaAllergy", false);
        p.put("coverage", Map.of("payer", "Regional Health Fund", "memberId", "RHF-1"));
        p.put("labsTakenAt", "2026-03-01T08:00:00Z");
        p.put("labs", Map.of("hematocritPercent", 40, "plateletsE9PerL", 240, "iggGPerL", 10.5,
                "fibrinogenGPerL", 3.0, "albuminGPerL", 42, "ionizedCalciumMmolPerL", 1.2));
        return p;
    }

    /** 1.25 plasma volumes with albumin, five sessions every 48 h, for a relapse of MS. */
    public static Map<String, Object> plasmaExchangeOrder(String patientId) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("patientId", patientId);
        o.put("indication", Map.of("code", "G35.A", "text", "MS relapse, steroid-refractory"));
        o.put("procedure", Map.of("type", "plasma-exchange", "device", "continuous-flow", "plasmaVolumes", 1.25,
                "replacement", Map.of("albuminPercent", 100, "plasmaPercent", 0)));
        o.put("schedule", Map.of("sessions", 5, "intervalHours", 48));
        return o;
    }

    /** Registers the MS patient; returns the id. */
    public String createPatient(String mrn) {
        Api.Answer a = api.post("/api/patients", token(Role.NURSE), msRelapsePatient(mrn));
        if (a.status() != 201) {
            throw new AssertionError(a.status() + " " + a.body());
        }
        return a.id();
    }

    /** A signed order with every warning acknowledged; returns the id. */
    public String signedOrder(String patientId) {
        String dr = token(Role.PHYSICIAN);
        Api.Answer o = api.post("/api/orders", dr, plasmaExchangeOrder(patientId));
        if (o.status() != 201) {
            throw new AssertionError(o.status() + " " + o.body());
        }
        String id = o.id();
        expect(api.post("/api/orders/" + id + "/sign", dr, acknowledgingOrderWarnings(o)), 200);
        return id;
    }

    /** The sign body of a physician who has read every warning of the order answered. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> acknowledgingOrderWarnings(Api.Answer order) {
        List<String> codes = ((List<Map<String, Object>>) order.map().get("warnings")).stream()
                .map(w -> (String) w.get("code")).distinct().toList();
        return Map.of("acknowledgedWarnings", codes);
    }

    /** An instant {@code minutes} before now, as ISO text: an entry of a session started just now lies after it. */
    public static String minutesAgo(int minutes) {
        return java.time.Instant.now().minusSeconds(60L * minutes).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString();
    }

    /** Now, as ISO text (an entry of a running session). */
    public static String now() {
        return minutesAgo(0);
    }

    /**
     * An instant on the {@code days}-th weekday (Monday to Friday) after today at {@code hhmm} UTC, as ISO text:
     * planned starts stay inside the window the server books (from 12 h ago to two years ahead) and, at a time of
     * day the unit's standard hours keep, inside its opening hours whichever day the tests run (a booking on a
     * closed Sunday is warned of, BOOKING_WARNINGS_OPEN). Different {@code days} are different days.
     */
    public static String at(int days, String hhmm) {
        return weekday(days) + "T" + hhmm + ":00Z";
    }

    /** The same without an offset (read in the server's time zone). */
    public static String local(int days, String hhmm) {
        return weekday(days) + "T" + hhmm + ":00";
    }

    /** The {@code days}-th weekday (Monday to Friday) after today, UTC. */
    static java.time.LocalDate weekday(int days) {
        java.time.LocalDate d = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        for (int left = days; left > 0; ) {
            d = d.plusDays(1);
            if (d.getDayOfWeek().getValue() <= java.time.DayOfWeek.FRIDAY.getValue()) {
                left--;
            }
        }
        return d;
    }

    /**
     * A machine no other session of this test run uses, so that bookings never collide by accident: added to the
     * unit's list by the admin, answered by its name.
     */
    public String freshMachine() {
        String name = "Optia-T" + MACHINES.incrementAndGet();
        expect(api.post("/api/machines", token(Role.ADMIN), Map.of("name", name, "device", "continuous-flow", "model",
                "Spectra Optia")), 201);
        return name;
    }

    /** A chair no other session uses, added to the unit's list; answered by its name. */
    public String freshChair() {
        String name = "Chair T" + MACHINES.incrementAndGet();
        expect(api.post("/api/chairs", token(Role.ADMIN), Map.of("name", name)), 201);
        return name;
    }

    private static final java.util.concurrent.atomic.AtomicInteger MACHINES = new java.util.concurrent.atomic.AtomicInteger();

    /** A session of a signed order, scheduled on a machine of its own; returns the id. */
    public String scheduledSession(String orderId) {
        Api.Answer s = api.post("/api/sessions", token(Role.COORDINATOR), Map.of("orderId", orderId,
                "plannedStart", Unit.at(2, "08:30"), "machine", freshMachine(), "nurse", "nurse1"));
        return expect(s, 201).id();
    }

    /** A person of the kind ({@code patient}, {@code donor}) with the weight and counts of a collection. */
    public static Map<String, Object> person(String mrn, String kind, double weightKg) {
        Map<String, Object> p = msRelapsePatient(mrn);
        p.put("kind", kind);
        p.put("weightKg", weightKg);
        p.put("labs", Map.of("hematocritPercent", 40, "plateletsE9PerL", 210, "wbcE9PerL", 30, "cd34PerUl", 60,
                "cd3PerUl", 1500, "neutrophilsE9PerL", 20));
        return p;
    }

    /** A completed collection of {@code type} from {@code donorId} with its bag measured; answers the session. */
    public String completedCollection(String donorId, String type, Map<String, Object> target,
            Map<String, Object> recipient, Map<String, Object> bag) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("patientId", donorId);
        Map<String, Object> indication = new LinkedHashMap<>(Map.of("code", "Z52.091", "text", "Collection"));
        Map<String, Object> procedure = new LinkedHashMap<>(Map.of("type", type, "device", "continuous-flow", "target",
                target));
        switch (type) {
            case "hpc-collection" -> indication.put("guidelineRow", "hpc-collection");
            case "lymphocyte-collection" -> indication.put("guidelineRow", "dli");
            default -> procedure.put("sedimentingAgent", "hes");
        }
        o.put("indication", indication);
        o.put("procedure", procedure);
        if (recipient != null) {
            o.put("recipient", recipient);
        }
        Api.Answer order = Unit.expect(api.post("/api/orders", token(Role.PHYSICIAN), o), 201);
        Unit.expect(api.post("/api/orders/" + order.id() + "/sign", token(Role.PHYSICIAN),
                acknowledgingOrderWarnings(order)), 200);
        String session = startedSession(order.id());
        Map<String, Object> b = new LinkedHashMap<>(bag);
        b.put("time", now());
        Unit.expect(api.post("/api/sessions/" + session + "/product", token(Role.NURSE), b), 201);
        Unit.expect(api.post("/api/sessions/" + session + "/complete", token(Role.NURSE), ""), 200);
        return session;
    }

    /** A {@link #person} registered by a nurse under a new MRN made of {@code what}; answers the id. */
    public String registeredPerson(String what, String kind, double weightKg) {
        return expect(api.post("/api/patients", token(Role.NURSE), person(mrn(what), kind, weightKg)), 201).id();
    }

    /** Sets the facility A9999 (the standard's example) unless one is set; answers this unit. */
    public Unit withFacility() {
        if ("".equals(api.get("/api/facility", token(Role.ADMIN)).map().get("fin"))) {
            expect(api.put("/api/facility", token(Role.ADMIN), Map.of("fin", "A9999", "name", "Example unit")), 200);
        }
        return this;
    }

    /** A token of a new lab user: the second person a product's release needs. */
    public String secondLab() {
        String name = "lab.second." + System.nanoTime();
        expect(api.post("/api/users", token(Role.ADMIN), Map.of("username", name, "password", STAFF_PASSWORD,
                "role", "lab", "displayName", "Second lab scientist")), 201);
        return api.login(name, STAFF_PASSWORD);
    }

    /** Records a step of a product's life ({@code /api/products/{id}/events}), timed now unless the body says when. */
    public Api.Answer productStep(String token, String productId, Map<String, Object> body) {
        Map<String, Object> b = new java.util.LinkedHashMap<>(body);
        b.putIfAbsent("at", java.time.Instant.now().toString());
        return api.post("/api/products/" + productId + "/events", token, b);
    }

    /** The reason of a refused bedside check: the answer must be a 409 {@code BEDSIDE_CHECK_FAILED}. */
    public static String bedsideReason(Api.Answer a) {
        expect(a, 409);
        if (!"BEDSIDE_CHECK_FAILED".equals(a.map().get("key"))) {
            throw new AssertionError("not a bedside refusal: " + a.body());
        }
        return String.valueOf(a.map().get("reason"));
    }

    /** The facility A9999 set, and a product in quarantine from a new autologous HPC collection. */
    public String quarantinedProduct() {
        withFacility();
        String patient = registeredPerson("PRODUCT", "patient", 70);
        String session = completedCollection(patient, "hpc-collection", Map.of("cd34PerKg", 4e6), null, Map.of(
                "volumeMl", 200, "cd34PerUl", 1000));
        return expect(api.post("/api/products", token(Role.LAB), Map.of("sessionId", session, "descriptionCode", "S1128",
                "expiresAt", java.time.Instant.now().plus(java.time.Duration.ofDays(2)).toString(), "anticoagulant",
                "ACD-A", "abo", "A", "rh", "neg")), 201).id();
    }

    /** A session of a signed order, started; returns the id. */
    public String startedSession(String orderId) {
        Api.Answer s = api.post("/api/sessions", token(Role.COORDINATOR), Map.of("orderId", orderId,
                "plannedStart", Unit.at(2, "08:30"), "machine", freshMachine(), "nurse", "nurse1"));
        expect(s, 201);
        expect(api.post("/api/sessions/" + s.id() + "/start", token(Role.NURSE),
                acknowledgingPlanWarnings(api, token(Role.NURSE), s.id())), 200);
        return s.id();
    }

    /**
     * The start body a nurse sends after reading the session plan's warnings: every code of severity warning
     * or danger, from the session's stored plan.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> acknowledgingPlanWarnings(Api api, String token, String sessionId) {
        Map<String, Object> plan = (Map<String, Object>) expect(api.get("/api/sessions/" + sessionId + "/record",
                token), 200).map().get("plan");
        List<String> codes = ((List<Map<String, Object>>) plan.get("warnings")).stream()
                .filter(w -> !"info".equals(w.get("severity"))).map(w -> (String) w.get("code")).toList();
        return Map.of("acknowledgedWarnings", codes);
    }

    public static Api.Answer expect(Api.Answer a, int status) {
        if (a.status() != status) {
            throw new AssertionError("expected " + status + " but got " + a.status() + ": " + a.body());
        }
        return a;
    }

    @Override
    public void close() {
        server.close();
    }
}
