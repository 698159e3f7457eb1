package org.openapheresis.server.demo;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.openapheresis.contract.PlanRequestReader;
import org.openapheresis.course.CourseSchedule;
import org.openapheresis.patient.ClinicalHistory;
import org.openapheresis.patient.Sex;
import org.openapheresis.procedure.Plan;
import org.openapheresis.safety.Severity;
import org.openapheresis.server.audit.AuditLog;
import org.openapheresis.server.access.Actor;
import org.openapheresis.server.billing.BillingService;
import org.openapheresis.server.billing.BillingStore;
import org.openapheresis.server.billing.CodeRules;
import org.openapheresis.server.billing.PayerCoverage;
import org.openapheresis.server.billing.PayerKind;
import org.openapheresis.server.auth.AuthService;
import org.openapheresis.server.auth.Passwords;
import org.openapheresis.server.access.Role;
import org.openapheresis.server.guideline.Guidelines;
import org.openapheresis.server.order.Indication;
import org.openapheresis.server.order.NewOrder;
import org.openapheresis.server.order.OrderRecord;
import org.openapheresis.server.order.OrderService;
import org.openapheresis.server.order.OrderStore;
import org.openapheresis.server.order.PreProcedureLabs;
import org.openapheresis.server.patient.Coverage;
import org.openapheresis.server.patient.PatientDraft;
import org.openapheresis.server.patient.PatientKind;
import org.openapheresis.server.patient.PatientRecord;
import org.openapheresis.server.patient.PatientService;
import org.openapheresis.server.patient.PatientStore;
import org.openapheresis.server.patient.PreferredTime;
import org.openapheresis.server.resource.ResourceService;
import org.openapheresis.server.resource.ResourceStore;
import org.openapheresis.server.schedule.UnitRules;
import org.openapheresis.server.session.BookingWarning;
import org.openapheresis.server.session.Commands;
import org.openapheresis.server.session.MachineBookings;
import org.openapheresis.server.session.SessionRecord;
import org.openapheresis.server.session.SessionService;
import org.openapheresis.server.session.SessionStore;
import org.openapheresis.server.session.Vocabulary;
import org.openapheresis.server.system.DomainException;
import org.openapheresis.server.system.Refusal;
import org.openapheresis.system.InvalidInputException;

/**
 * Seeds a demo unit on a database without patients: staff of every role (one shared demo password, printed once),
 * patients and a donor with orders, and a week of sessions around today (past ones completed with run values,
 * vitals and an adverse event). Everything is written through the services, on a clock set to each moment in
 * turn, as the unit's staff would have written it: the coordinator registers and schedules, the physician orders,
 * signs and acknowledges, the nurse runs the sessions. The people are invented.
 */
public final class DemoSeed {

    private static final String BY = "demo-seed";

    private final Jdbi jdbi;
    private final AuthService auth;
    private final AuditLog audit;
    private final ZoneId zone;
    private final DemoClock clock;
    private final PatientService patients;
    private final org.openapheresis.server.followup.ChronicGvhdService chronicGvhd;
    private final OrderService orders;
    private final SessionService sessions;
    private final ResourceService resources;
    private final BillingService billing;
    private final org.openapheresis.server.followup.FollowUpService followUps;
    private final org.openapheresis.server.product.ProductService products;
    private final Map<String, Instant> machineFreeAt = new HashMap<>();
    /** Days the demo closes the unit beyond its weekly hours. */
    private final java.util.Set<LocalDate> closures = new java.util.HashSet<>();

    private static final List<String> SEPARATOR_TYPES = java.util.Arrays.stream(
            org.openapheresis.procedure.ProcedureType.values())
            .filter(org.openapheresis.procedure.ProcedureType::onSeparator)
            .map(org.openapheresis.procedure.ProcedureType::code).toList();

    private static final Actor COORDINATOR = new Actor("coord.silva", Role.COORDINATOR);
    private static final Actor PHYSICIAN = new Actor("dr.lindqvist", Role.PHYSICIAN);

    public DemoSeed(Jdbi jdbi, AuthService auth, AuditLog audit, Guidelines guidelines, Clock unitClock) {
        this.jdbi = jdbi;
        this.auth = auth;
        this.audit = audit;
        this.zone = unitClock.getZone();
        this.clock = new DemoClock(unitClock.instant(), zone);
        this.patients = new PatientService(new PatientStore(), clock);
        this.chronicGvhd = new org.openapheresis.server.followup.ChronicGvhdService(
                new org.openapheresis.server.followup.ChronicGvhdStore(), patients, clock);
        this.orders = new OrderService(new OrderStore(), patients, guidelines, chronicGvhd, clock);
        this.resources = new ResourceService(new ResourceStore(), clock);
        this.sessions = new SessionService(new SessionStore(), orders, patients, resources, auth, clock);
        this.followUps = new org.openapheresis.server.followup.FollowUpService(
                new org.openapheresis.server.followup.FollowUpStore(), patients, clock);
        this.products = new org.openapheresis.server.product.ProductService(
                new org.openapheresis.server.product.ProductStore(), sessions, patients,
                org.openapheresis.server.product.ProductService.sampleTable(), followUps, clock);
        this.billing = new BillingService(new BillingStore(), CodeRules.load(), orders, patients, sessions, products,
                BillingService.UNIT_CURRENCY, clock);
        sessions.whenCompleted(billing::sessionCompleted);
        products.whenRecorded(billing::productStepRecorded);
    }

