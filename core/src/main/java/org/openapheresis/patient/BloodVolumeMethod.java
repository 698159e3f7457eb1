package org.openapheresis.patient;

/** How a total blood volume was obtained; the plan reports it as {@code bloodVolumeMethod}. */
public enum BloodVolumeMethod {
    /** Nadler, Hidalgo and Bloch, Surgery 1962;51:224-32: from sex, height and weight (adults, from 16 years). */
    NADLER_1962("nadler-1962"),
    /** Linderkamp et al., Eur J Pediatr 1977;125:227: from weight and height by age group, children to 14 years. */
    LINDERKAMP_1977("linderkamp-1977"),
    /** Between 14 and 16 years: Linderkamp 1977 blended linearly into Nadler 1962, so the estimate has no step. */
    LINDERKAMP_TO_NADLER("linderkamp-1977-to-nadler-1962"),
    /** A measured value given in the request. */
    MEASURED("measured");

    private final String code;

    BloodVolumeMethod(String code) {
        this.code = code;
    }

    /** @return the contract's code, e.g. {@code nadler-1962} */
    public String code() {
        return code;
    }
}
