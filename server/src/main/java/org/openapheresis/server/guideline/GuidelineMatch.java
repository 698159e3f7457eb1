package org.openapheresis.server.guideline;

/**
 * The guideline block an order carries: the matched row's category and grade with the table's source and note,
 * or that no row matches.
 *
 * @param matched true when a row matched the indication and procedure
 * @param id the row's id, or null
 * @param indication the row's indication, or null
 * @param category ASFA category, or null
 * @param grade ASFA grade, or null
 * @param prescription the row's prescription in words, or null
 * @param verified true when two secondary copies agree on the row, or null when none matched
 * @param source the table's citation
 * @param note what the reader must know (the current guideline is authoritative)
 * @param asfaModality the modality as the table gives it, or null
 * @param rowSource where the row is in the guideline, or null
 * @param verification what the row was checked against, in words, or null
 * @param categoryIvReason the physician's reason for ordering an indication of category IV, or null
 */
public record GuidelineMatch(boolean matched, String id, String indication, String category, String grade,
        String prescription, Boolean verified, String source, String note, String asfaModality, String rowSource,
        String verification, String categoryIvReason) {

    /** @return true for a row of ASFA category IV */
    public boolean categoryIv() {
        return GuidelineRow.CATEGORY_IV.equals(category);
    }

    /** @return true when a physician has given the reason for a category IV order */
    public boolean hasCategoryIvReason() {
        return categoryIvReason != null && !categoryIvReason.isBlank();
    }

    /** The same block with the physician's reason for a category IV order (null or blank: none). */
    public GuidelineMatch withCategoryIvReason(String reason) {
        return new GuidelineMatch(matched, id, indication, category, grade, prescription, verified, source, note,
                asfaModality, rowSource, verification, reason == null || reason.isBlank() ? null : reason.strip());
    }
}
