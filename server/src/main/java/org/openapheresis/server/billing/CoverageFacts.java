package org.openapheresis.server.billing;

import java.util.Objects;
import java.util.Optional;
import org.openapheresis.procedure.ProcedureType;

/**
 * What the coverage rules look at: the payer's kind, the ordered procedure, the order's ICD-10 code, and the guideline
 * row and ASFA category the order matched (none for a collection or an indication the table does not hold).
 *
 * @param payer the coverage's payer kind
 * @param procedure the ordered procedure type
 * @param icd10 the order's ICD-10 code, upper case
 * @param guidelineRow the guideline row's id, when one matched
 * @param category the row's ASFA category (I-IV), when it has one
 */
public record CoverageFacts(PayerKind payer, ProcedureType procedure, String icd10, Optional<String> guidelineRow,
        Optional<String> category) {

    public CoverageFacts {
        Objects.requireNonNull(payer, "payer");
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(icd10, "icd10");
        Objects.requireNonNull(guidelineRow, "guidelineRow");
        Objects.requireNonNull(category, "category");
    }
}