    /** Seeds unless patients exist already; prints the staff and the demo password. */
    public void seedIfEmpty(PrintStream out) {
        int existing = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM patient").mapTo(Integer.class).one());
        if (existing > 0) {
            out.println("Demo: the database already holds patients; nothing seeded.");
            return;
        }
        Instant now = clock.instant();
        String password = Passwords.generate();
        List<String[]> staff = List.of(
                new String[] {"dr.lindqvist", "Dr Anna Lindqvist", "physician"},
                new String[] {"dr.okafor", "Dr Chidi Okafor", "physician"},
                new String[] {"nurse.moreau", "Claire Moreau RN", "nurse"},
                new String[] {"nurse.tanaka", "Kenji Tanaka RN", "nurse"},
                new String[] {"lab.fischer", "Jonas Fischer", "lab"},
                new String[] {"lab.weber", "Sara Weber", "lab"},
                new String[] {"coord.silva", "Marta Silva", "coordinator"},
                new String[] {"billing.novak", "Petra Novak", "billing"});
        jdbi.useTransaction(h -> {
            for (String[] s : staff) {
                if (!auth.usernameTaken(h, s[0])) {
                    auth.createUser(h, s[0], password, Role.fromCode(s[2]).orElseThrow(), s[1]);
                }
            }
            // the nurses' skills the week is planned with: Moreau runs everything, Tanaka exchanges and collections
            org.openapheresis.server.schedule.ScheduleStore skills = new org.openapheresis.server.schedule
                    .ScheduleStore();
            skills.setSkills(h, "nurse.moreau", java.util.EnumSet.allOf(org.openapheresis.server.schedule.Skill.class));
            skills.setSkills(h, "nurse.tanaka", java.util.EnumSet.of(org.openapheresis.server.schedule.Skill
                    .PLASMA_EXCHANGE, org.openapheresis.server.schedule.Skill.CELL_COLLECTION));
        });
        jdbi.useTransaction(h -> {
            // the unit: three continuous-flow separators, one intermittent-flow, four chairs and a bed
            for (int i = 1; i <= 3; i++) {
                resources.createMachine(h, new ResourceService.MachineDraft("Optia-" + i, "continuous-flow",
                        "Spectra Optia", Optional.of("DEMO-OPT-00" + i), SEPARATOR_TYPES, true));
            }
            resources.createMachine(h, new ResourceService.MachineDraft("MCS-1", "intermittent-flow", "MCS+",
                    Optional.of("DEMO-MCS-001"), List.of("plasma-exchange", "hpc-collection"), true));
            for (int i = 1; i <= 4; i++) {
                resources.createChair(h, new ResourceService.ChairDraft("Chair " + i, false, true));
            }
            resources.createChair(h, new ResourceService.ChairDraft("Bed 1", true, true));
        });
        List<String> notes = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(now, zone);
        priceList(today, notes);
        rota(today, now);
        // 1. MS relapse: TPE course, 5 exchanges every 48 h, two done, one today
        PatientRecord ms = patient("MRN-100234", "Sofia", "Berg", LocalDate.of(1991, 3, 14), Sex.FEMALE, 168, 64,
                List.of(), List.of("interferon beta-1a"), false, false,
                labs(40, 240, Map.of("iggGPerL", 10.5, "igmGPerL", 1.1, "fibrinogenGPerL", 3.0, "albuminGPerL", 42.0,
                        "ionizedCalciumMmolPerL", 1.20)), PatientKind.PATIENT, now.minus(Duration.ofDays(6)));
        order(ms, "G35.A", "Multiple sclerosis, relapsing-remitting: steroid-refractory relapse",
                Map.of("type", "plasma-exchange", "device", "continuous-flow", "plasmaVolumes", 1.25,
                        "replacement", Map.of("albuminPercent", 100, "plasmaPercent", 0)),
                OptionalDouble.empty(), Optional.of(new CourseSchedule(5, 48)), new int[] {-4, -2, 0, 2, 4}, "Optia-1",
                "nurse.moreau", notes, today);
        // 2. GBS on an ACE inhibitor: the check warns; the physician acknowledged it
        PatientRecord gbs = patient("MRN-100871", "Henrik", "Aalto", LocalDate.of(1967, 8, 2), Sex.MALE, 180, 85,
                List.of("penicillin"), List.of("lisinopril 10 mg (ACE inhibitor), held from 48 h before exchange"),
                true, false, labs(42, 260, Map.of("iggGPerL", 11.0, "fibrinogenGPerL", 3.2, "albuminGPerL", 40.0)),
                PatientKind.PATIENT, now.minus(Duration.ofDays(5)));
        order(gbs, "G61.0", "Guillain-Barre syndrome (AIDP), primary treatment",
                Map.of("type", "plasma-exchange", "device", "continuous-flow", "plasmaVolumes", 1.0),
                OptionalDouble.empty(), Optional.of(new CourseSchedule(5, 48)), new int[] {-3, -1, 1, 3}, "Optia-2",
                "nurse.tanaka", notes, today);
        // 3. TTP: daily exchange with plasma, platelets low
        PatientRecord ttp = patient("MRN-101502", "Leila", "Haddad", LocalDate.of(1984, 11, 23), Sex.FEMALE, 165, 70,
                List.of(), List.of("prednisolone 1 mg/kg", "caplacizumab"), false, false,
                labs(28, 18, Map.of("fibrinogenGPerL", 2.6, "albuminGPerL", 36.0)), PatientKind.PATIENT,
                now.minus(Duration.ofDays(4)));
        order(ttp, "M31.19", "Thrombotic thrombocytopenic purpura, immune (iTTP)",
                Map.of("type", "plasma-exchange", "device", "continuous-flow", "plasmaVolumes", 1.25,
                        "replacement", Map.of("albuminPercent", 0, "plasmaPercent", 100)),
                OptionalDouble.empty(), Optional.of(new CourseSchedule(7, 24)), new int[] {-2, -1, 0, 1, 2, 3},
                "Optia-3", "nurse.moreau", notes, today);
        // 4. Myasthenia gravis with exacerbation
        PatientRecord mg = patient("MRN-102117", "Ines", "Carvalho", LocalDate.of(1996, 5, 9), Sex.FEMALE, 160, 55,
                List.of("plasma (urticaria 2023)"), List.of("pyridostigmine 60 mg"), false, true,
                labs(38, 210, Map.of("iggGPerL", 9.8, "fibrinogenGPerL", 2.9)), PatientKind.PATIENT,
                now.minus(Duration.ofDays(3)));
        // the physician asks for fibrinogen and platelets of the day before each exchange (the demo's example of an
        // order's pre-procedure labs: which and how recent is the prescriber's choice, not a rule of the system)
        order(mg, "G70.01", "Myasthenia gravis with exacerbation",
                Map.of("type", "plasma-exchange", "device", "continuous-flow", "plasmaVolumes", 1.0),
                OptionalDouble.empty(), Optional.of(new CourseSchedule(5, 48)), new int[] {-1, 1, 3}, "Optia-2",
                "nurse.tanaka", notes, today, null, Optional.empty(), Optional.of(new PreProcedureLabs(List.of(
                        "fibrinogenGPerL", "plateletsE9PerL"), 24)));
        // 5. Hyperleukocytosis: leukocytapheresis
        PatientRecord aml = patient("MRN-103009", "Tomasz", "Wojcik", LocalDate.of(1958, 1, 30), Sex.MALE, 176, 78,
                List.of(), List.of("hydroxyurea"), false, false,
                labs(26, 45, Map.of("wbcE9PerL", 186.0, "fibrinogenGPerL", 2.1)), PatientKind.PATIENT,
                now.minus(Duration.ofDays(1)));
        order(aml, "C92.00", "Acute myeloid leukaemia with hyperleukocytosis and leukostasis",
                Map.of("type", "leukocytapheresis", "device", "continuous-flow", "bloodVolumesProcessed", 2.0),
                OptionalDouble.empty(), Optional.of(new CourseSchedule(2, 24)), new int[] {0, 1}, "Optia-1",
                "nurse.tanaka", notes, today);
        // 6. HPC collection donor
        PatientRecord donor = patient("MRN-104455", "Mateo", "Ruiz", LocalDate.of(1981, 6, 17), Sex.MALE, 182, 88,
                List.of(), List.of("filgrastim 10 ug/kg/day (day 5)"), false, false,
                labs(44, 190, Map.of("wbcE9PerL", 38.0, "cd34PerUl", 62.0)), PatientKind.DONOR,
                now.minus(Duration.ofDays(1)));
        order(donor, "Z52.091", "Allogeneic HPC-A donation for an unrelated recipient",
                Map.of("type", "hpc-collection", "device", "continuous-flow", "target", Map.of("cd34PerKg", 5e6)),
                OptionalDouble.of(70), Optional.of(new CourseSchedule(2, 24)), new int[] {-1, 0}, "Optia-3",
                "nurse.moreau", notes, today);
        // 7. DLI donor: a lymphocyte collection for three planned doses, collected three days ago
        PatientRecord dli = patient("MRN-104790", "Anna", "Lind", LocalDate.of(1979, 2, 3), Sex.FEMALE, 166, 62,
                List.of(), List.of(), false, false, labs(40, 240, Map.of("wbcE9PerL", 6.5, "lymphocytesE9PerL", 1.9,
                        "cd3PerUl", 1300.0)), PatientKind.DONOR, now.minus(Duration.ofDays(5)));
        List<SessionRecord> dliSessions = order(dli, "Z52.001", "Donor lymphocytes for DLI after allogeneic HPC "
                + "transplant (relapse)", Map.of("type", "lymphocyte-collection", "device", "continuous-flow", "target",
                        Map.of("cd3PerKgDoses", List.of(1e6, 5e6, 1e7))),
                OptionalDouble.of(60), Optional.empty(), new int[] {-3}, "Optia-3", "nurse.tanaka", notes, today, "dli");
        // her brother, who received her stem cells and now her lymphocytes
        PatientRecord dliRecipient = patient("MRN-104791", "Erik", "Lind", LocalDate.of(1975, 8, 30), Sex.MALE, 176, 60,
                List.of(), List.of("ciclosporin (tapered off)"), false, false, labs(33, 95, Map.of("wbcE9PerL", 3.1)),
                PatientKind.PATIENT, now.minus(Duration.ofDays(5)));
        // 8. Granulocyte donor for a neutropenic, infected recipient: collected this morning, issued today
        PatientRecord gran = patient("MRN-105112", "Jonas", "Berger", LocalDate.of(1988, 9, 21), Sex.MALE, 184, 86,
                List.of(), List.of("dexamethasone 8 mg and filgrastim 5 ug/kg, 12 h before"), false, false,
                labs(45, 230, Map.of("wbcE9PerL", 32.0, "neutrophilsE9PerL", 28.0)), PatientKind.DONOR,
                now.minus(Duration.ofDays(1)));
        PatientRecord granRecipient = patient("MRN-105113", "Lena", "Vogt", LocalDate.of(1990, 4, 2), Sex.FEMALE, 170,
                75, List.of(), List.of("voriconazole", "meropenem"), false, false, labs(27, 18, Map.of("wbcE9PerL", 0.1,
                        "neutrophilsE9PerL", 0.05)), PatientKind.PATIENT, now.minus(Duration.ofDays(2)));
        Instant granulocyteStart = now.minus(Duration.ofMinutes(330)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        List<SessionRecord> granSessions = order(gran, "Z52.091", "Granulocytes for a neutropenic recipient with "
                + "invasive fungal infection", Map.of("type", "granulocyte-collection", "device", "continuous-flow",
                        "sedimentingAgent", "hes", "bloodVolumesProcessed", 2.0),
                OptionalDouble.of(75), Optional.empty(), new int[] {0}, "Optia-2", "nurse.moreau", notes, today, null,
                Optional.of(granulocyteStart));
        // 10. Autologous HPC collection for myeloma, two days ago: the product is frozen and in the freezer
        PatientRecord myeloma = patient("MRN-105590", "Henrik", "Dahl", LocalDate.of(1964, 11, 12), Sex.MALE, 180, 80,
                List.of(), List.of("G-CSF 10 ug/kg/day, day 5", "plerixafor 0.24 mg/kg"), false, false,
                labs(34, 140, Map.of("wbcE9PerL", 28.0, "cd34PerUl", 35.0, "ionizedCalciumMmolPerL", 1.18)),
                PatientKind.PATIENT, now.minus(Duration.ofDays(4)));
        List<SessionRecord> autoSessions = order(myeloma, "C90.00", "Multiple myeloma: autologous HPC collection "
                + "before high-dose melphalan", Map.of("type", "hpc-collection", "device", "continuous-flow", "target",
                        Map.of("cd34PerKg", 6e6)), OptionalDouble.empty(), Optional.empty(), new int[] {-2}, "Optia-1",
                "nurse.moreau", notes, today, null);
        // 9. IVIG beside the machines: CIDP, 2 g/kg over five days, in a chair
        PatientRecord cidp = patient("MRN-105377", "Petra", "Novak", LocalDate.of(1962, 12, 5), Sex.FEMALE, 162, 68,
                List.of(), List.of(), false, false, labs(39, 250, Map.of("iggGPerL", 9.2)), PatientKind.PATIENT,
                now.minus(Duration.ofDays(3)));
        // she works mornings: she would rather come in the afternoon on weekdays
        preferredTimes(cidp, List.of("monday", "tuesday", "wednesday", "thursday", "friday"), LocalTime.of(12, 0),
                LocalTime.of(18, 0));
        order(cidp, "G61.81", "Chronic inflammatory demyelinating polyneuropathy, IVIG induction",
                Map.of("type", "ivig-infusion", "doseGPerKg", 2.0, "days", 5, "productPercent", 10, "product", "privigen"),
                OptionalDouble.empty(), Optional.of(new CourseSchedule(5, 24)), new int[] {-1, 0, 1}, null,
                "nurse.tanaka", notes, today);
        // 11. Chronic GVHD after an allogeneic transplant: moderate ten weeks ago, photopheresis ordered for it, mild now
        PatientRecord holm = chronicGvhd(now, notes);
        // 12. Sickle cell disease: a red cell exchange tomorrow for primary stroke prevention, with a calcium infusion
        // (the plan predicts HbS, haematocrit and ionised calcium)
        PatientRecord scd = patient("MRN-105820", "Amara", "Okoye", LocalDate.of(2001, 7, 19), Sex.FEMALE, 165, 58,
                List.of(), List.of("hydroxyurea 20 mg/kg/day"), false, false, labs(25, 320, Map.of("hbsPercent", 78.0,
                        "ionizedCalciumMmolPerL", 1.17)), PatientKind.PATIENT, now.minus(Duration.ofDays(2)));
        order(scd, "D57.1", "Sickle cell disease (HbSS): chronic red cell exchange for primary stroke prevention",
                Map.of("type", "red-cell-exchange", "device", "continuous-flow", "targetHbsPercent", 30,
                        "targetHematocritPercent", 27, "replacementHematocritPercent", 60, "calcium", Map.of(
                                "infusionMmolPerHour", 4.64)), OptionalDouble.empty(), Optional.empty(), new int[] {1},
                "Optia-1", "nurse.moreau", notes, today, "sickle-cell-disease-non-acute-stroke-prophylaxis-rbcx");
        products(now, autoSessions, dliSessions, dliRecipient, granSessions, granRecipient, notes);
        coverages(today, ms, aml, ttp, holm, mg, myeloma, notes);
        clock.set(now);
        out.println("Demo unit seeded: staff usernames dr.lindqvist, dr.okafor (physician), nurse.moreau, "
                + "nurse.tanaka (nurse), lab.fischer, lab.weber (lab), coord.silva (coordinator), billing.novak (billing)");
        out.println("Demo staff password (shown only once): " + password);
        for (String n : notes) {
            out.println("Demo: " + n);
        }
    }

    /** Example prices (invented, marked as example on the price list) from the first day of last year. */
    /**
     * The rota the week is planned on: MCS-1 away for its maintenance visit in two days, and the unit closed for a
     * training day in ten (no shifts: the demo's nurses work the opening hours).
     */
    private void rota(LocalDate today, Instant now) {
        jdbi.useTransaction(h -> {
            String mcs = resources.machines(h).stream().filter(m -> m.name().equals("MCS-1")).findFirst().orElseThrow()
                    .id();
            LocalDate visit = today.plusDays(2);
            resources.takeOutOfService(h, new Actor(BY, Role.ADMIN), mcs, visit.atTime(7, 0).atZone(zone).toInstant(),
                    visit.atTime(18, 0).atZone(zone).toInstant(), "Preventive maintenance visit (demo)");
            closures.add(today.plusDays(10));
            new org.openapheresis.server.schedule.ScheduleStore().insert(h, new org.openapheresis.server.schedule.Closure(
                    org.openapheresis.server.db.Ids.next(), today.plusDays(10), "Unit training day (demo)", now,
                    COORDINATOR.username(), Optional.empty(), Optional.empty()));
        });
    }

    /** The demo's volume of one bag of plasma, mL: an example for the demo's records, not a standard. */
    static final double DEMO_PLASMA_UNIT_ML = 250;

    private void priceList(LocalDate today, List<String> notes) {
        LocalDate from = LocalDate.of(today.getYear() - 1, 1, 1);
        Map<String, String> prices = new LinkedHashMap<>();
        prices.put("36514", "2400.00");
        prices.put("36511", "2600.00");
        prices.put("38205", "3100.00");
        prices.put("38206", "3100.00");
        prices.put("38207", "900.00");
        prices.put("38208", "450.00");
        prices.put("38241", "1800.00");
        prices.put("38242", "1500.00");
        prices.put("P9045", "65.00");
        prices.put("P9017", "95.00");
        prices.put("P9044", "90.00");
        prices.put("36522", "1900.00");
        List<BillingService.NewPrice> list = new ArrayList<>();
        prices.forEach((code, price) -> list.add(new BillingService.NewPrice(code, Optional.empty(),
                new java.math.BigDecimal(price), BillingService.UNIT_CURRENCY.getCurrencyCode(), from,
                Optional.empty())));
        jdbi.useTransaction(h -> billing.setPrices(h, new Actor(BY, Role.ADMIN), list, true));
        notes.add("the price list holds EXAMPLE prices (invented, marked example): not any unit's or payer's rates");
    }

    /**
     * Coverages with example terms, each showing a case of the order's coverage check: the MS patient on a
     * commercial high-deductible plan (ASFA category II: the unit's example rule asks for prior authorisation, and
     * one is recorded for the course); the AML patient (67) on Medicare (leukapheresis for leukaemia: covered by NCD
     * 110.14); the chronic GVHD patient on a commercial plan with no authorisation recorded (category II: needed,
     * none); the myasthenia patient on Medicaid (no rule: ask billing); the myeloma patient on a Medicare Advantage
     * plan (an autologous HPC collection: no rule in the table, which holds the apheresis NCD's rows: ask billing);
     * the TTP patient uninsured (no coverage recorded).
     */
    private void coverages(LocalDate today, PatientRecord commercial, PatientRecord medicareLike,
            PatientRecord uninsured, PatientRecord noAuthorization, PatientRecord medicaid, PatientRecord advantage,
            List<String> notes) {
        LocalDate start = LocalDate.of(today.getYear(), 1, 1);
        LocalDate end = LocalDate.of(today.getYear(), 12, 31);
        Actor by = new Actor("billing.novak", Role.BILLING);
        java.math.BigDecimal zero = java.math.BigDecimal.ZERO;
        jdbi.useTransaction(h -> {
            billing.addCoverage(h, by, commercial.id(), new BillingService.NewCoverage("Example Commercial Health",
                    Optional.of(PayerKind.COMMERCIAL), "Bronze HSA (example high-deductible terms)", "ECH-100234",
                    Optional.of(PayerCoverage.Network.IN_NETWORK), start, end, new java.math.BigDecimal("6000.00"),
                    new java.math.BigDecimal("850.00"), new java.math.BigDecimal("30"), zero,
                    new java.math.BigDecimal("8000.00"), new java.math.BigDecimal("850.00"), Optional.of(
                            new PayerCoverage.PriorAuthorization("EX-PA-2231", today.minusDays(10), today.plusDays(80)))));
            audited(h, by, "/api/patients/" + commercial.id() + "/coverages", commercial.id());
            billing.addCoverage(h, by, medicareLike.id(), new BillingService.NewCoverage("Example Medicare-like plan",
                    Optional.of(PayerKind.MEDICARE), "Part B-like (example terms)", "EXM-103009", Optional.empty(),
                    start, end, new java.math.BigDecimal("250.00"), zero, new java.math.BigDecimal("20"), zero,
                    new java.math.BigDecimal("7500.00"), zero, Optional.empty()));
            audited(h, by, "/api/patients/" + medicareLike.id() + "/coverages", medicareLike.id());
            billing.addCoverage(h, by, noAuthorization.id(), new BillingService.NewCoverage("Example Commercial Health",
                    Optional.of(PayerKind.COMMERCIAL), "Gold PPO (example terms)", "ECH-106204",
                    Optional.of(PayerCoverage.Network.IN_NETWORK), start, end, new java.math.BigDecimal("1500.00"),
                    new java.math.BigDecimal("1500.00"), new java.math.BigDecimal("10"), zero,
                    new java.math.BigDecimal("4000.00"), new java.math.BigDecimal("2300.00"), Optional.empty()));
            audited(h, by, "/api/patients/" + noAuthorization.id() + "/coverages", noAuthorization.id());
            billing.addCoverage(h, by, medicaid.id(), new BillingService.NewCoverage("Example State Medicaid",
                    Optional.of(PayerKind.MEDICAID), "Medicaid (example terms)", "ESM-102117", Optional.empty(), start,
                    end, zero, zero, zero, zero, zero, zero, Optional.empty()));
            audited(h, by, "/api/patients/" + medicaid.id() + "/coverages", medicaid.id());
            billing.addCoverage(h, by, advantage.id(), new BillingService.NewCoverage("Example Advantage Health",
                    Optional.of(PayerKind.MEDICARE_ADVANTAGE), "Medicare Advantage HMO (example terms)", "EAH-105590",
                    Optional.of(PayerCoverage.Network.IN_NETWORK), start, end, zero, zero, zero,
                    new java.math.BigDecimal("50.00"), new java.math.BigDecimal("5000.00"),
                    new java.math.BigDecimal("400.00"), Optional.empty()));
            audited(h, by, "/api/patients/" + advantage.id() + "/coverages", advantage.id());
        });
        notes.add("coverages (example terms): " + commercial.familyName() + " commercial high-deductible with a prior "
                + "authorisation, " + medicareLike.familyName() + " Medicare-like, " + noAuthorization.familyName()
                + " commercial without authorisation, " + medicaid.familyName() + " Medicaid, " + advantage.familyName()
                + " Medicare Advantage, "
                + uninsured.familyName() + " uninsured; each order's coverage check uses the example coverage rules");
    }

    private static Map<String, Double> labs(double hct, double platelets, Map<String, Double> more) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("hematocritPercent", hct);
        m.put("plateletsE9PerL", platelets);
        m.putAll(more);
        return m;
    }

