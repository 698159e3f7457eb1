package org.openapheresis.server.followup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.openapheresis.gvhd.ChronicGvhdSeverity;
import org.openapheresis.gvhd.ChronicOrgan;
import org.openapheresis.gvhd.ChronicOrganScores;
import org.openapheresis.server.db.Times;

/** Chronic GVHD assessments: SQL only, in the caller's handle, inserts and reads only. */
public final class ChronicGvhdStore {

    private static final String COLUMNS = "id, patient_id, assessed_at, skin_score, mouth_score, eyes_score, "
            + "gi_tract_score, liver_score, lungs_score, joints_fascia_score, genital_tract_score, non_gvhd_cause_organs, "
            + "severity, severity_rule, grading_system, grading_version, grading_source, note, recorded_at, recorded_by, "
            + "corrects_id, correction_reason";

    public void insert(Handle h, ChronicGvhdAssessment a) {
        ChronicOrganScores s = a.scores();
        h.createUpdate("INSERT INTO chronic_gvhd_assessment (" + COLUMNS + ") VALUES (:id, :patientId, :assessedAt, "
                + ":skin, :mouth, :eyes, :gi, :liver, :lungs, :joints, :genital, :other, :severity, :rule, :system, "
                + ":version, :source, :note, :recordedAt, :recordedBy, :corrects, :correctionReason)")
                .bind("id", a.id()).bind("patientId", a.patientId()).bind("assessedAt", Times.toDb(a.assessedAt()))
                .bind("skin", s.skin()).bind("mouth", s.mouth()).bind("eyes", s.eyes()).bind("gi", s.giTract())
                .bind("liver", s.liver()).bind("lungs", s.lungs()).bind("joints", s.jointsAndFascia())
                .bind("genital", s.genitalTract())
                .bind("other", Arrays.stream(ChronicOrgan.values()).filter(o -> !s.counts(o)).map(ChronicOrgan::code)
                        .collect(Collectors.joining(",")))
                .bind("severity", a.severity().name()).bind("rule", a.severityRule())
                .bind("system", a.gradingSystem()).bind("version", a.gradingVersion()).bind("source", a.gradingSource())
                .bind("note", a.note().orElse(null)).bind("recordedAt", Times.toDb(a.recordedAt()))
                .bind("recordedBy", a.recordedBy()).bind("corrects", a.corrects().orElse(null))
                .bind("correctionReason", a.correctionReason().orElse(null)).execute();
    }

    /** Takes the assessment's row lock until the transaction ends: a record is corrected once. */
    public Optional<String> lock(Handle h, String id) {
        return h.createQuery("SELECT id FROM chronic_gvhd_assessment WHERE id = :id FOR UPDATE").bind("id", id)
                .mapTo(String.class).findOne();
    }

    /** The id of the assessment that corrects this one, if any. */
    public Optional<String> correctionOf(Handle h, String id) {
        return h.createQuery("SELECT id FROM chronic_gvhd_assessment WHERE corrects_id = :id").bind("id", id)
                .mapTo(String.class).findOne();
    }

    public Optional<ChronicGvhdAssessment> find(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM chronic_gvhd_assessment WHERE id = :id").bind("id", id)
                .map((rs, c) -> row(rs)).findOne();
    }

    /** The patient's assessments, the latest first. */
    public List<ChronicGvhdAssessment> ofPatient(Handle h, String patientId, int limit) {
        return h.createQuery("SELECT " + COLUMNS + " FROM chronic_gvhd_assessment WHERE patient_id = :p "
                + "ORDER BY assessed_at DESC, recorded_at DESC, id DESC").bind("p", patientId).setMaxRows(limit)
                .map((rs, c) -> row(rs)).list();
    }

    private static ChronicGvhdAssessment row(ResultSet rs) throws SQLException {
        Set<ChronicOrgan> other = EnumSet.noneOf(ChronicOrgan.class);
        String codes = rs.getString("non_gvhd_cause_organs");
        if (!codes.isEmpty()) {
            for (String c : codes.split(",")) {
                other.add(ChronicOrgan.fromCode(c).orElseThrow(() -> new IllegalStateException("unknown organ " + c)));
            }
        }
        ChronicOrganScores s = new ChronicOrganScores(rs.getInt("skin_score"), rs.getInt("mouth_score"),
                rs.getInt("eyes_score"), rs.getInt("gi_tract_score"), rs.getInt("liver_score"), rs.getInt("lungs_score"),
                rs.getInt("joints_fascia_score"), rs.getInt("genital_tract_score"), other);
        return new ChronicGvhdAssessment(rs.getString("id"), rs.getString("patient_id"),
                Times.fromDb(rs.getObject("assessed_at", LocalDateTime.class)), s,
                ChronicGvhdSeverity.valueOf(rs.getString("severity")), rs.getString("severity_rule"),
                rs.getString("grading_system"), rs.getString("grading_version"), rs.getString("grading_source"),
                Optional.ofNullable(rs.getString("note")), Times.fromDb(rs.getObject("recorded_at", LocalDateTime.class)),
                rs.getString("recorded_by"), Optional.ofNullable(rs.getString("corrects_id")),
                Optional.ofNullable(rs.getString("correction_reason")));
    }
}
