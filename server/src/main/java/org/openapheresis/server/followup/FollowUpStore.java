package org.openapheresis.server.followup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.openapheresis.gvhd.Chimerism;
import org.openapheresis.gvhd.ChimerismCompartment;
import org.openapheresis.gvhd.MagicGrade;
import org.openapheresis.gvhd.MagicStaging;
import org.openapheresis.gvhd.Organ;
import org.openapheresis.gvhd.OrganStage;
import org.openapheresis.server.db.Times;

/** Follow-up visits and their chimerism results: SQL only, in the caller's handle, inserts and reads only. */
public final class FollowUpStore {

    private static final String COLUMNS = "id, patient_id, visit_at, skin_active_rash_bsa_percent, skin_erythroderma_bullae, "
            + "liver_total_bilirubin_mg_per_dl, liver_total_bilirubin_umol_per_l, upper_gi_persistent_symptoms, "
            + "lower_gi_stool_ml_per_day, lower_gi_stool_ml_per_kg_per_day, lower_gi_severe_pain, lower_gi_bloody_stool, "
            + "skin_stage, skin_rule, liver_stage, liver_rule, upper_gi_stage, upper_gi_rule, lower_gi_stage, lower_gi_rule, "
            + "grade, grade_rule, grading_system, grading_version, grading_source, corrects_id, correction_reason, "
            + "recorded_at, recorded_by";

    public void insert(Handle h, FollowUp v) {
        FollowUp.Entered e = v.entered();
        MagicStaging s = v.staging();
        h.createUpdate("INSERT INTO follow_up_visit (" + COLUMNS + ") VALUES (:id, :patientId, :visitAt, :bsa, :bullae, "
                + ":bili, :biliUmol, :upperGi, :stool, :stoolKg, :pain, :blood, :skinStage, :skinRule, :liverStage, "
                + ":liverRule, :upperGiStage, :upperGiRule, :lowerGiStage, :lowerGiRule, :grade, :gradeRule, :system, "
                + ":version, :source, :corrects, :reason, :recordedAt, :recordedBy)")
                .bind("id", v.id()).bind("patientId", v.patientId()).bind("visitAt", Times.toDb(v.visitAt()))
                .bind("bsa", e.activeRashBodySurfacePercent()).bind("bullae", e.erythrodermaWithBullae())
                .bind("bili", e.totalBilirubinMgPerDl()).bind("biliUmol", e.totalBilirubinMicromolPerL().orElse(null))
                .bind("upperGi", e.upperGiPersistent()).bind("stool", e.stoolOutputMlPerDay().orElse(null))
                .bind("stoolKg", e.stoolOutputMlPerKgPerDay().orElse(null)).bind("pain", e.severeAbdominalPain())
                .bind("blood", e.grosslyBloodyStool())
                .bind("skinStage", s.skin().stage()).bind("skinRule", s.skin().rule())
                .bind("liverStage", s.liver().stage()).bind("liverRule", s.liver().rule())
                .bind("upperGiStage", s.upperGi().stage()).bind("upperGiRule", s.upperGi().rule())
                .bind("lowerGiStage", s.lowerGi().stage()).bind("lowerGiRule", s.lowerGi().rule())
                .bind("grade", s.grade().name()).bind("gradeRule", s.gradeRule())
                .bind("system", v.gradingSystem()).bind("version", v.gradingVersion()).bind("source", v.gradingSource())
                .bind("corrects", v.corrects().orElse(null)).bind("reason", v.correctionReason().orElse(null))
                .bind("recordedAt", Times.toDb(v.recordedAt())).bind("recordedBy", v.recordedBy()).execute();
        List<Chimerism> c = v.chimerism();
        for (int i = 0; i < c.size(); i++) {
            h.createUpdate("INSERT INTO follow_up_chimerism (visit_id, seq, compartment, donor_percent, sampled_on) "
                    + "VALUES (:visit, :seq, :compartment, :percent, :on)").bind("visit", v.id()).bind("seq", i)
                    .bind("compartment", c.get(i).compartment().name()).bind("percent", c.get(i).donorPercent())
                    .bind("on", c.get(i).sampledOn()).execute();
        }
    }

    public Optional<FollowUp> find(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM follow_up_visit WHERE id = :id").bind("id", id)
                .map((rs, c) -> row(rs)).findOne().map(v -> withChimerism(h, List.of(v)).get(0));
    }

    /** Takes the record's row lock until the transaction ends: corrections of one record are made one at a time. */
    public Optional<String> lock(Handle h, String id) {
        return h.createQuery("SELECT id FROM follow_up_visit WHERE id = :id FOR UPDATE").bind("id", id)
                .mapTo(String.class).findOne();
    }

    /** The id of the record that corrects this one, if any. */
    public Optional<String> correctionOf(Handle h, String id) {
        return h.createQuery("SELECT id FROM follow_up_visit WHERE corrects_id = :id").bind("id", id)
                .mapTo(String.class).findOne();
    }

