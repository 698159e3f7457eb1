package org.openapheresis.server.demo;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.openapheresis.server.audit.AuditLog;
import org.openapheresis.server.auth.AuthService;
import org.openapheresis.server.auth.Passwords;
import org.openapheresis.server.auth.Role;
import org.openapheresis.server.candidacy.CheckWarning;
import org.openapheresis.server.db.Ids;
import org.openapheresis.server.db.Times;
import org.openapheresis.server.guideline.Guidelines;
import org.openapheresis.server.http.HttpProblem;
import org.openapheresis.server.json.Json;
import org.openapheresis.server.order.OrderHandlers;
import org.openapheresis.server.order.OrderRecord;
import org.openapheresis.server.order.OrderStore;
import org.openapheresis.server.patient.PatientRecord;
import org.openapheresis.server.patient.PatientStore;
import org.openapheresis.server.session.Entries;
import org.openapheresis.server.session.SessionRecord;
import org.openapheresis.server.session.SessionStore;

/**
 * Seeds a demo unit on a database without patients: staff of every role (one shared demo password, printed
 * once), patients and a donor with orders, and a week of sessions around today (past ones completed with run
 * values, vitals and an adverse event). Procedure types the planner cannot plan yet are skipped with a note.
 * The people are invented.
 */
public final class DemoSeed {

    private static final String BY = "demo-seed";

    private final Jdbi jdbi;
    private final AuthService auth;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;
    private final PatientStore patients = new PatientStore();
    private final OrderStore orders = new OrderStore();
    private final SessionStore sessions = new SessionStore();
    private final Guidelines guidelines;

    public DemoSeed(Jdbi jdbi, AuthService auth, AuditLog audit, Guidelines guidelines, Clock clock, ZoneId zone) {
        this.jdbi = jdbi;
        this.auth = auth;
        this.audit = audit;
        this.guidelines = guidelines;
        this.clock = clock;
        this.zone = zone;
    }

