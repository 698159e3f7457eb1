package org.openapheresis.server.patient;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.openapheresis.patient.Patient;
import org.openapheresis.server.auth.Role;
import org.openapheresis.server.db.Ids;
import org.openapheresis.server.db.Times;
import org.openapheresis.server.http.Call;
import org.openapheresis.server.http.FieldKey;
import org.openapheresis.server.http.FieldProblem;
import org.openapheresis.server.http.Fields;
import org.openapheresis.server.http.HttpProblem;

/**
 * {@code /api/patients}: register, read, edit (optimistic locking) and the lab history. The billing role sees
 * demographics and coverage only.
 */
public final class PatientHandlers {

    /** Oldest accepted age at birth date, years. */
    public static final int MAX_AGE_YEARS = (int) Patient.AGE_YEARS.high();
    /** Most patients one list call returns. */
    public static final int MAX_LIST = 500;

    private final Jdbi jdbi;
    private final PatientStore store;
    private final Clock clock;

    public PatientHandlers(Jdbi jdbi, PatientStore store, Clock clock) {
        this.jdbi = jdbi;
        this.store = store;
        this.clock = clock;
    }

    /** What a request body says about a person. */
    record Input(String kind, String mrn, String givenName, String familyName, LocalDate birthDate, String sex,
            Double heightCm, Double weightKg, Map<String, String> coverage, List<String> allergies,
            List<String> medications, boolean aceInhibitor, boolean plasmaAllergy, Map<String, Double> labs,
            Optional<Instant> labsTakenAt, Optional<Integer> version) {
    }

    Input read(Fields f, boolean forUpdate) {
        String kind = f.oneOf("kind", false, List.of("patient", "donor")).orElse("patient");
        String mrn = f.text("mrn", true, 64).orElse(null);
        String given = f.text("givenName", true, 200).orElse(null);
        String family = f.text("familyName", true, 200).orElse(null);
        LocalDate birth = f.date("birthDate", true).orElse(null);
        LocalDate today = LocalDate.now(clock);
        if (birth != null && birth.isAfter(today)) {
            f.add("birthDate", FieldKey.IN_THE_FUTURE, birth);
            birth = null;
        } else if (birth != null && birth.isBefore(today.minusYears(MAX_AGE_YEARS + 1L))) {
            f.add("birthDate", FieldKey.INVALID, "gives an age above " + MAX_AGE_YEARS + " years");
            birth = null;
        }
        String sex = f.oneOf("sex", true, List.of("male", "female")).orElse(null);
        Double height = f.number("heightCm", false, Patient.HEIGHT_CM).orElse(null);
        Double weight = f.number("weightKg", false, Patient.WEIGHT_KG).orElse(null);
        Map<String, String> coverage = new LinkedHashMap<>();
        f.object("coverage", false).ifPresent(c -> {
            c.text("payer", false, 200).ifPresent(v -> coverage.put("payer", v));
            c.text("memberId", false, 100).ifPresent(v -> coverage.put("memberId", v));
            c.text("plan", false, 200).ifPresent(v -> coverage.put("plan", v));
            c.rejectUnknown();
        });
        List<String> allergies = f.texts("allergies", false, 50, 200).orElse(List.of());
        List<String> medications = f.texts("medications", false, 100, 200).orElse(List.of());
        boolean ace = f.bool("aceInhibitor", false).orElse(false);
        boolean plasmaAllergy = f.bool("plasmaAllergy", false).orElse(false);
        Map<String, Double> labs = f.object("labs", false).map(PatientHandlers::labs).orElse(Map.of());
        Optional<Instant> takenAt = f.time("labsTakenAt", false);
        Optional<Integer> version = forUpdate ? f.integer("version", false, 1, Integer.MAX_VALUE) : Optional.empty();
        f.allow("id", "labsHistory", "createdAt", "createdBy", "updatedAt", "updatedBy");
        f.rejectUnknown();
        f.throwIfProblems("the patient record has invalid values");
        return new Input(kind, mrn, given, family, birth, sex, height, weight, coverage, allergies, medications, ace,
                plasmaAllergy, labs, takenAt, version);
    }