    /** The patient's records, the latest visit first (a correction before the record it corrects), with who corrects each. */
    public List<FollowUp.View> ofPatient(Handle h, String patientId, int limit) {
        List<FollowUp> visits = h.createQuery("SELECT " + COLUMNS + " FROM follow_up_visit WHERE patient_id = :p "
                + "ORDER BY visit_at DESC, recorded_at DESC, id DESC").bind("p", patientId).setMaxRows(limit)
                .map((rs, c) -> row(rs)).list();
        Map<String, String> correctedBy = new LinkedHashMap<>();
        h.createQuery("SELECT corrects_id, id FROM follow_up_visit WHERE patient_id = :p AND corrects_id IS NOT NULL")
                .bind("p", patientId).map((rs, c) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> correctedBy.put(e.getKey(), e.getValue()));
        List<FollowUp.View> out = new ArrayList<>();
        for (FollowUp v : withChimerism(h, visits)) {
            out.add(new FollowUp.View(v, Optional.ofNullable(correctedBy.get(v.id()))));
        }
        return out;
    }

    /** The grades of the patient's current records (not corrected by a later one) of visits at or after a time. */
    public List<Graded> currentGradesSince(Handle h, String patientId, Instant since) {
        return h.createQuery("SELECT v.id, v.visit_at, v.grade FROM follow_up_visit v WHERE v.patient_id = :p "
                + "AND v.visit_at >= :since AND NOT EXISTS (SELECT 1 FROM follow_up_visit c WHERE c.corrects_id = v.id) "
                + "ORDER BY v.visit_at").bind("p", patientId).bind("since", Times.toDb(since))
                .map((rs, c) -> new Graded(rs.getString(1), Times.fromDb(rs.getObject(2, java.time.LocalDateTime.class)),
                        MagicGrade.valueOf(rs.getString(3)))).list();
    }

    /** A visit's record, its time and its recorded grade. */
    public record Graded(String visitId, Instant visitAt, MagicGrade grade) {
    }

    private List<FollowUp> withChimerism(Handle h, List<FollowUp> visits) {
        if (visits.isEmpty()) {
            return visits;
        }
        Map<String, List<Chimerism>> byVisit = new LinkedHashMap<>();
        visits.forEach(v -> byVisit.put(v.id(), new ArrayList<>()));
        h.createQuery("SELECT visit_id, compartment, donor_percent, sampled_on FROM follow_up_chimerism "
                + "WHERE visit_id IN (<ids>) ORDER BY visit_id, seq").bindList("ids", List.copyOf(byVisit.keySet()))
                .map((rs, c) -> Map.entry(rs.getString(1), new Chimerism(rs.getDouble(3),
                        ChimerismCompartment.valueOf(rs.getString(2)), rs.getObject(4, LocalDate.class))))
                .forEach(e -> byVisit.get(e.getKey()).add(e.getValue()));
        return visits.stream().map(v -> new FollowUp(v.id(), v.patientId(), v.visitAt(), v.entered(), v.staging(),
                v.gradingSystem(), v.gradingVersion(), v.gradingSource(), byVisit.get(v.id()), v.corrects(),
                v.correctionReason(), v.recordedAt(), v.recordedBy())).toList();
    }

    private static FollowUp row(ResultSet rs) throws SQLException {
        FollowUp.Entered e = new FollowUp.Entered(rs.getDouble("skin_active_rash_bsa_percent"),
                rs.getBoolean("skin_erythroderma_bullae"), rs.getDouble("liver_total_bilirubin_mg_per_dl"),
                optional(rs, "liver_total_bilirubin_umol_per_l"), rs.getBoolean("upper_gi_persistent_symptoms"),
                optional(rs, "lower_gi_stool_ml_per_day"), optional(rs, "lower_gi_stool_ml_per_kg_per_day"),
                rs.getBoolean("lower_gi_severe_pain"), rs.getBoolean("lower_gi_bloody_stool"));
        MagicStaging s = new MagicStaging(
                new OrganStage(Organ.SKIN, rs.getInt("skin_stage"), rs.getString("skin_rule")),
                new OrganStage(Organ.LIVER, rs.getInt("liver_stage"), rs.getString("liver_rule")),
                new OrganStage(Organ.UPPER_GI, rs.getInt("upper_gi_stage"), rs.getString("upper_gi_rule")),
                new OrganStage(Organ.LOWER_GI, rs.getInt("lower_gi_stage"), rs.getString("lower_gi_rule")),
                MagicGrade.valueOf(rs.getString("grade")), rs.getString("grade_rule"));
        return new FollowUp(rs.getString("id"), rs.getString("patient_id"),
                Times.fromDb(rs.getObject("visit_at", java.time.LocalDateTime.class)), e, s, rs.getString("grading_system"),
                rs.getString("grading_version"), rs.getString("grading_source"), List.of(),
                Optional.ofNullable(rs.getString("corrects_id")), Optional.ofNullable(rs.getString("correction_reason")),
                Times.fromDb(rs.getObject("recorded_at", java.time.LocalDateTime.class)), rs.getString("recorded_by"));
    }

    private static Optional<Double> optional(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(v);
    }
}
