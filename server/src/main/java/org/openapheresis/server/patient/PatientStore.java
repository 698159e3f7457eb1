package org.openapheresis.server.patient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.openapheresis.server.db.Ids;
import org.openapheresis.server.db.Times;
import org.openapheresis.server.json.Json;

/**
 * Patients, donors and their lab results in the database. Every method works in the caller's handle, so a
 * write and its audit entry share one transaction.
 */
public final class PatientStore {

    private static final String COLUMNS = "id, version, kind, mrn, given_name, family_name, birth_date, sex, "
            + "height_cm, weight_kg, coverage, clinical, created_at, created_by, updated_at, updated_by";

    /** One lab value as recorded. */
    public record LabEntry(String id, String patientId, String sessionId, Instant takenAt, String phase,
            String field, double value, String unit, Instant recordedAt, String recordedBy) {
    }

    public void insert(Handle h, PatientRecord p) {
        h.createUpdate("INSERT INTO patient (" + COLUMNS + ") VALUES (:id, :version, :kind, :mrn, :given, :family, "
                + ":birth, :sex, :height, :weight, :coverage, :clinical, :createdAt, :createdBy, :updatedAt, "
                + ":updatedBy)")
                .bind("id", p.id()).bind("version", p.version()).bind("kind", p.kind()).bind("mrn", p.mrn())
                .bind("given", p.givenName()).bind("family", p.familyName()).bind("birth", p.birthDate())
                .bind("sex", p.sex()).bind("height", p.heightCm()).bind("weight", p.weightKg())
                .bind("coverage", Json.write(p.coverage())).bind("clinical", clinical(p))
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
                .bind("id", p.id()).bind("version", p.version()).bind("kind", p.kind()).bind("mrn", p.mrn())
                .bind("given", p.givenName()).bind("family", p.familyName()).bind("birth", p.birthDate())
                .bind("sex", p.sex()).bind("height", p.heightCm()).bind("weight", p.weightKg())
                .bind("coverage", Json.write(p.coverage())).bind("clinical", clinical(p))
                .bind("updatedAt", Times.toDb(p.updatedAt())).bind("updatedBy", p.updatedBy())
                .bind("expected", expectedVersion).execute() == 1;
    }

