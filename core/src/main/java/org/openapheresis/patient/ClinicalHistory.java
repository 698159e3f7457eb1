package org.openapheresis.patient;

import java.util.List;

/**
 * What the patient's record says beyond the numbers a plan needs: allergies, medications and the facts the
 * candidacy checks read.
 *
 * @param allergies allergies as recorded
 * @param medications current medications as recorded
 * @param aceInhibitor true when the patient takes an ACE inhibitor
 * @param plasmaAllergy true when the patient had an allergic reaction to plasma
 * @param conditions diagnoses and past conditions as recorded (e.g. "systemic lupus erythematosus", "aphakia, left
 *     eye"); a record kept before this field existed reads as none
 */
public record ClinicalHistory(List<String> allergies, List<String> medications, boolean aceInhibitor,
        boolean plasmaAllergy, List<String> conditions) {

    public ClinicalHistory {
        allergies = List.copyOf(allergies);
        medications = List.copyOf(medications);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    /** Nothing recorded. */
    public static ClinicalHistory none() {
        return new ClinicalHistory(List.of(), List.of(), false, false, List.of());
    }
}