    /**
     * The conditions on some demo records (diagnoses and history as a clinician writes them; the others have none
     * recorded). None of them is a contraindication the candidacy checks warn of.
     */
    private static final Map<String, List<String>> CONDITIONS = Map.of(
            "MRN-100234", List.of("Relapsing-remitting multiple sclerosis (2019)"),
            "MRN-103009", List.of("Acute myeloid leukaemia, new diagnosis"),
            "MRN-106204", List.of("Acute myeloid leukaemia, allogeneic HPC transplant 2025", "Chronic GVHD",
                    "Hypertension"));

    private PatientRecord patient(String mrn, String given, String family, LocalDate birth, Sex sex, double heightCm,
            double weightKg, List<String> allergies, List<String> medications, boolean ace, boolean plasmaAllergy,
            Map<String, Double> labs, PatientKind kind, Instant registered) {
        clock.set(registered);
        PatientDraft d = new PatientDraft(kind, mrn, given, family, birth, sex, OptionalDouble.of(heightCm),
                OptionalDouble.of(weightKg), new Coverage(Optional.of("Regional Health Fund"),
                        Optional.of("RHF-" + mrn.substring(4)), Optional.empty()),
                new ClinicalHistory(allergies, medications, ace, plasmaAllergy, CONDITIONS.getOrDefault(mrn,
                        List.of())), labs,
                Optional.of(registered.minus(Duration.ofHours(2))));
        return jdbi.inTransaction(h -> {
            PatientRecord p = patients.create(h, COORDINATOR, d);
            audited(h, COORDINATOR, "/api/patients/" + p.id(), p.id());
            return p;
        });
    }

