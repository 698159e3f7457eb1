package org.openapheresis.server.guideline;

import java.util.List;

/**
 * One row of the cited indications table.
 *
 * @param id stable id of the row (orders and forms name the row, not the ICD-10 code: two rows may share a code)
 * @param indication disease and indication in words
 * @param icd10 ICD-10-CM codes the row matches as prefixes
 * @param procedureType the contract procedure type
 * @param category ASFA category (I-IV), or null for rows that are not ASFA indications (collections)
 * @param grade ASFA grade (1A-2C), or null
 * @param prescription the prescription in words, or why there is none
 * @param verified true when the row was checked against a source (docs/sources.md)
 */
public record GuidelineRow(String id, String indication, List<String> icd10, String procedureType, String category,
        String grade, String prescription, boolean verified) {

    public GuidelineRow {
        icd10 = List.copyOf(icd10);
    }
}