    private static String clinical(PatientRecord p) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("allergies", p.allergies());
        c.put("medications", p.medications());
        c.put("aceInhibitor", p.aceInhibitor());
        c.put("plasmaAllergy", p.plasmaAllergy());
        return Json.write(c);
    }

    public Optional<PatientRecord> find(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM patient WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> row(rs)).findOne().map(p -> p.withLabs(latestLabs(h, p.id())));
    }

    public boolean mrnTaken(Handle h, String mrn, String exceptId) {
        return h.createQuery("SELECT COUNT(*) FROM patient WHERE mrn = :mrn AND id <> :id")
                .bind("mrn", mrn).bind("id", exceptId == null ? "" : exceptId).mapTo(Integer.class).one() > 0;
    }

    /** Patients whose name or MRN contains {@code text} (case-insensitive), by family name. */
    public List<PatientRecord> search(Handle h, Optional<String> text, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM patient"
                + (text.isPresent() ? " WHERE LOWER(family_name) LIKE :q OR LOWER(given_name) LIKE :q "
                        + "OR LOWER(mrn) LIKE :q" : "")
                + " ORDER BY family_name, given_name, id LIMIT :limit";
        var q = h.createQuery(sql).bind("limit", limit);
        text.ifPresent(t -> q.bind("q", "%" + t.toLowerCase(java.util.Locale.ROOT).replace("%", "") + "%"));
        return q.map((rs, ctx) -> row(rs)).list().stream().map(p -> p.withLabs(latestLabs(h, p.id()))).toList();
    }

    @SuppressWarnings("unchecked")
    private static PatientRecord row(ResultSet rs) throws SQLException {
        Map<String, Object> clinical = (Map<String, Object>) Json.parse(rs.getString("clinical"));
        String coverage = rs.getString("coverage");
        Map<String, String> cov = coverage == null ? Map.of() : (Map<String, String>) Json.parse(coverage);
        return new PatientRecord(rs.getString("id"), rs.getInt("version"), rs.getString("kind"), rs.getString("mrn"),
                rs.getString("given_name"), rs.getString("family_name"), rs.getObject("birth_date", LocalDate.class),
                rs.getString("sex"), (Double) rs.getObject("height_cm", Double.class),
                (Double) rs.getObject("weight_kg", Double.class), cov,
                (List<String>) clinical.getOrDefault("allergies", List.of()),
                (List<String>) clinical.getOrDefault("medications", List.of()),
                Boolean.TRUE.equals(clinical.get("aceInhibitor")), Boolean.TRUE.equals(clinical.get("plasmaAllergy")),
                Map.of(), Times.fromDb(rs.getObject("created_at", LocalDateTime.class)), rs.getString("created_by"),
                Times.fromDb(rs.getObject("updated_at", LocalDateTime.class)), rs.getString("updated_by"));
    }

    /** Records lab values; returns what was stored. */
    public List<LabEntry> addLabs(Handle h, String patientId, String sessionId, Instant takenAt, String phase,
            Map<String, Double> values, Instant now, String by) {
        List<LabEntry> out = new java.util.ArrayList<>();
        for (var e : values.entrySet()) {
            LabField f = LabField.of(e.getKey()).orElseThrow();
            LabEntry entry = new LabEntry(Ids.next(), patientId, sessionId, takenAt, phase, f.field(), e.getValue(),
                    f.unit(), now, by);
            h.createUpdate("INSERT INTO lab_result (id, patient_id, session_id, taken_at, phase, analyte, value_num, "
                    + "unit, recorded_at, recorded_by) VALUES (:id, :p, :s, :t, :phase, :a, :v, :u, :r, :by)")
                    .bind("id", entry.id()).bind("p", patientId).bind("s", sessionId).bind("t", Times.toDb(takenAt))
                    .bind("phase", phase).bind("a", f.field()).bind("v", e.getValue()).bind("u", f.unit())
                    .bind("r", Times.toDb(now)).bind("by", by).execute();
            out.add(entry);
        }
        return out;
    }

    /** Lab history, oldest first. */
    public List<LabEntry> labHistory(Handle h, String patientId) {
        return h.createQuery("SELECT id, patient_id, session_id, taken_at, phase, analyte, value_num, unit, "
                + "recorded_at, recorded_by FROM lab_result WHERE patient_id = :p ORDER BY taken_at, recorded_at, id")
                .bind("p", patientId).map((rs, ctx) -> labRow(rs)).list();
    }

    public List<LabEntry> sessionLabs(Handle h, String sessionId) {
        return h.createQuery("SELECT id, patient_id, session_id, taken_at, phase, analyte, value_num, unit, "
                + "recorded_at, recorded_by FROM lab_result WHERE session_id = :s ORDER BY taken_at, recorded_at, id")
                .bind("s", sessionId).map((rs, ctx) -> labRow(rs)).list();
    }

    private static LabEntry labRow(ResultSet rs) throws SQLException {
        return new LabEntry(rs.getString(1), rs.getString(2), rs.getString(3),
                Times.fromDb(rs.getObject(4, LocalDateTime.class)), rs.getString(5), rs.getString(6), rs.getDouble(7),
                rs.getString(8), Times.fromDb(rs.getObject(9, LocalDateTime.class)), rs.getString(10));
    }

    /** The latest value of each lab field, in {@link LabField} order. */
    public Map<String, Double> latestLabs(Handle h, String patientId) {
        Map<String, Double> latest = new LinkedHashMap<>();
        for (LabEntry e : labHistory(h, patientId)) {
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
}
