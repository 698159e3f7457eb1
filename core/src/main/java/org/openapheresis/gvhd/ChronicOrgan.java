package org.openapheresis.gvhd;

import java.util.Arrays;
import java.util.Optional;

/**
 * The eight organs or sites the NIH 2014 consensus scores 0 to 3 for chronic GVHD (Jagasia 2015; NCI Thesaurus
 * C225388: "skin, mouth, eyes, gastrointestinal tract, liver, lungs, joint and fascia, and genital tract").
 */
public enum ChronicOrgan {
    SKIN("skin", "skin"),
    MOUTH("mouth", "mouth"),
    EYES("eyes", "eyes"),
    GI_TRACT("giTract", "GI tract"),
    LIVER("liver", "liver"),
    LUNGS("lungs", "lungs"),
    JOINTS_AND_FASCIA("jointsAndFascia", "joints and fascia"),
    GENITAL_TRACT("genitalTract", "genital tract");

    private final String code;
    private final String label;

    ChronicOrgan(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** @return the organ's name in the JSON of the API, e.g. {@code jointsAndFascia} */
    public String code() {
        return code;
    }

    /** @return the organ as shown to users, e.g. {@code joints and fascia} */
    public String label() {
        return label;
    }

    /** @return the organ with this API code, if any */
    public static Optional<ChronicOrgan> fromCode(String code) {
        return Arrays.stream(values()).filter(o -> o.code.equals(code)).findFirst();
    }
}
