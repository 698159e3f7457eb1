package org.openapheresis.server.dli;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.openapheresis.gvhd.DliSchedule;

/**
 * A DLI schedule as stored: the core's schedule with the order it belongs to, the donor whose lymphocytes it gives
 * and the recipient they are given to.
 *
 * @param id the schedule's id
 * @param orderId the lymphocyte collection order (the donor's) it was ordered on
 * @param donorId the donor, the order's patient
 * @param recipientId the recipient of the infusions
 * @param ordered the doses and intervals as the physician ordered them (the core's type, validated)
 * @param amendments the amendments since, oldest first; the last one's schedule is the schedule now
 * @param createdAt when the physician ordered it
 * @param createdBy the physician
 */
public record DliScheduleRecord(String id, String orderId, String donorId, String recipientId, DliSchedule ordered,
        List<Amendment> amendments, Instant createdAt, String createdBy) {

    public DliScheduleRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(donorId, "donorId");
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(ordered, "ordered");
        amendments = List.copyOf(amendments);
    }

    /** The schedule as it stands: as last amended, or as ordered. */
    public DliSchedule schedule() {
        return amendments.isEmpty() ? ordered : amendments.get(amendments.size() - 1).schedule();
    }

    /**
     * A physician's amendment: the whole schedule as it stands after it, and why.
     *
     * @param number 1 for the first amendment of the schedule, then one more for each
     * @param schedule the schedule after the amendment
     */
    public record Amendment(int number, DliSchedule schedule, String reason, Instant at, String by) {
        public Amendment {
            Objects.requireNonNull(schedule, "schedule");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * What became of one dose, as recorded.
     *
     * @param doseNumber the dose
     * @param outcome given or skipped, in the unit's local time (the core's type)
     * @param at the same moment as an instant
     * @param productId for a given dose, the aliquot infused
     * @param reason for a skipped dose, why
     * @param recordedAt when it was recorded
     * @param recordedBy who recorded it (the nurse or physician who infused; the physician who skipped)
     */
    public record Outcome(int doseNumber, DliSchedule.Outcome outcome, Instant at, java.util.Optional<String> productId,
            java.util.Optional<String> reason, Instant recordedAt, String recordedBy) {
    }
}