    /** Seeds unless patients exist already; prints the staff and the demo password. */
    public void seedIfEmpty(PrintStream out) {
        int existing = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM patient").mapTo(Integer.class).one());
        if (existing > 0) {
            out.println("Demo: the database already holds patients; nothing seeded.");
            return;
        }
        String password = Passwords.generate();
        List<String[]> staff = List.of(
                new String[] {"dr.lindqvist", "Dr Anna Lindqvist", "physician"},
                new String[] {"dr.okafor", "Dr Chidi Okafor", "physician"},
                new String[] {"nurse.moreau", "Claire Moreau RN", "nurse"},
                new String[] {"nurse.tanaka", "Kenji Tanaka RN", "nurse"},
                new String[] {"lab.fischer", "Jonas Fischer", "lab"},
                new String[] {"coord.silva", "Marta Silva", "coordinator"},
                new String[] {"billing.novak", "Petra Novak", "billing"});
        jdbi.useTransaction(h -> {
            for (String[] s : staff) {
                if (!auth.usernameTaken(h, s[0])) {
                    auth.createUser(h, s[0], password, Role.fromCode(s[2]).orElseThrow(), s[1]);
                }
            }
        });
        List<String> notes = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        // 1. MS relapse: TPE course, 5 exchanges every 48 h, two done, one today
        PatientRecord ms = patient("MRN-100234", "Sofia", "Berg", LocalDate.of(1991, 3, 14), "female", 168, 64,
                List.of(), List.of("interferon beta-1a"), false, false,
                labs(40, 240, Map.of("iggGPerL", 10.5, "igmGPerL", 1.1, "fibrinogenGPerL", 3.0, "albuminGPerL", 42.0,
                        "ionizedCalciumMmolPerL", 1.20)), "patient");
        order(ms, "G35.A", "Multiple sclerosis, relapsing-remitting: steroid-refractory relapse",
                Map.of("type", "plasma-exchange", "device", "continuous-flow", "plasmaVolumes", 1.25,
                        "replacement", Map.of("albuminPercent", 100, "plasmaPercent", 0)),
                Map.of("sessions", 5, "intervalHours", 48), new int[] {-4, -2, 0, 2, 4}, "Optia-1", "nurse.moreau",
                notes, today);
        // 2. GBS on an ACE inhibitor: the check warns; the physician acknowledged it
        PatientRecord gbs = patient("MRN-100871", "Henrik", "Aalto", LocalDate.of(1967, 8, 2), "male", 180, 85,
                List.of("penicillin"), List.of("lisinopril 10 mg (ACE inhibitor), held from 48 h before exchange"),
                true, false, labs(42, 260, Map.of("iggGPerL", 11.0, "fibrinogenGPerL", 3.2, "albuminGPerL", 40.0)),
                "patient");
        order(gbs, "G61.0", "Guillain-Barre syndrome (AIDP), primary treatment",
                Map.of("type", "plasma-exchange", "device", "continuous-flow", "plasmaVolumes", 1.0),
                Map.of("sessions", 5, "intervalHours", 48), new int[] {-3, -1, 1, 3}, "Optia-2", "nurse.tanaka",
                notes, today);
        // 3. TTP: daily exchange with plasma, platelets low
        PatientRecord ttp = patient("MRN-101502", "Leila", "Haddad", LocalDate.of(1984, 11, 23), "female", 165, 70,
                List.of(), List.of("prednisolone 1 mg/kg", "caplacizumab"), false, false,
                labs(28, 18, Map.of("fibrinogenGPerL", 2.6, "albuminGPerL", 36.0)), "patient");
        order(ttp, "M31.19", "Thrombotic thrombocytopenic purpura, immune (iTTP)",
                Map.of("type", "plasma-exchange", "device", "continuous-flow", "plasmaVolumes", 1.25,
                        "replacement", Map.of("albuminPercent", 0, "plasmaPercent", 100)),
                Map.of("sessions", 7, "intervalHours", 24), new int[] {-2, -1, 0, 1, 2, 3}, "Optia-3",
                "nurse.moreau", notes, today);
        // 4. Myasthenia gravis with exacerbation
        PatientRecord mg = patient("MRN-102117", "Ines", "Carvalho", LocalDate.of(1996, 5, 9), "female", 160, 55,
                List.of("plasma (urticaria 2023)"), List.of("pyridostigmine 60 mg"), false, true,
                labs(38, 210, Map.of("iggGPerL", 9.8, "fibrinogenGPerL", 2.9)), "patient");
        order(mg, "G70.01", "Myasthenia gravis with exacerbation",
                Map.of("type", "plasma-exchange", "device", "continuous-flow", "plasmaVolumes", 1.0),
                Map.of("sessions", 5, "intervalHours", 48), new int[] {-1, 1, 3}, "Optia-2", "nurse.tanaka", notes,
                today);
        // 5. Hyperleukocytosis: leukocytapheresis (planned once the planner supports it)
        PatientRecord aml = patient("MRN-103009", "Tomasz", "Wojcik", LocalDate.of(1958, 1, 30), "male", 176, 78,
                List.of(), List.of("hydroxyurea"), false, false,
                labs(26, 45, Map.of("wbcE9PerL", 186.0, "fibrinogenGPerL", 2.1)), "patient");
        order(aml, "C92.00", "Acute myeloid leukaemia with hyperleukocytosis and leukostasis",
                Map.of("type", "leukocytapheresis", "device", "continuous-flow", "bloodVolumesProcessed", 2.0),
                null, new int[] {0, 1}, "Optia-1", "nurse.tanaka", notes, today);
        // 6. HPC collection donor
        PatientRecord donor = patient("MRN-104455", "Mateo", "Ruiz", LocalDate.of(1981, 6, 17), "male", 182, 88,
                List.of(), List.of("filgrastim 10 ug/kg/day (day 5)"), false, false,
                labs(44, 190, Map.of("wbcE9PerL", 38.0, "cd34PerUl", 62.0)), "donor");
        Map<String, Object> hpc = new LinkedHashMap<>();
        hpc.put("type", "hpc-collection");
        hpc.put("device", "continuous-flow");
        hpc.put("bloodVolumesProcessed", 3.0);
        orderWithRecipient(donor, "Z52.091", "Allogeneic HPC-A donation for an unrelated recipient", hpc,
                Map.of("weightKg", 70), new int[] {2}, "Optia-3", "nurse.moreau", notes, today);
        out.println("Demo unit seeded: staff usernames dr.lindqvist, dr.okafor (physician), nurse.moreau, "
                + "nurse.tanaka (nurse), lab.fischer (lab), coord.silva (coordinator), billing.novak (billing)");
        out.println("Demo staff password (shown only once): " + password);
        for (String n : notes) {
            out.println("Demo: " + n);
        }
    }

