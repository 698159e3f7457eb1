package org.openapheresis.server.patient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jdbi.v3.core.Handle;
import org.openapheresis.patient.ClinicalHistory;
import org.openapheresis.patient.Sex;
import org.openapheresis.server.db.Ids;
import org.openapheresis.server.db.Times;
import org.openapheresis.server.json.Json;

/**
 * Patients, donors and their lab results in the database: SQL only. Every method works in the caller's handle,
 * so a write and its audit entry share one transaction.
 */
public final class PatientStore {

    private static final String COLUMNS = "id, version, kind, mrn, given_name, family_name, birth_date, sex, "
            + "height_cm, weight_kg, coverage, clinical, created_at, created_by, updated_at, updated_by";
    private static final String LAB_COLUMNS = "id, patient_id, session_id, taken_at, phase, analyte, value_num, unit, "
            + "recorded_at, recorded_by";

    public void insert(Handle h, PatientRecord p) {
        h.createUpdate("INSERT INTO patient (" + COLUMNS + ") VALUES (:id, :version, :kind, :mrn, :given, :family, "
                + ":birth, :sex, :height, :weight, :coverage, :clinical, :createdAt, :createdBy, :updatedAt, "
                + ":updatedBy)")
                .bind("id", p.id()).bind("version", p.version()).bind("kind", p.kind().code()).bind("mrn", p.mrn())
                .bind("given", p.givenName()).bind("family", p.familyName()).bind("birth", p.birthDate())
                .bind("sex", p.sex().code()).bind("height", boxed(p.heightCm())).bind("weight", boxed(p.weightKg()))
                .bind("coverage", Json.compact(p.coverage())).bind("clinical", Json.compact(p.history()))
                .bind("createdAt", Times.toDb(p.createdAt())).bind("createdBy", p.createdBy())
                .bind("updatedAt", Times.toDb(p.updatedAt())).bind("updatedBy", p.updatedBy())
                .execute();
    }

    /**
     * Replaces a record if its version is still {@code expectedVersion}.
     *
     * @return true when updated; false when the stored version differs
     */
    public boolean update(Handle h, PatientRecord p, int expectedVersion) {
        return h.createUpdate("UPDATE patient SET version = :version, kind = :kind, mrn = :mrn, "
                + "given_name = :given, family_name = :family, birth_date = :birth, sex = :sex, height_cm = :height, "
                + "weight_kg = :weight, coverage = :coverage, clinical = :clinical, updated_at = :updatedAt, "
                + "updated_by = :updatedBy WHERE id = :id AND version = :expected")
                .bind("id", p.id()).bind("version", p.version()).bind("kind", p.kind().code()).bind("mrn", p.mrn())
                .bind("given", p.givenName()).bind("family", p.familyName()).bind("birth", p.birthDate())
                .bind("sex", p.sex().code()).bind("height", boxed(p.heightCm())).bind("weight", boxed(p.weightKg()))
                .bind("coverage", Json.compact(p.coverage())).bind("clinical", Json.compact(p.history()))
                .bind("updatedAt", Times.toDb(p.updatedAt())).bind("updatedBy", p.updatedBy())
                .bind("expected", expectedVersion).execute() == 1;
    }

    private static Double boxed(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }

    public Optional<PatientRecord> find(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM patient WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> row(rs)).findOne().map(p -> p.withLabs(latestLabs(h, p.id())));
    }

    /**
     * Up to {@code limit} people in id order after {@code afterId} (all from the first when empty), without their
     * latest labs: the pages a bulk export walks.
     */
    public List<PatientRecord> page(Handle h, Optional<String> afterId, int limit) {
        return h.createQuery("SELECT " + COLUMNS + " FROM patient WHERE id > :after ORDER BY id LIMIT :limit")
                .bind("after", afterId.orElse("")).bind("limit", limit).map((rs, ctx) -> row(rs)).list();
    }

    /** How many people the unit holds. */
    public int count(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM patient").mapTo(Integer.class).one();
    }

    /** The person with this medical record number (MRNs are unique). */
    public Optional<PatientRecord> findByMrn(Handle h, String mrn) {
        return h.createQuery("SELECT " + COLUMNS + " FROM patient WHERE mrn = :mrn").bind("mrn", mrn)
                .map((rs, ctx) -> row(rs)).findOne().map(p -> p.withLabs(latestLabs(h, p.id())));
    }

    /** One lab value by its id. */
    public Optional<LabEntry> findLab(Handle h, String labId) {
        return h.createQuery("SELECT " + LAB_COLUMNS + " FROM lab_result WHERE id = :id").bind("id", labId)
                .map((rs, ctx) -> labRow(rs)).findOne();
    }

    /** Family and given name of a person, for lists that show whose session it is. */
    public Optional<String> displayName(Handle h, String id) {
        return h.createQuery("SELECT family_name, given_name FROM patient WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> rs.getString(1) + ", " + rs.getString(2)).findOne();
    }

    public boolean mrnTaken(Handle h, String mrn, String exceptId) {
        return h.createQuery("SELECT COUNT(*) FROM patient WHERE mrn = :mrn AND id <> :id")
                .bind("mrn", mrn).bind("id", exceptId == null ? "" : exceptId).mapTo(Integer.class).one() > 0;
    }

    /** Patients whose name or MRN contains {@code text} (case-insensitive), by family name. */
    public List<PatientRecord> search(Handle h, Optional<String> text, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM patient"
                + (text.isPresent() ? " WHERE LOWER(family_name) LIKE :q ESCAPE '!' OR LOWER(given_name) LIKE :q "
                        + "ESCAPE '!' OR LOWER(mrn) LIKE :q ESCAPE '!'" : "")
                + " ORDER BY family_name, given_name, id LIMIT :limit";
        var q = h.createQuery(sql).bind("limit", limit);
        // the search text matches as itself: LIKE's wildcards and its escape character are escaped
        text.ifPresent(t -> q.bind("q", "%" + t.toLowerCase(java.util.Locale.ROOT).replace("!", "!!")
                .replace("%", "!%").replace("_", "!_") + "%"));
        return q.map((rs, ctx) -> row(rs)).list().stream().map(p -> p.withLabs(latestLabs(h, p.id()))).toList();
    }

    private static PatientRecord row(ResultSet rs) throws SQLException {
        String coverage = rs.getString("coverage");
        Double height = rs.getObject("height_cm", Double.class);
        Double weight = rs.getObject("weight_kg", Double.class);
        return new PatientRecord(rs.getString("id"), rs.getInt("version"),
                PatientKind.fromCode(rs.getString("kind")).orElseThrow(), rs.getString("mrn"),
                rs.getString("given_name"), rs.getString("family_name"), rs.getObject("birth_date", LocalDate.class),
                Sex.fromCode(rs.getString("sex")).orElseThrow(),
                height == null ? OptionalDouble.empty() : OptionalDouble.of(height),
                weight == null ? OptionalDouble.empty() : OptionalDouble.of(weight),
                coverage == null ? Coverage.none() : Json.read(coverage, Coverage.class),
                Json.read(rs.getString("clinical"), ClinicalHistory.class), Map.of(),
                Times.fromDb(rs.getObject("created_at", LocalDateTime.class)), rs.getString("created_by"),
                Times.fromDb(rs.getObject("updated_at", LocalDateTime.class)), rs.getString("updated_by"));
    }

    /** Records lab values; returns what was stored. */
    public List<LabEntry> addLabs(Handle h, String patientId, String sessionId, Instant takenAt, LabPhase phase,
            Map<String, Double> values, Instant now, String by) {
        List<LabEntry> out = new ArrayList<>();
        var batch = h.prepareBatch("INSERT INTO lab_result (" + LAB_COLUMNS + ") VALUES (:id, :p, :s, :t, :phase, :a, "
                + ":v, :u, :r, :by)");
        for (var e : values.entrySet()) {
            LabField f = LabField.of(e.getKey()).orElseThrow();
            LabEntry entry = new LabEntry(Ids.next(), patientId, sessionId, takenAt, phase, f.field(), e.getValue(),
                    f.unit(), now, by);
            batch.bind("id", entry.id()).bind("p", patientId).bind("s", sessionId).bind("t", Times.toDb(takenAt))
                    .bind("phase", phase.code()).bind("a", f.field()).bind("v", e.getValue()).bind("u", f.unit())
                    .bind("r", Times.toDb(now)).bind("by", by).add();
            out.add(entry);
        }
        if (!out.isEmpty()) {
            batch.execute();
        }
        return out;
    }

    /** Lab history, oldest first. */
    public List<LabEntry> labHistory(Handle h, String patientId) {
        return h.createQuery("SELECT " + LAB_COLUMNS + " FROM lab_result WHERE patient_id = :p "
                + "ORDER BY taken_at, recorded_at, id").bind("p", patientId).map((rs, ctx) -> labRow(rs)).list();
    }

    public List<LabEntry> sessionLabs(Handle h, String sessionId) {
        return h.createQuery("SELECT " + LAB_COLUMNS + " FROM lab_result WHERE session_id = :s "
                + "ORDER BY taken_at, recorded_at, id").bind("s", sessionId).map((rs, ctx) -> labRow(rs)).list();
    }

    private static LabEntry labRow(ResultSet rs) throws SQLException {
        return new LabEntry(rs.getString(1), rs.getString(2), rs.getString(3),
                Times.fromDb(rs.getObject(4, LocalDateTime.class)), LabPhase.fromCode(rs.getString(5)).orElseThrow(),
                rs.getString(6), rs.getDouble(7), rs.getString(8), Times.fromDb(rs.getObject(9, LocalDateTime.class)),
                rs.getString(10));
    }

    /** The latest value of each lab field, in {@link LabField} order. */
    public Map<String, Double> latestLabs(Handle h, String patientId) {
        return latestOf(labHistory(h, patientId));
    }

    /**
     * How far a sample's time may lie after the moment it was recorded (a clock a little ahead); a value said to
     * be taken later than that cannot be true and never counts as the latest.
     */
    public static final java.time.Duration TAKEN_AFTER_RECORDED_TOLERANCE = java.time.Duration.ofMinutes(5);

    /** Whether a value counts as taken when it says: not said to be taken after it was recorded (beyond the tolerance). */
    public static boolean countsAsTaken(LabEntry e) {
        return !e.takenAt().isAfter(e.recordedAt().plus(TAKEN_AFTER_RECORDED_TOLERANCE));
    }

    /**
     * The latest value of each lab field of a history (oldest first), in {@link LabField} order: the one taken
     * last, among values not said to be taken after they were recorded (so a mistyped future date, which the API
     * refuses today but an older record may hold, cannot hide every newer value).
     */
    public static Map<String, Double> latestOf(List<LabEntry> history) {
        Map<String, Double> latest = new LinkedHashMap<>();
        for (LabEntry e : history) {
            if (!countsAsTaken(e)) {
                continue;
            }
            latest.put(e.field(), e.value());
        }
        Map<String, Double> ordered = new LinkedHashMap<>();
        for (String f : LabField.names()) {
            if (latest.containsKey(f)) {
                ordered.put(f, latest.get(f));
            }
        }
        return ordered;
    }

    /**
     * Locks the person's row until the transaction ends ({@code SELECT … FOR UPDATE}): writes that read before they
     * write (the preferred times against the revision they were made from) then follow one another.
     *
     * @return the id, empty when there is no such person
     */
    public Optional<String> lock(Handle h, String patientId) {
        return h.createQuery("SELECT id FROM patient WHERE id = :id FOR UPDATE").bind("id", patientId)
                .mapTo(String.class).findOne();
    }

    /** A person's preferred times, Monday first. */
    public List<PreferredTime> preferredTimes(Handle h, String patientId) {
        return h.createQuery("SELECT day_of_week, from_time, to_time FROM patient_preferred_time WHERE patient_id = :p "
                + "ORDER BY day_of_week").bind("p", patientId).map((rs, ctx) -> new PreferredTime(
                        java.time.DayOfWeek.of(rs.getInt(1)).name().toLowerCase(java.util.Locale.ROOT),
                        rs.getObject(2, java.time.LocalTime.class), rs.getObject(3, java.time.LocalTime.class))).list();
    }

    /** Replaces a person's preferred times. */
    public void setPreferredTimes(Handle h, String patientId, List<PreferredTime> windows) {
        h.createUpdate("DELETE FROM patient_preferred_time WHERE patient_id = :p").bind("p", patientId).execute();
        for (PreferredTime w : windows) {
            h.createUpdate("INSERT INTO patient_preferred_time (patient_id, day_of_week, from_time, to_time) VALUES "
                    + "(:p, :d, :f, :t)").bind("p", patientId).bind("d", w.dayOfWeek().getValue()).bind("f", w.from())
                    .bind("t", w.to()).execute();
        }
    }
}
