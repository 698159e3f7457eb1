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
 * @param verified whether the row was checked, or null when none matched
 * @param source the table's citation
 * @param note what the reader must know (the current guideline is authoritative)
 */
public record GuidelineMatch(boolean matched, String id, String indication, String category, String grade,
        String prescription, Boolean verified, String source, String note) {
}
