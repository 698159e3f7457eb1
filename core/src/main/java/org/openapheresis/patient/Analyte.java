package org.openapheresis.patient;

import org.openapheresis.system.Range;

/**
 * A laboratory quantity the planner reads or predicts, with its contract field name, its unit and the
 * range of values a living patient can have (wide on purpose: the ranges refuse typing and unit errors,
 * not disease).
 */
public enum Analyte {
    /** White cells, 10^9/L. Up to 1000 to admit extreme hyperleukocytosis (CLL can exceed 500). */
    WBC("wbcE9PerL", "wbc", "10^9/L", Range.of(0, 1000), "White cells"),
    /** Platelets, 10^9/L. */
    PLATELETS("plateletsE9PerL", "platelets", "10^9/L", Range.of(0, 3000), "Platelets"),
    /** Neutrophils, 10^9/L (G-CSF stimulated donors reach 20-40, McCullough). */
    NEUTROPHILS("neutrophilsE9PerL", "neutrophils", "10^9/L", Range.of(0, 300), "Neutrophils"),
    /** Lymphocytes, 10^9/L (CLL can be very high). */
    LYMPHOCYTES("lymphocytesE9PerL", "lymphocytes", "10^9/L", Range.of(0, 1000), "Lymphocytes"),
    /** CD34+ cells per microlitre. */
    CD34("cd34PerUl", "cd34", "/uL", Range.of(0, 5000), "CD34+ cells"),
    /** CD3+ cells per microlitre. */
    CD3("cd3PerUl", "cd3", "/uL", Range.of(0, 500000), "CD3+ cells"),
    /** Immunoglobulin G, g/L (myeloma can exceed 50). */
    IGG("iggGPerL", "igg", "g/L", Range.of(0, 150), "IgG"),
    /** Immunoglobulin M, g/L (Waldenstrom can exceed 50). */
    IGM("igmGPerL", "igm", "g/L", Range.of(0, 150), "IgM"),
    /** Fibrinogen, g/L. */
    FIBRINOGEN("fibrinogenGPerL", "fibrinogen", "g/L", Range.of(0, 15), "Fibrinogen"),
    /** Albumin, g/L. */
    ALBUMIN("albuminGPerL", "albumin", "g/L", Range.of(5, 70), "Albumin"),
    /** Ionised calcium, mmol/L. */
    IONIZED_CALCIUM("ionizedCalciumMmolPerL", "ionizedCalcium", "mmol/L", Range.of(0.4, 2.5), "Ionised calcium"),
    /** Haemoglobin S, percent of total haemoglobin (the HbS fraction); 0..100 because it is a share of a whole. */
    HBS("hbsPercent", "hbs", "%", Range.of(0, 100), "Haemoglobin S");

    private final String field;
    private final String predictedName;
    private final String unit;
    private final Range range;
    private final String displayName;

    Analyte(String field, String predictedName, String unit, Range range, String displayName) {
        this.displayName = displayName;
        this.field = field;
        this.predictedName = predictedName;
        this.unit = unit;
        this.range = range;
    }

    /** @return the request field in {@code patient.labs}, e.g. {@code iggGPerL} */
    public String field() {
        return field;
    }

    /** @return the key under {@code predicted} in the plan, e.g. {@code igg} */
    public String predictedName() {
        return predictedName;
    }

    /** @return the unit as shown to users, e.g. {@code g/L} */
    public String unit() {
        return unit;
    }

    /** @return the values a living patient can have, in {@link #unit()} */
    /** @return the name staff read, e.g. {@code White cells} */
    public String displayName() {
        return displayName;
    }

    public Range range() {
        return range;
    }
}
