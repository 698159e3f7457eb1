package org.openapheresis.patient;

/** How a total blood volume was obtained; the plan reports it as {@code bloodVolumeMethod}. */
public enum BloodVolumeMethod {
    /** Nadler, Hidalgo and Bloch, Surgery 1962;51:224-32: from sex, height and weight, 25 kg and up. */
    NADLER_1962("nadler-1962"),
    /** Weight times an age-dependent mL/kg, under 25 kg (nobra_calculator values, Gilcher and McCombs 2005). */
    WEIGHT_AND_AGE("weight-and-age"),
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
