package org.openapheresis.server.order;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;

/**
 * Why a procedure is ordered.
 *
 * @param code ICD-10 (or ICD-10-CM) code, upper case
 * @param text the indication in words
 * @param guidelineRow the guideline row chosen (two rows may share an ICD-10 code: an HPC and a DLI donor are
 *     both Z52.001), or empty: the first row matching the code and procedure is used
 * @param categoryIvReason the physician's reason for ordering an indication the guideline rates category IV
 *     (apheresis ineffective or harmful), or empty
 * @param chronicGvhdAssessmentId the chronic GVHD assessment a photopheresis order treats (one of the patient's,
 *     checked by the order service), or empty
 */
public record Indication(String code, String text, java.util.Optional<String> guidelineRow,
        java.util.Optional<String> categoryIvReason, java.util.Optional<String> chronicGvhdAssessmentId) {

    /** ICD-10 (and ICD-10-CM) code shape: letter, two characters, optional dot and up to four more. */
    public static final Pattern ICD10 = Pattern.compile("[A-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?");

    public Indication {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(guidelineRow, "guidelineRow");
        Objects.requireNonNull(categoryIvReason, "categoryIvReason");
        Objects.requireNonNull(chronicGvhdAssessmentId, "chronicGvhdAssessmentId");
        categoryIvReason = categoryIvReason.map(String::strip).filter(r -> !r.isEmpty());
        code = code.toUpperCase(Locale.ROOT);
        if (!ICD10.matcher(code).matches()) {
            throw InvalidInputException.of("indication.code", MessageKey.INVALID,
                    code + " is not an ICD-10 code (e.g. G35.A, M31.19)");
        }
    }

    /** An indication with its guideline row and category IV reason, naming no chronic GVHD assessment. */
    public Indication(String code, String text, java.util.Optional<String> guidelineRow,
            java.util.Optional<String> categoryIvReason) {
        this(code, text, guidelineRow, categoryIvReason, java.util.Optional.empty());
    }

    /** An indication with its guideline row chosen (or not), without a category IV reason. */
    public Indication(String code, String text, java.util.Optional<String> guidelineRow) {
        this(code, text, guidelineRow, java.util.Optional.empty());
    }

    /** An indication matched to the guideline by its code. */
    public Indication(String code, String text) {
        this(code, text, java.util.Optional.empty());
    }
}
