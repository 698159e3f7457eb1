package org.openapheresis.server.schedule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.openapheresis.server.db.Times;
import org.openapheresis.server.json.Json;

/**
 * Nurses' skills and shifts, the unit's rules and closures, and the week's proposals in the database: SQL only, in
 * the caller's handle.
 */
public final class ScheduleStore {

    /**
     * A proposal as stored.
     *
     * @param proposal the proposal
     * @param basis the digest of the data it was made on
     * @param appliedAt when it was booked, if it was
     */
    public record Stored(Proposal proposal, String basis, Optional<Instant> appliedAt) {
    }

    /** Every nurse's skills, by user name. */
    public Map<String, Set<Skill>> skills(Handle h) {
        Map<String, Set<Skill>> out = new HashMap<>();
        h.createQuery("SELECT username, skill FROM nurse_skill").map((rs, c) -> Map.entry(rs.getString(1),
                rs.getString(2))).forEach(e -> Skill.fromCode(e.getValue()).ifPresent(s -> out.computeIfAbsent(
                        e.getKey(), k -> EnumSet.noneOf(Skill.class)).add(s)));
        return out;
    }

    /** Replaces a nurse's skills. */
    public void setSkills(Handle h, String username, Set<Skill> skills) {
        h.createUpdate("DELETE FROM nurse_skill WHERE username = :u").bind("u", username).execute();
        for (Skill s : skills) {
            h.createUpdate("INSERT INTO nurse_skill (username, skill) VALUES (:u, :s)").bind("u", username)
                    .bind("s", s.code()).execute();
        }
    }

    public void insert(Handle h, Proposal p, String basis) {
        h.createUpdate("INSERT INTO schedule_proposal (id, from_day, to_day, basis, feasible, proposal_json, created_at, "
                + "created_by) VALUES (:id, :from, :to, :basis, :feasible, :json, :at, :by)").bind("id", p.id())
                .bind("from", p.from()).bind("to", p.to()).bind("basis", basis).bind("feasible", p.feasible())
                .bind("json", Json.compact(p)).bind("at", Times.toDb(p.createdAt())).bind("by", p.createdBy())
                .execute();
    }

    /** The proposal, its row locked until the transaction ends (one booking of it at a time). */
    public Optional<Stored> lock(Handle h, String id) {
        return h.createQuery("SELECT proposal_json, basis, applied_at FROM schedule_proposal WHERE id = :id FOR UPDATE")
                .bind("id", id).map((rs, c) -> new Stored(Json.read(rs.getString(1), Proposal.class), rs.getString(2),
                        Optional.ofNullable(rs.getTimestamp(3)).map(t -> Times.fromDb(t.toLocalDateTime()))))
                .findOne();
    }

    public void applied(Handle h, String id, Instant at, String by) {
        h.createUpdate("UPDATE schedule_proposal SET applied_at = :at, applied_by = :by WHERE id = :id")
                .bind("at", Times.toDb(at)).bind("by", by).bind("id", id).execute();
    }

    /** The latest proposals, newest first. */
    public List<Proposal> latest(Handle h, int limit) {
        return h.createQuery("SELECT proposal_json FROM schedule_proposal ORDER BY created_at DESC LIMIT :n")
                .bind("n", limit).map((rs, c) -> Json.read(rs.getString(1), Proposal.class)).list();
    }

    /** The unit's rules as kept ({@code setUpAndRinsebackMin} is the sessions' fixed figure, passed in). */
    public UnitSettings settings(Handle h, int setUpAndRinsebackMin) {
        List<UnitSettings.DayHours> hours = h.createQuery("SELECT day_of_week, opens, closes FROM unit_opening_hours "
                + "ORDER BY day_of_week").map((rs, c) -> new UnitSettings.DayHours(DayOfWeek.of(rs.getInt(1)).name()
                        .toLowerCase(Locale.ROOT), rs.getObject(2, LocalTime.class), rs.getObject(3, LocalTime.class)))
                .list();
        return h.createQuery("SELECT version, slot_min, lab_cut_off, max_patients_per_nurse, turnover_min, "
                + "interval_tolerance_min, updated_at, updated_by, lab_turnaround_min FROM unit_rules WHERE id = 'unit'")
                .map((rs, c) -> new UnitSettings(rs.getInt(1), rs.getInt(2), hours, rs.getObject(3, LocalTime.class),
                        rs.getInt(4), rs.getInt(5), rs.getInt(6), setUpAndRinsebackMin, rs.getInt(9), instant(rs, 7),
                        rs.getString(8))).one();
    }