    private List<SessionRecord> order(PatientRecord p, String icd, String text, Map<String, Object> procedure,
            OptionalDouble recipientWeightKg, Optional<CourseSchedule> schedule, int[] days, String machine,
            String nurse, List<String> notes, LocalDate today) {
        return order(p, icd, text, procedure, recipientWeightKg, schedule, days, machine, nurse, notes, today, null);
    }

    /**
     * An order, signed, with its sessions: those before today run and completed, the rest scheduled.
     *
     * @param machine the separator, or null for an infusion (seated in Chair 4)
     * @param guidelineRow the guideline row the physician chose, or null to match by code
     */
    private List<SessionRecord> order(PatientRecord p, String icd, String text, Map<String, Object> procedure,
            OptionalDouble recipientWeightKg, Optional<CourseSchedule> schedule, int[] days, String machine,
            String nurse, List<String> notes, LocalDate today, String guidelineRow) {
        return order(p, icd, text, procedure, recipientWeightKg, schedule, days, machine, nurse, notes, today,
                guidelineRow, Optional.empty());
    }

    /**
     * An order, signed, with its sessions: those before today run and completed, the rest scheduled.
     *
     * @param machine the separator, or null for an infusion (seated in Chair 4)
     * @param guidelineRow the guideline row the physician chose, or null to match by code
     * @param ranToday a start earlier today for a session of today, run and completed (a collection whose product
     *     is issued today); empty to book today's sessions at the first free slot
     * @return the sessions, in the order of {@code days}; none when the planner cannot plan the order
     */
    private List<SessionRecord> order(PatientRecord p, String icd, String text, Map<String, Object> procedure,
            OptionalDouble recipientWeightKg, Optional<CourseSchedule> schedule, int[] days, String machine,
            String nurse, List<String> notes, LocalDate today, String guidelineRow, Optional<Instant> ranToday) {
        return order(p, icd, text, procedure, recipientWeightKg, schedule, days, machine, nurse, notes, today,
                guidelineRow, ranToday, Optional.empty());
    }

