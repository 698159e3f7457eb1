package org.openapheresis.server.dli;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.Handle;
import org.openapheresis.gvhd.DliSchedule;
import org.openapheresis.server.db.Times;

/** DLI schedules, their doses and the doses' outcomes: SQL only, in the caller's handle, inserts and reads only. */
public final class DliScheduleStore {

    private static final String COLUMNS = "id, order_id, donor_id, recipient_id, first_dose_on, created_at, created_by";

    public void insert(Handle h, DliScheduleRecord s) {
        h.createUpdate("INSERT INTO dli_schedule (" + COLUMNS + ") VALUES (:id, :order, :donor, :recipient, :first, :at, "
                + ":by)").bind("id", s.id()).bind("order", s.orderId()).bind("donor", s.donorId())
                .bind("recipient", s.recipientId()).bind("first", s.schedule().firstDoseOn())
                .bind("at", Times.toDb(s.createdAt())).bind("by", s.createdBy()).execute();
        for (DliSchedule.Dose d : s.schedule().doses()) {
            h.createUpdate("INSERT INTO dli_schedule_dose (schedule_id, dose_number, cd3_per_kg, interval_days) VALUES "
                    + "(:s, :n, :dose, :interval)").bind("s", s.id()).bind("n", d.number()).bind("dose", d.cd3PerKg())
                    .bind("interval", d.intervalDays().isPresent() ? d.intervalDays().getAsInt() : null).execute();
        }
    }

    public Optional<DliScheduleRecord> find(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM dli_schedule WHERE id = :id").bind("id", id)
                .map((rs, c) -> head(rs)).findOne().map(x -> withDoses(h, x));
    }

    /** Takes the schedule's row lock until the transaction ends: its doses' outcomes are recorded one at a time. */
    public Optional<String> lock(Handle h, String id) {
        return h.createQuery("SELECT id FROM dli_schedule WHERE id = :id FOR UPDATE").bind("id", id).mapTo(String.class)
                .findOne();
    }

    public Optional<String> ofOrder(Handle h, String orderId) {
        return h.createQuery("SELECT id FROM dli_schedule WHERE order_id = :o").bind("o", orderId).mapTo(String.class)
                .findOne();
    }