    /** Replaces the rules and opening hours when they are still at {@code expectedVersion}; false when not. */
    public boolean updateSettings(Handle h, UnitSettings u, int expectedVersion) {
        int n = h.createUpdate("UPDATE unit_rules SET version = version + 1, slot_min = :slot, lab_cut_off = :cut, "
                + "max_patients_per_nurse = :ratio, turnover_min = :turnover, interval_tolerance_min = :tolerance, "
                + "lab_turnaround_min = :turnaround, updated_at = :at, updated_by = :by WHERE id = 'unit' "
                + "AND version = :expected").bind("turnaround", u.labTurnaroundMin())
                .bind("slot", u.slotMin()).bind("cut", u.labCutOff()).bind("ratio", u.maxPatientsPerNurse())
                .bind("turnover", u.turnoverMin()).bind("tolerance", u.intervalToleranceMin())
                .bind("at", Times.toDb(u.updatedAt())).bind("by", u.updatedBy()).bind("expected", expectedVersion)
                .execute();
        if (n != 1) {
            return false;
        }
        h.createUpdate("DELETE FROM unit_opening_hours").execute();
        for (UnitSettings.DayHours d : u.openingHours()) {
            h.createUpdate("INSERT INTO unit_opening_hours (day_of_week, opens, closes) VALUES (:d, :o, :c)")
                    .bind("d", DayOfWeek.valueOf(d.day().toUpperCase(Locale.ROOT)).getValue()).bind("o", d.opens())
                    .bind("c", d.closes()).execute();
        }
        return true;
    }

    private static final String CLOSURE = "SELECT id, closed_on, reason, created_at, created_by, cancelled_at, "
            + "cancelled_by FROM unit_closure";

    public void insert(Handle h, Closure c) {
        h.createUpdate("INSERT INTO unit_closure (id, closed_on, reason, created_at, created_by) VALUES (:id, :day, "
                + ":reason, :at, :by)").bind("id", c.id()).bind("day", c.day()).bind("reason", c.reason())
                .bind("at", Times.toDb(c.createdAt())).bind("by", c.createdBy()).execute();
    }

    /** Closures, not cancelled, from {@code from} to {@code to} inclusive, by day. */
    public List<Closure> closures(Handle h, LocalDate from, LocalDate to) {
        return h.createQuery(CLOSURE + " WHERE cancelled_at IS NULL AND closed_on >= :from AND closed_on <= :to "
                + "ORDER BY closed_on")
                .bind("from", from).bind("to", to).map((rs, c) -> closure(rs)).list();
    }

    public Optional<Closure> closure(Handle h, String id) {
        return h.createQuery(CLOSURE + " WHERE id = :id").bind("id", id).map((rs, c) -> closure(rs)).findOne();
    }

    /** Cancels a closure not cancelled yet; false when it was. */
    public boolean cancelClosure(Handle h, String id, Instant at, String by) {
        return cancel(h, "unit_closure", id, at, by);
    }

    private static final String SHIFT = "SELECT id, username, starts_at, ends_at, created_at, created_by, cancelled_at, "
            + "cancelled_by FROM nurse_shift";

    public void insert(Handle h, Shift s) {
        h.createUpdate("INSERT INTO nurse_shift (id, username, starts_at, ends_at, created_at, created_by) VALUES (:id, "
                + ":u, :from, :to, :at, :by)").bind("id", s.id()).bind("u", s.nurse())
                .bind("from", Times.toDb(s.from())).bind("to", Times.toDb(s.to()))
                .bind("at", Times.toDb(s.createdAt())).bind("by", s.createdBy()).execute();
    }

    /** Shifts, not cancelled, sharing time with {@code [from, to)}, by start then nurse. */
    public List<Shift> shifts(Handle h, Instant from, Instant to) {
        return h.createQuery(SHIFT + " WHERE cancelled_at IS NULL AND starts_at < :to AND ends_at > :from "
                + "ORDER BY starts_at, username, id").bind("from", Times.toDb(from)).bind("to", Times.toDb(to))
                .map((rs, c) -> shift(rs)).list();
    }

    public Optional<Shift> shift(Handle h, String id) {
        return h.createQuery(SHIFT + " WHERE id = :id").bind("id", id).map((rs, c) -> shift(rs)).findOne();
    }

    /** Cancels a shift not cancelled yet; false when it was. */
    public boolean cancelShift(Handle h, String id, Instant at, String by) {
        return cancel(h, "nurse_shift", id, at, by);
    }

    private static boolean cancel(Handle h, String table, String id, Instant at, String by) {
        return h.createUpdate("UPDATE " + table + " SET cancelled_at = :at, cancelled_by = :by WHERE id = :id "
                + "AND cancelled_at IS NULL").bind("at", Times.toDb(at)).bind("by", by).bind("id", id).execute() == 1;
    }

    private static Closure closure(ResultSet rs) throws SQLException {
        return new Closure(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), instant(rs, 4),
                rs.getString(5), optionalInstant(rs, 6), Optional.ofNullable(rs.getString(7)));
    }

    private static Shift shift(ResultSet rs) throws SQLException {
        return new Shift(rs.getString(1), rs.getString(2), instant(rs, 3), instant(rs, 4), instant(rs, 5),
                rs.getString(6), optionalInstant(rs, 7), Optional.ofNullable(rs.getString(8)));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return Times.fromDb(rs.getTimestamp(column).toLocalDateTime());
    }

    private static Optional<Instant> optionalInstant(ResultSet rs, int column) throws SQLException {
        return Optional.ofNullable(rs.getTimestamp(column)).map(t -> Times.fromDb(t.toLocalDateTime()));
    }
}