    /** The times a person prefers to come: the same window on each of the days. */
    private void preferredTimes(PatientRecord p, List<String> days, LocalTime from, LocalTime to) {
        jdbi.useTransaction(h -> {
            patients.setPreferredTimes(h, p.id(), days.stream().map(d -> new PreferredTime(d, from, to)).toList());
            audited(h, COORDINATOR, "/api/patients/" + p.id() + "/preferred-times", p.id());
        });
    }

    /**
     * An order, signed, with its sessions, as above, asking for {@code labs} before each session.
     *
     * @param labs the pre-procedure labs the physician asks for, if any
     */
    private List<SessionRecord> order(PatientRecord p, String icd, String text, Map<String, Object> procedure,
            OptionalDouble recipientWeightKg, Optional<CourseSchedule> schedule, int[] days, String machine,
            String nurse, List<String> notes, LocalDate today, String guidelineRow, Optional<Instant> ranToday,
            Optional<PreProcedureLabs> labs) {
        Instant ordered = today.plusDays(Math.min(0, days[0]) - 1L).atTime(LocalTime.of(15, 0)).atZone(zone)
                .toInstant();
        clock.set(ordered);
        OrderRecord o;
        try {
            NewOrder cmd = new NewOrder(p.id(), Optional.of(new Indication(icd, text, Optional.ofNullable(guidelineRow))),
                    PlanRequestReader.readProcedure(procedure, "procedure"), recipientWeightKg, schedule, labs);
            o = jdbi.inTransaction(h -> {
                OrderRecord created = orders.create(h, PHYSICIAN, cmd);
                audited(h, PHYSICIAN, "/api/orders/" + created.id(), p.id());
                return created;
            });
        } catch (InvalidInputException e) {
            notes.add("no order for " + p.givenName() + " " + p.familyName() + " (" + procedure.get("type")
                    + "): the planner cannot plan it: " + e.getMessage());
            return List.of();
        }
        clock.set(ordered.plus(Duration.ofMinutes(20)));
        jdbi.useTransaction(h -> {
            // the physician reads the order's warnings and acknowledges them in the signature
            orders.sign(h, PHYSICIAN, o.id(), Optional.empty(), o.warnings().stream().map(w -> w.code().name())
                    .distinct().toList());
            audited(h, PHYSICIAN, "/api/orders/" + o.id() + "/sign", p.id());
        });
        Actor nurseActor = new Actor(nurse, Role.NURSE);
        List<SessionRecord> made = new ArrayList<>();
        LocalDate lastDay = null;
        for (int d : days) {
            clock.set(ordered.plus(Duration.ofMinutes(40)));
            String chair = machine == null ? "Chair 4" : chairBeside(machine);
            boolean runNow = d == 0 && ranToday.isPresent();
            // a session still to come is booked as a coordinator would: on a day the unit is open, after the last
            LocalDate day = today.plusDays(d);
            while (d > 0 && (closed(day) || lastDay != null && !day.isAfter(lastDay))) {
                day = day.plusDays(1);
            }
            lastDay = day;
            Instant start = runNow ? ranToday.get() : firstFreeSlot(machine == null ? chair : machine, day,
                    o.plan().durationMin());
            if (runNow) {
                machineFreeAt.put(machine + "/" + today, start.plus(MachineBookings.occupies(o.plan().durationMin())));
            }
            Commands.Schedule booking = new Commands.Schedule(o.id(), start, Optional.ofNullable(machine),
                    Optional.of(chair), Optional.of(nurse));
            SessionRecord booked;
            try {
                booked = book(booking, p.id());
            } catch (DomainException e) {
                if (e.refusal() != Refusal.BOOKING_WARNINGS_OPEN) {
                    throw e;
                }
                // a session of the record outside the unit's rules (a past one on a closed day, one whose labs the
                // order wants back first): the coordinator books it on call, acknowledging what the rules say
                @SuppressWarnings("unchecked")
                List<BookingWarning> open = (List<BookingWarning>) e.details().get("unacknowledged");
                booked = book(new Commands.Schedule(o.id(), start, booking.machine(), booking.chair(), booking.nurse(),
                        open.stream().map(BookingWarning::code).collect(java.util.stream.Collectors.toSet())), p.id());
                notes.add(p.givenName() + " " + p.familyName() + "'s session of " + day + " was booked on call: "
                        + String.join("; ", open.stream().map(BookingWarning::message).toList()));
            }
            SessionRecord s = booked;
            if (d < 0 || runNow) {
                runPast(s, nurseActor, d);
            }
            made.add(jdbi.withHandle(h -> sessions.require(h, s.id())));
        }
        return made;
    }

    /** Books a session as the coordinator, with its audit entries (the acknowledgement's too, when it has one). */
    private SessionRecord book(Commands.Schedule booking, String patientId) {
        return jdbi.inTransaction(h -> {
            SessionRecord created = sessions.schedule(h, COORDINATOR, booking);
            audited(h, COORDINATOR, "/api/sessions/" + created.id(), patientId);
            created.bookingAcknowledgement().ifPresent(a -> audited(h, COORDINATOR, a.auditResource(created.id()),
                    patientId));
            return created;
        });
    }

