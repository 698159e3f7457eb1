package org.openapheresis.server.guideline;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * One row of the cited indications table, for one procedure planned here (a row of ASFA's Table 1 naming several
 * modalities, such as {@code TPE/IA}, is one row per modality planned here).
 *
 * @param id stable id of the row (orders and forms name the row, not the ICD-10 code: two rows may share a code)
 * @param disease the fact sheet's disease, or for a collection what is collected
 * @param indication disease and indication in words, as forms show it
 * @param asfaIndication the table's indication column, or null where it has none
 * @param indicationNote what the reader must know about the indication column (e.g. blank in the copy), or null
 * @param asfaModality the modality as the table gives it ({@code TPE/IA}), or null for a collection
 * @param procedureType the contract procedure type
 * @param category ASFA category (I-IV), or null for rows that are not ASFA indications (collections)
 * @param grade ASFA grade (1A-2C), or null
 * @param icd10 ICD-10-CM codes the row matches as prefixes; empty when none were looked up
 * @param icd10Source where the codes were checked, or null
 * @param prescription the prescription box in one line, or why there is none
 * @param box the fact sheet's prescription box, or null when none was transcribed
 * @param source where the row is in the guideline ({@code ... Table 1; fact sheet p.97})
 * @param verification what the row was checked against
 */
public record GuidelineRow(String id, String disease, String indication, String asfaIndication,
        String indicationNote, String asfaModality, String procedureType, String category, String grade,
        List<String> icd10, String icd10Source, String prescription, PrescriptionBox box, String source,
        Verification verification) {

    /** ASFA category IV: evidence shows or suggests apheresis is ineffective or harmful. */
    public static final String CATEGORY_IV = "IV";

    public GuidelineRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(procedureType, "procedureType");
        icd10 = List.copyOf(icd10);
        Objects.requireNonNull(verification, "verification");
    }

    /** @return true when two independent secondary copies agree on the category and grade (none is the paper) */
    @JsonProperty("verified")
    public boolean verified() {
        return verification == Verification.TWO_SECONDARY_SOURCES;
    }

    /** @return what the verification level means, in words */
    @JsonProperty("verificationText")
    public String verificationText() {
        return verification.meaning();
    }

    /** @return true for ASFA category IV */
    public boolean categoryIv() {
        return CATEGORY_IV.equals(category);
    }

    /** @return true when the physician's code is one of the row's (a row without codes takes any code) */
    public boolean acceptsCode(String code) {
        return icd10.isEmpty() || icd10.stream().anyMatch(code::startsWith);
    }
}
