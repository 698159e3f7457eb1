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
 */
public record ClinicalHistory(List<String> allergies, List<String> medications, boolean aceInhibitor,
        boolean plasmaAllergy) {

    public ClinicalHistory {
        allergies = List.copyOf(allergies);
        medications = List.copyOf(medications);
    }

    /** Nothing recorded. */
    public static ClinicalHistory none() {
        return new ClinicalHistory(List.of(), List.of(), false, false);
    }
}