    /** A completed session: run values every 15 minutes, vitals, and on one day a mild citrate reaction. */
    private void runPast(SessionRecord s, Actor nurse, int day) {
        Instant start = s.plannedStart();
        clock.set(start);
        Plan plan = jdbi.inTransaction(h -> {
            // a warning the record gives since the signature (the last session's post labs): the physician
            // acknowledges it on the order; then the nurse reads the warnings of the plan the start computes
            OrderRecord o = orders.require(h, s.orderId());
            var now = orders.evaluateNow(h, o);
            if (now.warnings().stream().anyMatch(w -> !o.acknowledged(w.code().name()))) {
                orders.acknowledge(h, PHYSICIAN, o.id(), Optional.empty());
                audited(h, PHYSICIAN, "/api/orders/" + o.id() + "/acknowledge", s.patientId());
            }
            Plan planned = now.plan();
            List<String> read = planned.warnings().stream().filter(w -> w.severity() != Severity.INFO)
                    .map(w -> w.code().name()).toList();
            sessions.start(h, nurse, s.id(), new Commands.Start(read, Optional.empty()));
            sessions.recordVitals(h, nurse, s.id(), new Commands.Vitals(start, 124.0, 78.0, 72.0, 98.0, 36.8));
            if (s.procedureType().onSeparator()) {
                sessions.recordAccess(h, nurse, s.id(), new Commands.RecordAccess(start, Vocabulary.AccessKind.PERIPHERAL,
                        "left antecubital (draw), right forearm (return)", Optional.of(nurse.username()),
                        Optional.of(LocalDate.ofInstant(start, zone)), Optional.empty()));
            }
            audited(h, nurse, "/api/sessions/" + s.id() + "/start", s.patientId());
            return sessions.record(h, s.id()).plan();
        });
        double durationMin = plan.durationMin();
        Instant end = start.plus(Duration.ofSeconds(Math.round(durationMin * 60)));
        double processed = plan.processedVolumeMl() == null ? 0 : plan.processedVolumeMl();
        double removed = plan.exchangeVolumeMl() != null ? plan.exchangeVolumeMl()
                : plan.collected() != null && plan.collected().productVolumeMl() != null
                        ? plan.collected().productVolumeMl() : 0;
        double replacement = plan.replacement() == null ? 0 : plan.replacement().albuminMl()
                + plan.replacement().plasmaMl();
        Double inlet = plan.inletFlowMlPerMin();
        Double ac = plan.acFlowMlPerMin();
        int steps = s.procedureType().onSeparator() ? (int) Math.max(1, Math.ceil(durationMin / 15)) : 0;
        for (int i = 1; i <= steps; i++) {
            double f = Math.min(1, i * 15 / durationMin);
            Instant t = start.plus(Duration.ofSeconds(Math.round(Math.min(i * 15, durationMin) * 60)));
            clock.set(t);
            Commands.Sample sample = new Commands.Sample(t, Vocabulary.RunValueSource.MACHINE, inlet, ac, null, null,
                    processed * f, plan.anticoagulant() == null ? null : plan.anticoagulant().volumeMl() * f,
                    removed * f, replacement * f, plan.fluidBalance() == null ? null : plan.fluidBalance().netMl() * f);
            jdbi.useTransaction(h -> sessions.recordRunValues(h, nurse, s.id(), List.of(sample), false));
            if (day == -2 && i == 3) {
                jdbi.useTransaction(h -> sessions.reportAdverseEvent(h, nurse, s.id(),
                        new Commands.ReportAdverseEvent(t, Vocabulary.AdverseEventType.CITRATE_REACTION,
                                Vocabulary.Grade.MILD, Optional.of("inlet flow reduced; oral calcium"), false,
                                Optional.of("perioral tingling, resolved in 10 min"))));
                jdbi.useTransaction(h -> sessions.recordNote(h, nurse, s.id(), new Commands.Note(t,
                        "Perioral tingling at 45 min: inlet reduced by 10 mL/min, oral calcium given; resolved.")));
            }
            if (i == 2) {
                jdbi.useTransaction(h -> sessions.recordNote(h, nurse, s.id(), new Commands.Note(t,
                        "Flows stable, access drawing well; patient comfortable.")));
            }
        }
        clock.set(end);
        if (plan.infusion() != null) {
            jdbi.useTransaction(h -> sessions.recordFluid(h, nurse, s.id(), new Commands.GiveFluid(end,
                    Vocabulary.Fluid.IVIG, plan.infusion().mlPerDay())));
        }
        if (plan.replacement() != null && plan.replacement().albuminMl() > 0) {
            jdbi.useTransaction(h -> sessions.recordFluid(h, nurse, s.id(), new Commands.GiveFluid(end,
                    Vocabulary.Fluid.ALBUMIN_5, plan.replacement().albuminMl())));
        }
        if (plan.replacement() != null && plan.replacement().plasmaMl() > 0) {
            // the demo's plasma is fresh frozen plasma in bags of about DEMO_PLASMA_UNIT_ML (an example volume, not a
            // standard: the nurse counts the bags)
            double ml = plan.replacement().plasmaMl();
            int units = (int) Math.ceil(ml / DEMO_PLASMA_UNIT_ML);
            jdbi.useTransaction(h -> sessions.recordFluid(h, nurse, s.id(), new Commands.GiveFluid(end,
                    Vocabulary.Fluid.PLASMA_FFP, ml, java.util.OptionalInt.of(units))));
        }
        endOfRun(s, nurse, plan, end);
        jdbi.useTransaction(h -> {
            sessions.recordVitals(h, nurse, s.id(), new Commands.Vitals(end, 118.0, 74.0, 76.0, 97.0, 36.9));
            sessions.complete(h, nurse, s.id(), Optional.empty());
            audited(h, nurse, "/api/sessions/" + s.id() + "/complete", s.patientId());
        });
    }

    /**
     * At the end of a past run: the post-procedure labs (the plan's predicted values, so the demo's record reads as
     * the plan foresaw) and, for a collection, the product measured from the plan's collected cells (made-up demo
     * figures, 95 % of the plan).
     */
    private void endOfRun(SessionRecord s, Actor nurse, Plan plan, Instant end) {
        Map<String, Double> post = new LinkedHashMap<>();
        for (Map.Entry<String, Plan.Prediction> e : plan.predicted().entrySet()) {
            org.openapheresis.patient.Analyte a = java.util.Arrays.stream(org.openapheresis.patient.Analyte.values())
                    .filter(x -> x.predictedName().equals(e.getKey())).findFirst().orElse(null);
            if (a != null) {
                post.put(a.field(), Math.round(e.getValue().post() * 100) / 100.0);
            }
        }
        Instant labsAt = end.plus(Duration.ofMinutes(10));
        clock.set(labsAt);
        if (!post.isEmpty()) {
            jdbi.useTransaction(h -> sessions.recordLabs(h, nurse, s.id(), new Commands.Labs(labsAt,
                    org.openapheresis.server.patient.LabPhase.POST, post)));
        }
        Plan.Collected c = plan.collected();
        if (c != null && c.productVolumeMl() != null && c.productVolumeMl() > 0) {
            double v = c.productVolumeMl();
            Double cd34 = c.cd34Cells() == null ? null : Math.round(0.95 * c.cd34Cells() / (v * 1000)) * 1.0;
            Double cd3 = c.cd3Cells() == null ? null : Math.round(0.95 * c.cd3Cells() / (v * 1000)) * 1.0;
            Double neutrophils = c.granulocytes() == null ? null : Math.round(0.95 * c.granulocytes() / (v * 1e6)) * 1.0;
            Double wbc = c.wbcCells() == null ? null : Math.round(0.95 * c.wbcCells() / (v * 1e6)) * 1.0;
            jdbi.useTransaction(h -> sessions.recordProduct(h, nurse, s.id(), new Commands.MeasureProduct(labsAt,
                    Math.round(v), cd34, cd3, wbc, neutrophils, s.procedureType()
                            == org.openapheresis.procedure.ProcedureType.GRANULOCYTE_COLLECTION ? 7.4 : 2.0)));
        }
    }

    private static final Actor LAB = new Actor("lab.fischer", Role.LAB);
    private static final Actor LAB_SECOND = new Actor("lab.weber", Role.LAB);

