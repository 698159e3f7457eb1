package org.openapheresis.server.patient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.openapheresis.patient.ClinicalHistory;
import org.openapheresis.patient.Sex;

/**
 * What a person's record says, as entered (a new record or the new state of an edited one).
 *
 * @param kind patient or donor
 * @param mrn medical record number
 * @param givenName given name
 * @param familyName family name
 * @param birthDate date of birth
 * @param sex sex
 * @param heightCm height, cm, when measured
 * @param weightKg weight, kg, when measured
 * @param coverage payer and member id
 * @param history allergies, medications, contraindication facts
 * @param labs lab values entered with the record, by contract field name
 * @param labsTakenAt when those labs were taken (empty: now)
 */
public record PatientDraft(PatientKind kind, String mrn, String givenName, String familyName, LocalDate birthDate,
        Sex sex, OptionalDouble heightCm, OptionalDouble weightKg, Coverage coverage, ClinicalHistory history,
        Map<String, Double> labs, Optional<Instant> labsTakenAt) {

    public PatientDraft {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mrn, "mrn");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(coverage, "coverage");
        Objects.requireNonNull(history, "history");
        labs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labs));
        for (Map.Entry<String, Double> e : labs.entrySet()) {
            LabField f = LabField.of(e.getKey()).orElseThrow(() -> new IllegalArgumentException("no lab " + e.getKey()));
            f.range().require("labs." + f.field(), e.getValue());
        }
        Objects.requireNonNull(labsTakenAt, "labsTakenAt");
    }

    /** This draft's demographics with the clinical part of a record as it is (an edit of demographics only). */
    public PatientDraft withClinicalOf(PatientRecord current) {
        return new PatientDraft(kind, mrn, givenName, familyName, birthDate, sex, current.heightCm(),
                current.weightKg(), coverage, current.history(), Map.of(), Optional.empty());
    }
}
