package org.openapheresis.server.patient;

import static org.openapheresis.server.access.Permission.PATIENTS_READ;
import static org.openapheresis.server.access.Permission.PATIENTS_WRITE;
import static org.openapheresis.server.access.Permission.PATIENTS_CLINICAL_READ;
import static org.openapheresis.server.access.Permission.PATIENTS_CLINICAL_WRITE;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.openapheresis.contract.Node;
import org.openapheresis.patient.ClinicalHistory;
import org.openapheresis.patient.Patient;
import org.openapheresis.patient.Sex;
import org.openapheresis.server.http.Call;
import org.openapheresis.server.http.FeatureRoutes;
import org.openapheresis.server.http.FieldProblem;
import org.openapheresis.server.http.HttpProblem;
import org.openapheresis.server.http.Route;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Range;

/** {@code /api/patients}: parse, call one {@link PatientService} method, answer. */
public final class PatientRoutes implements FeatureRoutes {

    /** Oldest accepted age at birth date, years. */
    public static final int MAX_AGE_YEARS = (int) Patient.AGE_YEARS.high();

    private final PatientService patients;
    private final Clock clock;

    public PatientRoutes(PatientService patients, Clock clock) {
        this.patients = patients;
        this.clock = clock;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/api/patients", PATIENTS_READ, "List or search (?q=) patients and donors", this::list)
                        .audit(),
                Route.post("/api/patients", PATIENTS_WRITE, "Register a patient or donor", example(), this::create)
                        .audit().created(),
                Route.get("/api/patients/{id}", PATIENTS_READ, "A patient or donor (the clinical record for roles "
                        + "that read it; billing: demographics and coverage only)", this::get).audit(),
                Route.put("/api/patients/{id}", PATIENTS_WRITE, "Edit (If-Match or version; stale gives 409)",
                        withVersion(example()), this::update).audit()
                        .error(409, "stale version: the answer carries currentVersion and the current record"),
                Route.get("/api/patients/{id}/labs", PATIENTS_CLINICAL_READ, "Lab history, oldest first",
                        this::labs).audit(),
                Route.get("/api/patients/{id}/preferred-times", PATIENTS_READ, "The times the person prefers to come, "
                        + "one window per day of the week (none: no preference), and their revision; the week's "
                        + "planner weighs them", this::preferredTimes).audit(),
                Route.put("/api/patients/{id}/preferred-times", PATIENTS_WRITE, "Replace the times the person prefers "
                        + "to come (an empty list: no preference; a day left out is a day not preferred), naming the "
                        + "revision they were read at",
                        Map.of("preferredTimes", List.of(Map.of("day", "monday", "from", "08:00", "to", "12:00"),
                                Map.of("day", "thursday", "from", "13:00", "to", "17:00")), "revision",
                                "e3b0c44298fc1c14"), this::setPreferredTimes)
                        .audit().error(409, "PREFERRED_TIMES_CHANGED: changed since that revision; the answer carries "
                                + "currentRevision and current"));
    }

    private void list(Call call) {
        List<PatientRecord> found = call.read(h -> patients.search(h, call.query("q")));
        call.answer(found.stream().map(p -> view(call, p)).toList());
    }

    private void get(Call call) {
        String id = call.param("id");
        call.concerns(id);
        call.answer(view(call, call.read(h -> patients.require(h, id))));
    }

    /** The fields only clinical staff record. */
    static final List<String> CLINICAL_FIELDS = List.of("heightCm", "weightKg", "allergies", "medications",
            "aceInhibitor", "plasmaAllergy", "conditions", "labs", "labsTakenAt");

    /**
     * A caller who may not record clinical values (the coordinator) sends none: the record keeps its own. Sending
     * one is refused (403) naming the fields, never dropped in silence.
     */
    private static boolean clinical(Call call, Node body) {
        if (call.may(PATIENTS_CLINICAL_WRITE)) {
            return true;
        }
        List<FieldProblem> refused = CLINICAL_FIELDS.stream().filter(body::has)
                .map(k -> new FieldProblem(k, "NOT_ALLOWED", "your role may not record clinical values")).toList();
        if (!refused.isEmpty()) {
            throw new HttpProblem(403, "your role (" + call.who().role().code() + ") records demographics and "
                    + "coverage only; clinical values are recorded by a physician or nurse",
                    Map.of("problems", refused));
        }
        return false;
    }

    private void create(Call call) {
        Node body = call.body();
        clinical(call, body); // a coordinator registers demographics; the clinical values come from the staff
        PatientDraft d = draft(call, body, false).draft();
        call.answer(view(call, call.write(h -> {
            PatientRecord p = patients.create(h, call.actor(), d);
            call.concerns(p.id());
            return p;
        })));
    }

    private void update(Call call) {
        String id = call.param("id");
        call.concerns(id);
        Node body = call.body();
        boolean clinical = clinical(call, body);
        Read r = draft(call, body, true);
        int expected = call.requireVersion(r.version());
        call.answer(view(call, call.write(h -> patients.update(h, call.actor(), id, expected,
                clinical ? r.draft() : r.draft().withClinicalOf(patients.require(h, id))))));
    }

    private void labs(Call call) {
        String id = call.param("id");
        call.concerns(id);
        call.answer(call.read(h -> patients.labHistory(h, id)));
    }

    private void preferredTimes(Call call) {
        String id = call.param("id");
        call.concerns(id);
        call.answer(call.read(h -> patients.preferredTimesWithRevision(h, id)));
    }

    private void setPreferredTimes(Call call) {
        String id = call.param("id");
        call.concerns(id);
        Node f = call.body();
        List<Node> days = f.has("preferredTimes") && f.raw("preferredTimes") instanceof List<?> l && l.isEmpty()
                ? List.of() : f.objects("preferredTimes", true, 7).orElse(List.of());
        List<PreferredTime> windows = new java.util.ArrayList<>();
        for (Node d : days) {
            Optional<String> day = d.oneOf("day", true, PreferredTime.DAYS);
            Optional<java.time.LocalTime> from = timeOfDay(d, "from");
            Optional<java.time.LocalTime> to = timeOfDay(d, "to");
            d.rejectUnknown();
            if (day.isPresent() && from.isPresent() && to.isPresent()) {
                d.build(() -> new PreferredTime(day.get(), from.get(), to.get())).ifPresent(windows::add);
            }
        }
        if (windows.stream().map(PreferredTime::day).distinct().count() != windows.size()) {
            f.add("preferredTimes", MessageKey.INVALID, "a day is given twice");
        }
        Optional<String> revision = f.text("revision", true, 64);
        f.rejectUnknown();
        f.throwIfProblems();
        call.answer(call.write(h -> patients.setPreferredTimes(h, id, windows, revision.orElseThrow())));
    }

    /** A time of day, {@code HH:MM} (or {@code HH:MM:SS}, as the answers write it). */
    private static Optional<java.time.LocalTime> timeOfDay(Node f, String key) {
        return f.text(key, true, 8).flatMap(t -> {
            if (!t.matches("([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d)?")) {
                f.add(key, MessageKey.INVALID, t + " is not a time of day (HH:MM)");
                return Optional.empty();
            }
            return Optional.of(java.time.LocalTime.parse(t));
        });
    }

    private static Object view(Call call, PatientRecord p) {
        return call.may(PATIENTS_CLINICAL_READ) ? p : p.demographics();
    }

    /** A draft and the version it was edited from. */
    private record Read(PatientDraft draft, Optional<Integer> version) {
    }

    private Read draft(Call call, Node f, boolean forUpdate) {
        PatientKind kind = f.oneOf("kind", false, PatientKind.codes()).flatMap(PatientKind::fromCode)
                .orElse(PatientKind.PATIENT);
        String mrn = f.text("mrn", true, 64).orElse(null);
        String given = f.text("givenName", true, 200).orElse(null);
        String family = f.text("familyName", true, 200).orElse(null);
        LocalDate birth = f.date("birthDate", true).orElse(null);
        LocalDate today = LocalDate.now(clock);
        if (birth != null && birth.isAfter(today)) {
            f.add("birthDate", MessageKey.IN_THE_FUTURE, birth);
            birth = null;
        } else if (birth != null && birth.isBefore(today.minusYears(MAX_AGE_YEARS + 1L))) {
            f.add("birthDate", MessageKey.INVALID, "gives an age above " + MAX_AGE_YEARS + " years");
            birth = null;
        }
        Sex sex = f.oneOf("sex", true, List.of("male", "female")).flatMap(Sex::fromCode).orElse(null);
        OptionalDouble height = f.number("heightCm", Patient.HEIGHT_CM, false);
        OptionalDouble weight = f.number("weightKg", Patient.WEIGHT_KG, false);
        Coverage coverage = f.child("coverage", false).map(c -> {
            Coverage cov = new Coverage(c.text("payer", false, 200), c.text("memberId", false, 100),
                    c.text("plan", false, 200));
            c.rejectUnknown();
            return cov;
        }).orElse(Coverage.none());
        List<String> allergies = f.texts("allergies", false, 50, 200).orElse(List.of());
        List<String> medications = f.texts("medications", false, 100, 200).orElse(List.of());
        boolean ace = f.bool("aceInhibitor", false).orElse(false);
        boolean plasmaAllergy = f.bool("plasmaAllergy", false).orElse(false);
        List<String> conditions = f.texts("conditions", false, 50, 200).orElse(List.of());
        Map<String, Double> labs = f.child("labs", false).map(LabField::read).orElse(Map.of());
        Optional<java.time.Instant> takenAt = call.pastTime(f, "labsTakenAt", false);
        Optional<Integer> version = Optional.empty();
        if (forUpdate) {
            OptionalDouble v = f.number("version", Range.of(1, Integer.MAX_VALUE), false);
            version = v.isPresent() ? Optional.of((int) v.getAsDouble()) : Optional.empty();
        }
        f.allow("id", "labsHistory", "createdAt", "createdBy", "updatedAt", "updatedBy");
        f.rejectUnknown();
        if (!f.problems().isEmpty()) {
            throw new org.openapheresis.system.InvalidInputException("the patient record has invalid values",
                    f.problems());
        }
        return new Read(new PatientDraft(kind, mrn, given, family, birth, sex, height, weight, coverage,
                new ClinicalHistory(allergies, medications, ace, plasmaAllergy, conditions), labs, takenAt),
                version);
    }

    /** The example body of the OpenAPI document. */
    static Map<String, Object> example() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kind", "patient");
        p.put("mrn", "MRN-100234");
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
        p.put("conditions", List.of("relapsing-remitting multiple sclerosis"));
        p.put("coverage", Map.of("payer", "Regional Health Fund", "memberId", "RHF-100234"));
        p.put("labs", Map.of("hematocritPercent", 40, "plateletsE9PerL", 240, "iggGPerL", 10.5));
        p.put("labsTakenAt", "2026-03-01T08:00:00Z");
        return p;
    }

    private static Map<String, Object> withVersion(Map<String, Object> m) {
        Map<String, Object> v = new LinkedHashMap<>(m);
        v.put("version", 1);
        return v;
    }
}