    /**
     * The lab's products: the myeloma patient's autologous HPC frozen in the freezer; the DLI donor's lymphocytes
     * divided into three dose aliquots, the first infused to her brother on the day, two frozen; this morning's
     * granulocytes released, irradiated and issued. Each step by the staff who would do it, at the time it happens.
     */
    private void products(Instant now, List<SessionRecord> auto, List<SessionRecord> dli, PatientRecord dliRecipient,
            List<SessionRecord> gran, PatientRecord granRecipient, List<String> notes) {
        org.openapheresis.server.dli.DliScheduleService dliSchedules = new org.openapheresis.server.dli
                .DliScheduleService(new org.openapheresis.server.dli.DliScheduleStore(), orders, patients, followUps,
                products, clock);
        Actor admin = new Actor("admin", Role.ADMIN);
        jdbi.useTransaction(h -> products.setFacility(h, admin, "A9999", "OpenApheresis demo unit (the standard's "
                + "example facility A9999)"));
        // the liquid nitrogen tank, kept in the vapour phase between -196 and -150 °C (the unit's own limits)
        clock.set(now.minus(Duration.ofDays(6)));
        String tank = jdbi.inTransaction(h -> products.createUnit(h, LAB, "LN2-1", "ln2", -196, -150)).unit().id();
        // laid out in 9 x 9 cryoboxes (positions A1 to I9): the boxes the demo's products go into, and a spare
        jdbi.useTransaction(h -> {
            for (String box : List.of("rack 2 / box 5", "rack 4 / box 1", "rack 4 / box 2")) {
                products.addContainer(h, LAB, tank, box, 9, 9);
                audited(h, LAB, "/api/storage-units/" + tank + "/containers", null);
            }
        });
        // a refrigerator for fresh products awaiting processing (2-8 °C), two shelves of six places
        jdbi.useTransaction(h -> {
            String fridge = products.createUnit(h, LAB, "FRIDGE-1", "refrigerator", 2, 8).unit().id();
            audited(h, LAB, "/api/storage-units", null);
            for (String shelf : List.of("shelf 1", "shelf 2")) {
                products.addContainer(h, LAB, fridge, shelf, 1, 6);
                audited(h, LAB, "/api/storage-units/" + fridge + "/containers", null);
            }
        });
        if (!auto.isEmpty() && auto.get(0).endedAt().isPresent()) {
            Instant t = auto.get(0).endedAt().get().plus(Duration.ofMinutes(40));
            String id = made(products, auto.get(0), Optional.empty(), "S1128", t, t.plus(Duration.ofDays(2)), "O", "pos");
            released(products, id, t);
            step(products, LAB, id, org.openapheresis.server.product.ProductEvent.EventType.CRYOPRESERVED,
                    t.plus(Duration.ofHours(3)), Optional.empty(), Optional.of(-90.0), Optional.of(10.0),
                    Optional.of("controlled-rate freezer CRF-1, run 2261: -1 °C/min to -40 °C, -10 °C/min to -90 °C"),
                    Optional.of(t.plus(Duration.ofDays(3650))), Optional.empty(), List.of());
            step(products, LAB, id, org.openapheresis.server.product.ProductEvent.EventType.STORED,
                    t.plus(Duration.ofHours(4)), Optional.of("LN2-1 / rack 2 / box 5 / A1"), Optional.of(-180.0),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of());
        }
        if (!dli.isEmpty()) {
            // the physician orders the escalating schedule on the signed collection order before the collection:
            // the order's three doses, the first on the day of the collection, each next six weeks after the dose
            // before it (an EXAMPLE of the 4-8 weeks schemes use; the intervals are the physician's)
            SessionRecord s = dli.get(0);
            clock.set(s.plannedStart().minus(Duration.ofHours(2)));
            jdbi.useTransaction(h -> {
                var v = dliSchedules.create(h, PHYSICIAN, s.orderId(), new org.openapheresis.server.dli.DliScheduleService
                        .NewSchedule(dliRecipient.id(), LocalDate.ofInstant(s.plannedStart(), zone), List.of(
                                new org.openapheresis.server.dli.DliScheduleService.NewDose(Optional.empty(),
                                        java.util.OptionalInt.empty()),
                                new org.openapheresis.server.dli.DliScheduleService.NewDose(Optional.empty(),
                                        java.util.OptionalInt.of(42)),
                                new org.openapheresis.server.dli.DliScheduleService.NewDose(Optional.empty(),
                                        java.util.OptionalInt.of(42)))));
                audited(h, PHYSICIAN, "/api/orders/" + s.orderId() + "/dli-schedule", v.schedule().recipientId());
            });
        }
        if (!dli.isEmpty() && dli.get(0).endedAt().isPresent()) {
            SessionRecord s = dli.get(0);
            Instant t = s.endedAt().get().plus(Duration.ofMinutes(30));
            String id = made(products, s, Optional.of(dliRecipient.id()), "DEX01", t, t.plus(Duration.ofHours(24)), "A",
                    "pos");
            released(products, id, t);
            var parent = jdbi.withHandle(h -> products.find(h, id)).orElseThrow();
            // doses of 1, 5 and 10 x 10^6 CD3+/kg for the recipient's 60 kg, from the bag's CD3+ count; the last
            // aliquot takes what is left when the bag holds less than the three doses
            List<Double> volumes = new ArrayList<>();
            double left = parent.volumeMl();
            for (double dose : List.of(1e6, 5e6, 1e7)) {
                double v = Math.min(left, Math.round(10 * dose * dliRecipient.weightKg().getAsDouble()
                        / (parent.cd3PerUl().orElse(1.0) * 1000)) / 10.0);
                volumes.add(v);
                left -= v;
            }
            if (volumes.stream().mapToDouble(Double::doubleValue).sum() <= parent.volumeMl()) {
                var divided = step(products, LAB, id, org.openapheresis.server.product.ProductEvent.EventType.DIVIDED,
                        t.plus(Duration.ofMinutes(50)), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), volumes);
                List<String> doses = divided.children();
                Instant issue = t.plus(Duration.ofMinutes(70));
                step(products, LAB, doses.get(0), org.openapheresis.server.product.ProductEvent.EventType.ISSUED, issue,
                        Optional.of("Haematology ward, bed 3"), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.of(false), List.of());
                Instant infused = issue.plus(Duration.ofMinutes(40));
                clock.set(infused);
                var dose1 = jdbi.withHandle(h -> products.find(h, doses.get(0))).orElseThrow();
                jdbi.useTransaction(h -> products.infuse(h, new Actor("nurse.tanaka", Role.NURSE), dose1.id(),
                        new org.openapheresis.server.product.ProductService.Infusion(dliRecipient.id(), dose1.dinPrinted(),
                                infused, Optional.empty(), new org.openapheresis.server.product.ProductService.Observed(
                                        Optional.of(vitals(124, 76, 72, 98, 36.7)),
                                        Optional.of(vitals(121, 74, 76, 98, 36.9)), Optional.empty()), false, false),
                        dose1.din()));
                for (int i = 1; i < doses.size(); i++) {
                    String dose = doses.get(i);
                    step(products, LAB, dose, org.openapheresis.server.product.ProductEvent.EventType.CRYOPRESERVED,
                            t.plus(Duration.ofHours(2)), Optional.empty(), Optional.of(-90.0), Optional.of(7.5),
                            Optional.of("controlled-rate freezer CRF-1, run 2259"), Optional.of(t.plus(Duration.ofDays(3650))),
                            Optional.empty(), List.of());
                    step(products, LAB, dose, org.openapheresis.server.product.ProductEvent.EventType.STORED,
                            t.plus(Duration.ofHours(3)), Optional.of("LN2-1 / rack 4 / box 1 / B" + i), Optional.of(-180.0),
                            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of());
                }
            } else {
                notes.add("the DLI product holds too little for its three doses: not divided");
            }
        }
        // its log: a reading every 12 hours, and one excursion yesterday (the lid left open during a retrieval)
        List<org.openapheresis.server.product.ProductService.NewReading> log = new ArrayList<>();
        Instant r = now.minus(Duration.ofDays(5)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        int n = 0;
        while (r.isBefore(now.minus(Duration.ofMinutes(30)))) {
            log.add(new org.openapheresis.server.product.ProductService.NewReading(r, n == 8 ? -141.5
                    : -186 + (n % 3) * 0.8));
            r = r.plus(Duration.ofHours(12));
            n++;
        }
        clock.set(now.minus(Duration.ofMinutes(25)));
        jdbi.useTransaction(h -> products.recordReadings(h, LAB, tank, log));
        if (!gran.isEmpty() && gran.get(0).endedAt().isPresent()) {
            SessionRecord s = gran.get(0);
            Instant t = s.endedAt().get().plus(Duration.ofMinutes(20));
            String id = made(products, s, Optional.of(granRecipient.id()), "DEX02", t, s.endedAt().get()
                    .plus(Duration.ofHours(23)), "O", "neg");
            released(products, id, t);
            step(products, LAB, id, org.openapheresis.server.product.ProductEvent.EventType.ISSUED,
                    Collections.min(List.of(now.minus(Duration.ofMinutes(20)), t.plus(Duration.ofMinutes(45)))),
                    Optional.of("Haematology ward, bed 7"), Optional.of(22.0), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.of(true), List.of());
        }
    }

