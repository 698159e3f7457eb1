package org.openapheresis.isbt128;

import java.util.Optional;

/**
 * The type of product that the first character {@code α} of a Product Description Code selects (ST-001 v6.2.2
 * §2.4.3, mapping of α values; §5.1 Table 26), and how the last three characters {@code tds} of the Product Code
 * are read for it.
 *
 * @see <a href="https://www.isbt128.org">ICCBBA ST-001 v6.2.2 §2.4.3 and Table 26</a>
 */
public enum ProductFamily {
    /** E or F. */
    BLOOD_COMPONENTS,
    /** H. */
    MPHO_WITH_INN_OR_USAN_NAMES,
    /** M: human milk (M0001–M0999) and topical products of human origin (M9000–M9999). */
    OTHER_THERAPIES,
    /** N. */
    ORGANS,
    /** P. */
    REGENERATED_TISSUE,
    /** R. */
    REPRODUCTIVE_TISSUE_AND_CELLS,
    /** S. */
    CELLULAR_THERAPY,
    /** T. */
    TISSUES,
    /** V. */
    OCULAR_TISSUE,
    /** W. */
    FECAL_MICROBIOTA,
    /** X: plasma derivatives (X0), in vivo diagnostic MPHO (X5). */
    OTHER_BLOOD_PRODUCTS,
    /** Y: clinical trials products (YA to YZ), coded in a separate ICCBBA database. */
    CLINICAL_TRIALS,
    /** A to C: national codes. */
    NATIONAL,
    /** D: local or facility codes. */
    LOCAL;

    /** How {@code tds}, the 6th to 8th characters of a Product Code, are read (ST-001 §2.4.3). */
    public enum TdsLayout {
        /** {@code t} the type of collection (Table 7), {@code ds} the division code: E, F, H, S, P, X0, YA–YZ. */
        COLLECTION_TYPE_AND_DIVISION,
        /** {@code tds} a three-digit division or pack code, {@code 000} undivided: M, N, R, T, V, W. */
        THREE_DIGIT_DIVISION,
        /** Reserved for future use, always {@code 000}: X1–X9. */
        RESERVED_ZEROS,
        /** Defined with the national or local code assignment: A to D. */
        NATIONALLY_DEFINED
    }

    /** @return the family the first character of a Product Description Code selects, or empty for none */
    public static Optional<ProductFamily> of(char alpha) {
        return Optional.ofNullable(switch (alpha) {
            case 'E', 'F' -> BLOOD_COMPONENTS;
            case 'H' -> MPHO_WITH_INN_OR_USAN_NAMES;
            case 'M' -> OTHER_THERAPIES;
            case 'N' -> ORGANS;
            case 'P' -> REGENERATED_TISSUE;
            case 'R' -> REPRODUCTIVE_TISSUE_AND_CELLS;
            case 'S' -> CELLULAR_THERAPY;
            case 'T' -> TISSUES;
            case 'V' -> OCULAR_TISSUE;
            case 'W' -> FECAL_MICROBIOTA;
            case 'X' -> OTHER_BLOOD_PRODUCTS;
            case 'Y' -> CLINICAL_TRIALS;
            case 'A', 'B', 'C' -> NATIONAL;
            case 'D' -> LOCAL;
            default -> null;
        });
    }

    /**
     * @param descriptionCode a five-character Product Description Code of this family
     * @return how {@code tds} is read for it; for X, the second character decides (X0 or X1–X9)
     */
    public TdsLayout tdsLayout(String descriptionCode) {
        return switch (this) {
            case BLOOD_COMPONENTS, MPHO_WITH_INN_OR_USAN_NAMES, CELLULAR_THERAPY, REGENERATED_TISSUE, CLINICAL_TRIALS ->
                    TdsLayout.COLLECTION_TYPE_AND_DIVISION;
            case OTHER_THERAPIES, ORGANS, REPRODUCTIVE_TISSUE_AND_CELLS, TISSUES, OCULAR_TISSUE, FECAL_MICROBIOTA ->
                    TdsLayout.THREE_DIGIT_DIVISION;
            case OTHER_BLOOD_PRODUCTS -> descriptionCode.charAt(1) == '0'
                    ? TdsLayout.COLLECTION_TYPE_AND_DIVISION : TdsLayout.RESERVED_ZEROS;
            case NATIONAL, LOCAL -> TdsLayout.NATIONALLY_DEFINED;
        };
    }
}