    private static Map<String, Double> labs(double hct, double platelets, Map<String, Double> more) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("hematocritPercent", hct);
        m.put("plateletsE9PerL", platelets);
        m.putAll(more);
        return m;
    }

    private PatientRecord patient(String mrn, String given, String family, LocalDate birth, String sex,
            double heightCm, double weightKg, List<String> allergies, List<String> medications, boolean ace,
            boolean plasmaAllergy, Map<String, Double> labs, String kind) {
        Instant now = Times.now(clock);
        String id = Ids.next();
        return jdbi.inTransaction(h -> {
            Map<String, String> coverage = Map.of("payer", "Regional Health Fund", "memberId", "RHF-" + mrn.substring(4));
            PatientRecord p = new PatientRecord(id, 1, kind, mrn, given, family, birth, sex, heightCm, weightKg,
                    coverage, allergies, medications, ace, plasmaAllergy, Map.of(), now, BY, now, BY);
            patients.insert(h, p);
            patients.addLabs(h, id, null, now.minus(Duration.ofHours(20)), "baseline", labs, now, BY);
            audit.append(h, BY, "demo.seed", "/api/patients/" + id, id, "success");
            return patients.find(h, id).orElseThrow();
        });
    }

    private void order(PatientRecord p, String icd, String text, Map<String, Object> procedure,
            Map<String, Object> schedule, int[] days, String machine, String nurse, List<String> notes,
            LocalDate today) {
        orderWithRecipient(p, icd, text, procedure, null, schedule, days, machine, nurse, notes, today);
    }

    private void orderWithRecipient(PatientRecord p, String icd, String text, Map<String, Object> procedure,
            Map<String, Object> recipient, int[] days, String machine, String nurse, List<String> notes,
            LocalDate today) {
        orderWithRecipient(p, icd, text, procedure, recipient, null, days, machine, nurse, notes, today);
    }

    private void orderWithRecipient(PatientRecord p, String icd, String text, Map<String, Object> procedure,
            Map<String, Object> recipient, Map<String, Object> schedule, int[] days, String machine, String nurse,
            List<String> notes, LocalDate today) {
        OrderHandlers.Evaluated e;
        try {
            e = OrderHandlers.evaluate(p, procedure, recipient, schedule, today);
        } catch (HttpProblem problem) {
            notes.add("no order for " + p.givenName() + " " + p.familyName() + " (" + procedure.get("type")
                    + "): the planner cannot plan it yet: " + problem.extra().get("problems"));
            return;
        }
        Instant created = Times.now(clock).minus(Duration.ofDays(Math.max(1, -days[0] + 1)));
        String orderId = Ids.next();
        jdbi.useTransaction(h -> {
            OrderRecord o = new OrderRecord(orderId, 1, p.id(), Map.of("code", icd, "text", text), procedure, recipient,
                    schedule, guidelines.categoryFor(icd, e.planned().request().procedure().type().code()),
                    Json.parse(Json.write(e.planned().plan())), e.warnings(), List.of(), OrderRecord.UNSIGNED,
                    created, "dr.lindqvist", null, null);
            orders.insert(h, o);
            orders.sign(h, orderId, 1, "dr.lindqvist", created.plus(Duration.ofMinutes(20)));
            for (CheckWarning w : e.warnings()) {
                orders.acknowledge(h, orderId, w.code(), "dr.lindqvist", created.plus(Duration.ofMinutes(25)));
            }
            audit.append(h, BY, "demo.seed", "/api/orders/" + orderId, p.id(), "success");
            String plan = Json.write(e.planned().plan());
            double durationMin = e.planned().plan().durationMin();
            for (int d : days) {
                Instant start = firstFreeSlot(machine, today.plusDays(d), durationMin);
                String sid = Ids.next();
                sessions.insert(h, new SessionRecord(sid, 1, orderId, p.id(), null, null, start, machine, chairBeside(machine), nurse,
                        SessionRecord.SCHEDULED, null, created, "coord.silva", null, null, null, null), plan);
                if (d < 0) {
                    runPast(h, sid, start, durationMin, e.planned().plan(), nurse, d);
                }
            }
        });
    }

    /** The demo unit seats each separator's patient in the chair of the same number (Optia-2: Chair 2). */
    private static String chairBeside(String machine) {
        return "Chair " + machine.substring(machine.lastIndexOf('-') + 1);
    }

    /** A completed session: run values every 15 minutes, vitals, and on one day a mild citrate reaction. */
    private void runPast(Handle h, String sid, Instant start, double durationMin,
            org.openapheresis.procedure.Plan plan, String nurse, int day) {
        Instant end = start.plus(Duration.ofSeconds(Math.round(durationMin * 60)));
        sessions.transition(h, sid, 1, List.of(SessionRecord.SCHEDULED), SessionRecord.IN_PROGRESS, nurse, start,
                null, null);
        double processed = plan.processedVolumeMl() == null ? 0 : plan.processedVolumeMl();
        double removed = plan.exchangeVolumeMl() == null ? 0 : plan.exchangeVolumeMl();
        double replacement = plan.replacement() == null ? 0 : plan.replacement().albuminMl()
                + plan.replacement().plasmaMl();
        double inlet = plan.inletFlowMlPerMin() == null ? 0 : plan.inletFlowMlPerMin();
        double ac = plan.acFlowMlPerMin() == null ? 0 : plan.acFlowMlPerMin();
        List<Entries.RunValue> values = new ArrayList<>();
        int steps = (int) Math.max(1, Math.ceil(durationMin / 15));
        for (int i = 1; i <= steps; i++) {
            double f = Math.min(1, i * 15 / durationMin);
            Instant t = start.plus(Duration.ofSeconds(Math.round(Math.min(i * 15, durationMin) * 60)));
            values.add(new Entries.RunValue(Ids.next(), t, "machine", inlet, ac, null, null, processed * f,
                    plan.anticoagulant() == null ? null : plan.anticoagulant().volumeMl() * f, removed * f,
                    replacement * f, plan.fluidBalance() == null ? null : plan.fluidBalance().netMl() * f, t, nurse));
        }
        sessions.insertRunValues(h, sid, values);
        sessions.insertVitals(h, sid, new Entries.Vitals(Ids.next(), start.minus(Duration.ofMinutes(10)), 124.0, 78.0,
                72.0, 98.0, 36.8, start, nurse));
        sessions.insertVitals(h, sid, new Entries.Vitals(Ids.next(), end, 118.0, 74.0, 76.0, 97.0, 36.9, end, nurse));
        if (day == -2) {
            Instant t = start.plus(Duration.ofMinutes(40));
            sessions.insertAdverseEvent(h, sid, new Entries.AdverseEvent(Ids.next(), t, "citrate-reaction", "mild",
                    "inlet flow reduced; oral calcium", false, "perioral tingling, resolved in 10 min", t, nurse));
        }
        sessions.transition(h, sid, 2, List.of(SessionRecord.IN_PROGRESS), SessionRecord.COMPLETED, nurse, end, null,
                null);
    }

    /**
     * The first start on a machine's day at or after 08:30, after the sessions already seeded on it, in 15 min
     * steps: the demo books each machine the way the scheduler allows (see {@code MachineBookings}).
     */
    private Instant firstFreeSlot(String machine, LocalDate day, double durationMin) {
        Instant start = day.atTime(LocalTime.of(8, 30)).atZone(zone).toInstant();
        Instant free = machineFreeAt.getOrDefault(machine + "/" + day, start);
        while (start.isBefore(free)) {
            start = start.plus(java.time.Duration.ofMinutes(15));
        }
        machineFreeAt.put(machine + "/" + day, start.plus(
                org.openapheresis.server.session.MachineBookings.occupies(durationMin)));
        return start;
    }

    private final Map<String, Instant> machineFreeAt = new java.util.HashMap<>();
}
