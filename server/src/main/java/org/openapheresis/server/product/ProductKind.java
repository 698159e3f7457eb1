package org.openapheresis.server.product;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.openapheresis.procedure.ProcedureType;

/**
 * What was collected, from the collection's procedure type.
 *
 * <p>Granulocytes: used as soon as possible; if storage is unavoidable, at 22 °C without agitation for up to 24
 * hours, and irradiated before use to prevent transfusion-associated GVHD (JPAC, Guidelines for the Blood
 * Transfusion Services in the UK, Annexe A4.1 "Granulocytes, Apheresis"; Cardigan R, Maclennan S, Transfus Altern
 * Transfus Med 2008;10(3):92-101); the unit's own expiry may be shorter, never longer.
 */
public enum ProductKind {
    HPC("hpc", "HPC, Apheresis", ProcedureType.HPC_COLLECTION, Optional.empty()),
    LYMPHOCYTES("lymphocytes", "Mononuclear cells (lymphocytes), apheresis", ProcedureType.LYMPHOCYTE_COLLECTION,
            Optional.empty()),
    GRANULOCYTES("granulocytes", "Granulocytes, apheresis", ProcedureType.GRANULOCYTE_COLLECTION,
            Optional.of(Duration.ofHours(24)));

    /** Where the granulocyte limits come from. */
    public static final String GRANULOCYTE_SOURCE = "JPAC Red Book Annexe A4.1, Granulocytes, Apheresis: used as soon "
            + "as possible, stored at most 24 h at 22 °C without agitation, irradiated before use";

    private final String code;
    private final String displayName;
    private final ProcedureType collectedBy;
    private final Optional<Duration> longestShelfLife;

    ProductKind(String code, String displayName, ProcedureType collectedBy, Optional<Duration> longestShelfLife) {
        this.code = code;
        this.displayName = displayName;
        this.collectedBy = collectedBy;
        this.longestShelfLife = longestShelfLife;
    }

    public String code() {
        return code;
    }

    /** @return the code, as the API writes it */
    @Override
    public String toString() {
        return code;
    }

    public String displayName() {
        return displayName;
    }

    /** The longest time from collection to expiry the product may be given, when a published limit exists. */
    public Optional<Duration> longestShelfLife() {
        return longestShelfLife;
    }

    /** Granulocytes must be irradiated before they are issued. */
    public boolean irradiatedBeforeIssue() {
        return this == GRANULOCYTES;
    }

    /** Granulocytes are given fresh: they are not cryopreserved. */
    public boolean mayBeCryopreserved() {
        return this != GRANULOCYTES;
    }

    public static Optional<ProductKind> collectedBy(ProcedureType t) {
        return Arrays.stream(values()).filter(k -> k.collectedBy == t).findFirst();
    }

    public static Optional<ProductKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
