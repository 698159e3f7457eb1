package org.openapheresis.server.patient;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.openapheresis.patient.ClinicalHistory;
import org.openapheresis.patient.Sex;

/**
 * A person who is treated or who donates, as stored and as clinical roles read it (the billing role reads
 * {@link Demographics}).
 *
 * @param id id
 * @param version optimistic-locking version
 * @param kind patient or donor
 * @param mrn medical record number, unique
 * @param givenName given name
 * @param familyName family name
 * @param birthDate date of birth
 * @param sex sex
 * @param heightCm height, cm, when measured
 * @param weightKg weight, kg, when measured
 * @param coverage payer and member id (billing)
 * @param history allergies, medications and the contraindication facts (written flat: {@code allergies},
 *     {@code medications}, {@code aceInhibitor}, {@code plasmaAllergy}, {@code conditions})
 * @param labs latest lab values by contract field name (e.g. {@code hematocritPercent}, {@code plateletsE9PerL})
 * @param createdAt created
 * @param createdBy created by
 * @param updatedAt last changed
 * @param updatedBy last changed by
 */
public record PatientRecord(String id, int version, PatientKind kind, String mrn, String givenName, String familyName,
        LocalDate birthDate, Sex sex, OptionalDouble heightCm, OptionalDouble weightKg, Coverage coverage,
        @JsonUnwrapped ClinicalHistory history, Map<String, Double> labs, Instant createdAt, String createdBy,
        Instant updatedAt, String updatedBy) {

    public PatientRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mrn, "mrn");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(heightCm, "heightCm");
        Objects.requireNonNull(weightKg, "weightKg");
        Objects.requireNonNull(coverage, "coverage");
        Objects.requireNonNull(history, "history");
        labs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labs));
    }

    /** Whole years of age on a date. */
    public int ageYears(LocalDate on) {
        return Period.between(birthDate, on).getYears();
    }

    public PatientRecord withLabs(Map<String, Double> latest) {
        return new PatientRecord(id, version, kind, mrn, givenName, familyName, birthDate, sex, heightCm, weightKg,
                coverage, history, latest, createdAt, createdBy, updatedAt, updatedBy);
    }

    /** "Family, Given", as lists and the schedule show a person. */
    public String displayName() {
        return familyName + ", " + givenName;
    }

    /** What the billing role may see: demographics and coverage only. */
    public Demographics demographics() {
        return new Demographics(id, version, kind, mrn, givenName, familyName, birthDate, sex, coverage);
    }

    /**
     * The demographic part of a record.
     *
     * @param id id
     * @param version version
     * @param kind patient or donor
     * @param mrn MRN
     * @param givenName given name
     * @param familyName family name
     * @param birthDate date of birth
     * @param sex sex
     * @param coverage payer and member id
     */
    public record Demographics(String id, int version, PatientKind kind, String mrn, String givenName,
            String familyName, LocalDate birthDate, Sex sex, Coverage coverage) {
    }
}