    /** Reads a {@code labs} object: contract field name to value, each in its plausible range. */
    public static Map<String, Double> labs(Fields f) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (LabField lab : LabField.all()) {
            f.number(lab.field(), false, lab.range()).ifPresent(v -> values.put(lab.field(), v));
        }
        f.rejectUnknown();
        return values;
    }

    public void list(Call call) {
        List<PatientRecord> found = jdbi.withHandle(h -> store.search(h, call.query("q"), MAX_LIST));
        call.answer(found.stream().map(p -> view(call, p)).toList());
    }

    public void get(Call call) {
        String id = call.param("id");
        call.concerns(id);
        PatientRecord p = jdbi.withHandle(h -> store.find(h, id)).orElseThrow(() -> HttpProblem.notFound("patient"));
        call.answer(view(call, p));
    }

    public void create(Call call) {
        Input in = read(call.fields(), false);
        Instant now = Times.now(clock);
        String id = Ids.next();
        PatientRecord created = call.write(id, h -> {
            if (store.mrnTaken(h, in.mrn(), null)) {
                throw taken(in.mrn());
            }
            PatientRecord p = new PatientRecord(id, 1, in.kind(), in.mrn(), in.givenName(), in.familyName(),
                    in.birthDate(), in.sex(), in.heightCm(), in.weightKg(), in.coverage(), in.allergies(),
                    in.medications(), in.aceInhibitor(), in.plasmaAllergy(), Map.of(), now,
                    call.who().username(), now, call.who().username());
            store.insert(h, p);
            if (!in.labs().isEmpty()) {
                store.addLabs(h, id, null, in.labsTakenAt().orElse(now), "baseline", in.labs(), now,
                        call.who().username());
            }
            return store.find(h, id).orElseThrow();
        });
        call.answer(view(call, created));
    }

    public void update(Call call) {
        String id = call.param("id");
        call.concerns(id);
        Input in = read(call.fields(), true);
        int expected = call.ifMatch().or(in::version).orElseThrow(() -> HttpProblem.invalid(
                "the version you edited is needed", List.of(new FieldProblem("version", FieldKey.REQUIRED.name(),
                        "is required (or send the If-Match header)"))));
        Instant now = Times.now(clock);
        PatientRecord updated = call.write(id, h -> {
            PatientRecord current = store.find(h, id).orElseThrow(() -> HttpProblem.notFound("patient"));
            if (current.version() != expected) {
                throw HttpProblem.staleVersion(current.version(), current.full());
            }
            if (store.mrnTaken(h, in.mrn(), id)) {
                throw taken(in.mrn());
            }
            PatientRecord next = new PatientRecord(id, expected + 1, in.kind(), in.mrn(), in.givenName(),
                    in.familyName(), in.birthDate(), in.sex(), in.heightCm(), in.weightKg(), in.coverage(),
                    in.allergies(), in.medications(), in.aceInhibitor(), in.plasmaAllergy(), Map.of(),
                    current.createdAt(), current.createdBy(), now, call.who().username());
            if (!store.update(h, next, expected)) {
                PatientRecord now2 = store.find(h, id).orElseThrow();
                throw HttpProblem.staleVersion(now2.version(), now2.full());
            }
            Map<String, Double> changed = new LinkedHashMap<>();
            in.labs().forEach((k, v) -> {
                if (!v.equals(current.labs().get(k))) {
                    changed.put(k, v);
                }
            });
            if (!changed.isEmpty()) {
                store.addLabs(h, id, null, in.labsTakenAt().orElse(now), "baseline", changed, now,
                        call.who().username());
            }
            return store.find(h, id).orElseThrow();
        });
        call.answer(view(call, updated));
    }

    public void labs(Call call) {
        String id = call.param("id");
        call.concerns(id);
        var history = jdbi.withHandle(h -> {
            store.find(h, id).orElseThrow(() -> HttpProblem.notFound("patient"));
            return store.labHistory(h, id);
        });
        call.answer(history);
    }

    private static HttpProblem taken(String mrn) {
        return HttpProblem.invalid("the patient record has invalid values",
                List.of(new FieldProblem("mrn", FieldKey.TAKEN.name(), FieldKey.TAKEN.format(mrn))));
    }

    private static Map<String, Object> view(Call call, PatientRecord p) {
        return call.who().role() == Role.BILLING ? p.demographics() : p.full();
    }

    /** Loads a patient inside a handle, or 404. */
    public PatientRecord require(Handle h, String id) {
        return store.find(h, id).orElseThrow(() -> HttpProblem.notFound("patient"));
    }
}
