package org.openapheresis.server.patient;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A person who is treated or who donates, as stored.
 *
 * @param id id
 * @param version optimistic-locking version
 * @param kind {@code patient} or {@code donor}
 * @param mrn medical record number, unique
 * @param givenName given name
 * @param familyName family name
 * @param birthDate date of birth
 * @param sex {@code male} or {@code female}
 * @param heightCm height, cm, or null when not measured
 * @param weightKg weight, kg, or null when not measured
 * @param coverage payer and member id (billing), may be empty
 * @param allergies allergies as recorded
 * @param medications current medications as recorded
 * @param aceInhibitor true when the person takes an ACE inhibitor (contraindication fact)
 * @param plasmaAllergy true when the person had an allergic reaction to plasma (contraindication fact)
 * @param labs latest lab values by contract field name (e.g. {@code hematocritPercent}, {@code plateletsE9PerL})
 * @param createdAt created
 * @param createdBy created by
 * @param updatedAt last changed
 * @param updatedBy last changed by
 */
public record PatientRecord(String id, int version, String kind, String mrn, String givenName, String familyName,
        LocalDate birthDate, String sex, Double heightCm, Double weightKg, Map<String, String> coverage,
        List<String> allergies, List<String> medications, boolean aceInhibitor, boolean plasmaAllergy,
        Map<String, Double> labs, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

    public PatientRecord {
        coverage = Map.copyOf(coverage);
        allergies = List.copyOf(allergies);
        medications = List.copyOf(medications);
        labs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labs));
    }

    /** Whole years of age on a date. */
    public int ageYears(LocalDate on) {
        return Period.between(birthDate, on).getYears();
    }

    public PatientRecord withLabs(Map<String, Double> latest) {
        return new PatientRecord(id, version, kind, mrn, givenName, familyName, birthDate, sex, heightCm, weightKg,
                coverage, allergies, medications, aceInhibitor, plasmaAllergy, latest, createdAt, createdBy,
                updatedAt, updatedBy);
    }

    /** What the billing role may see: demographics and coverage only. */
    public Map<String, Object> demographics() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("version", version);
        m.put("kind", kind);
        m.put("mrn", mrn);
        m.put("givenName", givenName);
        m.put("familyName", familyName);
        m.put("birthDate", birthDate);
        m.put("sex", sex);
        m.put("coverage", coverage);
        return m;
    }

    /** The full record for clinical roles. */
    public Map<String, Object> full() {
        Map<String, Object> m = demographics();
        m.put("heightCm", heightCm);
        m.put("weightKg", weightKg);
        m.put("allergies", allergies);
        m.put("medications", medications);
        m.put("aceInhibitor", aceInhibitor);
        m.put("plasmaAllergy", plasmaAllergy);
        m.put("labs", labs);
        m.put("createdAt", createdAt);
        m.put("createdBy", createdBy);
        m.put("updatedAt", updatedAt);
        m.put("updatedBy", updatedBy);
        return m;
    }
}