    /** The recipient's schedules, the latest ordered first. */
    public List<DliScheduleRecord> ofRecipient(Handle h, String recipientId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM dli_schedule WHERE recipient_id = :r ORDER BY created_at DESC, "
                + "id DESC").bind("r", recipientId).map((rs, c) -> head(rs)).list().stream().map(x -> withDoses(h, x))
                .toList();
    }

    public void insertOutcome(Handle h, String scheduleId, DliScheduleRecord.Outcome o) {
        boolean given = o.outcome() instanceof DliSchedule.Given;
        h.createUpdate("INSERT INTO dli_dose_outcome (schedule_id, dose_number, outcome, at, product_id, cd3_per_kg_given, "
                + "reason, recorded_at, recorded_by) VALUES (:s, :n, :outcome, :at, :product, :dose, :reason, :rat, :by)")
                .bind("s", scheduleId).bind("n", o.doseNumber()).bind("outcome", given ? "given" : "skipped")
                .bind("at", Times.toDb(o.at())).bind("product", o.productId().orElse(null))
                .bind("dose", given ? ((DliSchedule.Given) o.outcome()).cd3PerKg() : null)
                .bind("reason", o.reason().orElse(null)).bind("rat", Times.toDb(o.recordedAt()))
                .bind("by", o.recordedBy()).execute();
    }

    /** What became of the schedule's doses, by dose number, in the unit's zone. */
    public List<DliScheduleRecord.Outcome> outcomes(Handle h, String scheduleId, ZoneId zone) {
        return h.createQuery("SELECT dose_number, outcome, at, product_id, cd3_per_kg_given, reason, recorded_at, "
                + "recorded_by FROM dli_dose_outcome WHERE schedule_id = :s ORDER BY dose_number").bind("s", scheduleId)
                .map((rs, c) -> {
                    Instant at = Times.fromDb(rs.getObject(3, LocalDateTime.class));
                    LocalDateTime local = LocalDateTime.ofInstant(at, zone);
                    DliSchedule.Outcome o = "given".equals(rs.getString(2))
                            ? new DliSchedule.Given(local, rs.getDouble(5))
                            : new DliSchedule.Skipped(local, rs.getString(6));
                    return new DliScheduleRecord.Outcome(rs.getInt(1), o, at, Optional.ofNullable(rs.getString(4)),
                            Optional.ofNullable(rs.getString(6)), Times.fromDb(rs.getObject(7, LocalDateTime.class)),
                            rs.getString(8));
                }).list();
    }

    /** The columns of a schedule; its doses are read next. */
    private record Head(String id, String orderId, String donorId, String recipientId, LocalDate firstDoseOn,
            Instant createdAt, String createdBy) {
    }

    private static Head head(ResultSet rs) throws SQLException {
        return new Head(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, LocalDate.class), Times.fromDb(rs.getObject(6, LocalDateTime.class)), rs.getString(7));
    }

    private DliScheduleRecord withDoses(Handle h, Head x) {
        List<DliSchedule.Dose> doses = new ArrayList<>(h.createQuery("SELECT dose_number, cd3_per_kg, interval_days FROM "
                + "dli_schedule_dose WHERE schedule_id = :s ORDER BY dose_number").bind("s", x.id())
                .map((rs, c) -> dose(rs)).list());
        List<DliScheduleRecord.Amendment> amendments = new ArrayList<>();
        for (AmendmentHead a : h.createQuery("SELECT amendment_number, first_dose_on, reason, amended_at, amended_by FROM "
                + "dli_schedule_amendment WHERE schedule_id = :s ORDER BY amendment_number").bind("s", x.id())
                .map((rs, c) -> new AmendmentHead(rs.getInt(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        Times.fromDb(rs.getObject(4, LocalDateTime.class)), rs.getString(5))).list()) {
            List<DliSchedule.Dose> after = h.createQuery("SELECT dose_number, cd3_per_kg, interval_days FROM "
                    + "dli_schedule_amended_dose WHERE schedule_id = :s AND amendment_number = :n ORDER BY dose_number")
                    .bind("s", x.id()).bind("n", a.number()).map((rs, c) -> dose(rs)).list();
            amendments.add(new DliScheduleRecord.Amendment(a.number(), new DliSchedule(a.firstDoseOn(), after),
                    a.reason(), a.at(), a.by()));
        }
        return new DliScheduleRecord(x.id(), x.orderId(), x.donorId(), x.recipientId(),
                new DliSchedule(x.firstDoseOn(), doses), amendments, x.createdAt(), x.createdBy());
    }

    private record AmendmentHead(int number, LocalDate firstDoseOn, String reason, Instant at, String by) {
    }

    private static DliSchedule.Dose dose(ResultSet rs) throws SQLException {
        int interval = rs.getInt(3);
        OptionalInt days = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(interval);
        return new DliSchedule.Dose(rs.getInt(1), rs.getDouble(2), days);
    }

    /** Appends an amendment with the whole schedule after it. */
    public void insertAmendment(Handle h, String scheduleId, DliScheduleRecord.Amendment a) {
        h.createUpdate("INSERT INTO dli_schedule_amendment (schedule_id, amendment_number, first_dose_on, reason, "
                + "amended_at, amended_by) VALUES (:s, :n, :first, :reason, :at, :by)").bind("s", scheduleId)
                .bind("n", a.number()).bind("first", a.schedule().firstDoseOn()).bind("reason", a.reason())
                .bind("at", Times.toDb(a.at())).bind("by", a.by()).execute();
        for (DliSchedule.Dose d : a.schedule().doses()) {
            h.createUpdate("INSERT INTO dli_schedule_amended_dose (schedule_id, amendment_number, dose_number, "
                    + "cd3_per_kg, interval_days) VALUES (:s, :n, :dose, :cd3, :interval)").bind("s", scheduleId)
                    .bind("n", a.number()).bind("dose", d.number()).bind("cd3", d.cd3PerKg())
                    .bind("interval", d.intervalDays().isPresent() ? d.intervalDays().getAsInt() : null).execute();
        }
    }
}