    private String made(org.openapheresis.server.product.ProductService products, SessionRecord s,
            Optional<String> recipient, String code, Instant at, Instant expires, String abo, String rh) {
        clock.set(at);
        return jdbi.inTransaction(h -> {
            var v = products.create(h, LAB, new org.openapheresis.server.product.ProductService.NewProduct(s.id(),
                    recipient, code, Optional.empty(), expires, "ACD-A", Optional.of(97.0), Optional.of(abo),
                    Optional.of(rh)));
            audited(h, LAB, "/api/products/" + v.product().id(), v.product().recipientId());
            return v.product().id();
        });
    }

    /** Prepared by one scientist and verified by the other, as a release must be. */
    private void released(org.openapheresis.server.product.ProductService products, String id, Instant t) {
        step(products, LAB, id, org.openapheresis.server.product.ProductEvent.EventType.RELEASE_PREPARED,
                t.plus(Duration.ofMinutes(10)), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of());
        step(products, LAB_SECOND, id, org.openapheresis.server.product.ProductEvent.EventType.RELEASE_VERIFIED,
                t.plus(Duration.ofMinutes(20)), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of());
    }

    private org.openapheresis.server.product.Product.View step(org.openapheresis.server.product.ProductService products,
            Actor by, String id, org.openapheresis.server.product.ProductEvent.EventType type, Instant at,
            Optional<String> location, Optional<Double> temperatureC, Optional<Double> dmso, Optional<String> freezing,
            Optional<Instant> expires, Optional<Boolean> irradiated, List<Double> aliquots) {
        clock.set(at);
        Optional<String> place = type == org.openapheresis.server.product.ProductEvent.EventType.ISSUED ? Optional.empty()
                : location;
        Optional<String> issuedTo = type == org.openapheresis.server.product.ProductEvent.EventType.ISSUED ? location
                : Optional.empty();
        return jdbi.inTransaction(h -> {
            var v = products.record(h, by, id, new org.openapheresis.server.product.ProductService.Step(type, at, place,
                    temperatureC, Optional.empty(), dmso, freezing, expires, irradiated, issuedTo, aliquots,
                    Optional.empty(), org.openapheresis.server.product.ProductService.Processing.NONE));
            audited(h, by, "/api/products/" + id + "/events", v.product().recipientId());
            return v;
        });
    }

    /**
     * A man after an allogeneic HPC transplant with chronic GVHD: assessed moderate ten weeks ago (skin 2, mouth 1,
     * eyes 1), offline photopheresis ordered and signed the next day naming that assessment as its indication, and
     * assessed mild two weeks ago (skin 1, mouth 1). The order's sessions are left to the coordinator to book.
     * Returns the patient.
     */
    private PatientRecord chronicGvhd(Instant now, List<String> notes) {
        PatientRecord p = patient("MRN-106204", "Lars", "Holm", LocalDate.of(1974, 4, 18), Sex.MALE, 176, 72,
                List.of(), List.of("prednisolone (tapering)", "ciclosporin"), false, false,
                labs(35, 160, Map.of("ionizedCalciumMmolPerL", 1.15)), PatientKind.PATIENT,
                now.minus(Duration.ofDays(72)));
        Instant moderateAt = now.minus(Duration.ofDays(70));
        String treated = assess(p, moderateAt, org.openapheresis.gvhd.ChronicOrganScores.of(2, 1, 1, 0, 0, 0, 0, 0),
                "sclerotic skin features on the trunk; lichen-planus-like changes of the buccal mucosa; dry eyes");
        clock.set(moderateAt.plus(Duration.ofDays(1)));
        Map<String, Object> procedure = new LinkedHashMap<>();
        procedure.put("type", "photopheresis");
        procedure.put("device", "continuous-flow");
        procedure.put("method", "offline");
        procedure.put("processedVolumeMl", 1500);
        procedure.put("inletFlowMlPerMin", 40);
        procedure.put("treatmentVolumeMl", 240);
        procedure.put("regimen", "asfa-cgvhd");
        procedure.put("cycleIntervalWeeks", 2);
        procedure.put("taperCycles", 3);
        try {
            NewOrder cmd = new NewOrder(p.id(), Optional.of(new Indication("D89.81", "Chronic GVHD after allogeneic HPC "
                    + "transplant, steroid-dependent", Optional.of("graft-versus-host-disease-chronic-ecp"),
                    Optional.empty(), Optional.of(treated))), PlanRequestReader.readProcedure(procedure, "procedure"),
                    OptionalDouble.empty(), Optional.empty());
            jdbi.useTransaction(h -> {
                OrderRecord o = orders.create(h, PHYSICIAN, cmd);
                audited(h, PHYSICIAN, "/api/orders/" + o.id(), p.id());
                orders.sign(h, PHYSICIAN, o.id(), Optional.empty(), o.warnings().stream().map(w -> w.code().name())
                        .distinct().toList());
                audited(h, PHYSICIAN, "/api/orders/" + o.id() + "/sign", p.id());
            });
        } catch (InvalidInputException e) {
            notes.add("no photopheresis order for " + p.givenName() + " " + p.familyName() + ": " + e.getMessage());
        }
        assess(p, now.minus(Duration.ofDays(14)), org.openapheresis.gvhd.ChronicOrganScores.of(1, 1, 0, 0, 0, 0, 0, 0),
                "skin softer; mouth unchanged; eyes without symptoms on drops");
        return p;
    }

    /** A chronic GVHD assessment by the physician at that time; returns its id. */
    private String assess(PatientRecord p, Instant at, org.openapheresis.gvhd.ChronicOrganScores scores, String note) {
        clock.set(at.plus(Duration.ofMinutes(30)));
        return jdbi.inTransaction(h -> {
            String id = chronicGvhd.record(h, PHYSICIAN, p.id(), new org.openapheresis.server.followup.ChronicGvhdService
                    .NewAssessment(at, scores, Optional.of(note))).id();
            audited(h, PHYSICIAN, "/api/patients/" + p.id() + "/chronic-gvhd", p.id());
            return id;
        });
    }

    private void audited(Handle h, Actor who, String resource, String patientId) {
        audit.append(h, who.username(), "demo.seed", resource, patientId, "success");
    }

    /** Whether the unit is closed on the day: by its standard opening hours (Sunday), or by the demo's closure. */
    private boolean closed(LocalDate day) {
        return closures.contains(day) || UnitRules.standard(day, zone).hoursOn(day).isEmpty();
    }

    /** The demo unit seats each separator's patient in the chair of the same number (Optia-2: Chair 2). */
    private static String chairBeside(String machine) {
        return "Chair " + machine.substring(machine.lastIndexOf('-') + 1);
    }

    /**
     * The first start on a machine's day at or after 08:30, after the sessions already seeded on it, in 15 min
     * steps: the demo books each machine the way the scheduler allows.
     */
    private Instant firstFreeSlot(String machine, LocalDate day, double durationMin) {
        Instant start = day.atTime(LocalTime.of(8, 30)).atZone(zone).toInstant();
        Instant free = machineFreeAt.getOrDefault(machine + "/" + day, start);
        while (start.isBefore(free)) {
            start = start.plus(Duration.ofMinutes(15));
        }
        machineFreeAt.put(machine + "/" + day, start.plus(MachineBookings.occupies(durationMin)));
        return start;
    }

    /** Vital signs a nurse measured at the bedside (mmHg, mmHg, per minute, %, °C). */
    private static org.openapheresis.server.product.ProductService.Vitals vitals(double systolic, double diastolic,
            double pulse, double spo2, double temperature) {
        return new org.openapheresis.server.product.ProductService.Vitals(Optional.of(systolic), Optional.of(diastolic),
                Optional.of(pulse), Optional.of(spo2), Optional.of(temperature));
    }
}
