package org.openapheresis.server.guideline;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Arrays;

/**
 * What a row of the indications table was checked against. No row was read from the paper itself
 * (docs/sources.md, "ASFA 2023 indications table"); a level says which secondary copies agree.
 */
public enum Verification {
    /** Category and grade agree in two independent secondary copies of Table 1. */
    TWO_SECONDARY_SOURCES("two-secondary-sources", "two secondary copies agree (a transcription of Table 1 and an "
            + "independent review table): category and grade; not checked against the paper"),
    /** The category agrees in a second secondary source; the grade has one source only. */
    CATEGORY_CONFIRMED("category-confirmed", "category confirmed by a second secondary source (a review); grade "
            + "UNVERIFIED: one transcription of Table 1, not checked against the paper"),
    /** One public transcription of Table 1 only. */
    ONE_TRANSCRIPTION("one-transcription", "UNVERIFIED: one transcription of Table 1, not checked against the paper"),
    /** A row that is not an ASFA indication (a cell collection). */
    NOT_ASFA("not-asfa", "not an ASFA indication (a collection): nothing to verify");

    private final String code;
    private final String meaning;

    Verification(String code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** @return the code the table file and the API use, e.g. {@code one-transcription} */
    @Override
    public String toString() {
        return code;
    }

    /** @return what the level means, in words (shown beside the row) */
    public String meaning() {
        return meaning;
    }

    /** The level of a code; an unknown code fails the table's loading. */
    @JsonCreator
    public static Verification fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown verification level " + code));
    }
}
