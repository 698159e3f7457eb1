package org.openapheresis.server.guideline;

import java.util.List;

/**
 * An order set: what choosing a guideline row fills into a new order, from the row's prescription box. Every value
 * says where it came from; the physician changes any of them.
 *
 * @param rowId the guideline row
 * @param procedureType the row's procedure
 * @param prefill the fields the box maps to, in form order
 * @param asText the parts of the box no field takes, to show as text
 * @param boxSource where the box comes from and how far it was checked
 */
public record OrderSet(String rowId, String procedureType, List<Prefill> prefill, List<BoxPart> asText,
        String boxSource) {

    public OrderSet {
        prefill = List.copyOf(prefill);
        asText = List.copyOf(asText);
    }

    /**
     * One field filled from the box.
     *
     * @param field the order's field path, as the new-order form names it ({@code procedure.plasmaVolumes},
     *     {@code schedule.intervalHours})
     * @param value a number (in the field's unit) or a choice code
     * @param part the part of the box it came from ({@code volume}, {@code replacement}, {@code frequency},
     *     {@code duration})
     * @param words the box's words it was read from
     * @param note how it was read, shown beside the field ({@code from ASFA 2023 fact sheet: ...})
     */
    public record Prefill(String field, Object value, String part, String words, String note) {
    }

    /**
     * A part of the box in words.
     *
     * @param part {@code volume}, {@code replacement}, {@code frequency}, {@code duration} or {@code stopping}
     * @param words the box's words
     */
    public record BoxPart(String part, String words) {
    }
}
