package org.openapheresis.server.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openapheresis.gvhd.ChronicOrganScores;
import org.openapheresis.gvhd.Nih2014;
import org.openapheresis.server.access.Role;
import org.openapheresis.server.support.Api;
import org.openapheresis.server.support.Databases;
import org.openapheresis.server.support.Unit;
import org.openapheresis.server.support.UnitPerDatabase;

/**
 * Chronic GVHD assessments over HTTP on H2 and PostgreSQL: the global severity is the core's, stored and read back
 * as computed; scores outside 0-3 are refused naming the field; only physicians record; the list carries the trend;
 * a photopheresis order names the assessment it treats, and only its patient's.
 */
class ChronicGvhdRoutesTest {

    private static final UnitPerDatabase UNITS = new UnitPerDatabase();

    @AfterAll
    static void close() {
        UNITS.close();
    }

    private static String path(String patientId) {
        return "/api/patients/" + patientId + "/chronic-gvhd";
    }

    /** Skin 2, mouth 1, eyes 1, joints and fascia 1, the others 0: moderate (an organ other than the lung at 2). */
    private static Map<String, Object> moderate(Instant at) {
        Map<String, Object> scores = new LinkedHashMap<>();
        scores.put("skin", 2);
        scores.put("mouth", 1);
        scores.put("eyes", 1);
        scores.put("giTract", 0);
        scores.put("liver", 0);
        scores.put("lungs", 0);
        scores.put("jointsAndFascia", 1);
        scores.put("genitalTract", 0);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("assessedAt", at.toString());
        m.put("scores", scores);
        return m;
    }

    /** Skin 1, mouth 1, the others 0: mild. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> mild(Instant at) {
        Map<String, Object> m = moderate(at);
        Map<String, Object> scores = new LinkedHashMap<>((Map<String, Object>) m.get("scores"));
        scores.put("skin", 1);
        scores.put("eyes", 0);
        scores.put("jointsAndFascia", 0);
        m.put("scores", scores);
        return m;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> problems(Api.Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(422);
        return (List<Map<String, Object>>) a.map().get("problems");
    }

    /** Offline photopheresis by the chronic GVHD regimen (examples/chronic-gvhd-photopheresis.json). */
    static Map<String, Object> photopheresisOrder(String patientId, String assessmentId) {
        Map<String, Object> indication = new LinkedHashMap<>();
        indication.put("code", "D89.81");
        indication.put("text", "Chronic GVHD after allogeneic HPC transplant");
        indication.put("guidelineRow", "graft-versus-host-disease-chronic-ecp");
        if (assessmentId != null) {
            indication.put("chronicGvhdAssessmentId", assessmentId);
        }
        Map<String, Object> procedure = new LinkedHashMap<>();
        procedure.put("type", "photopheresis");
        procedure.put("device", "continuous-flow");
        procedure.put("method", "offline");
        procedure.put("processedVolumeMl", 1500);
        procedure.put("inletFlowMlPerMin", 40);
        procedure.put("treatmentVolumeMl", 240);
        procedure.put("regimen", "asfa-cgvhd");
        procedure.put("cycleIntervalWeeks", 2);
        procedure.put("taperCycles", 3);
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("patientId", patientId);
        o.put("indication", indication);
        o.put("procedure", procedure);
        return o;
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    @SuppressWarnings("unchecked")
    void an_assessment_is_answered_and_read_back_with_the_severity_the_core_computes_and_the_trend(Databases.Kind kind) {
        Unit u = UNITS.of(kind);
        String dr = u.token(Role.PHYSICIAN);
        String patient = u.createPatient(Unit.mrn("CGVHD"));
        Instant earlier = Instant.now().minus(Duration.ofDays(60)).truncatedTo(ChronoUnit.SECONDS);
        Instant later = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> first = Unit.expect(u.api.post(path(patient), dr, moderate(earlier)), 201).map();
        Nih2014.Grading core = ChronicOrganScores.of(2, 1, 1, 0, 0, 0, 1, 0).severity();
        assertThat(first).containsEntry("severity", "moderate").containsEntry("severityRule", core.rule())
                .containsEntry("gradingSystem", "NIH").containsEntry("gradingVersion", "2014 consensus (Jagasia 2015)")
                .containsEntry("source", Nih2014.SOURCE).containsEntry("recordedBy", "physician1")
                .containsEntry("nonGvhdCause", List.of());
        assertThat((Map<String, Object>) first.get("scores")).containsEntry("skin", 2).containsEntry("lungs", 0);
        assertThat((String) first.get("severityRule")).contains("here skin score 2").contains("UNVERIFIED");
        Map<String, Object> second = Unit.expect(u.api.post(path(patient), dr, mild(later)), 201).map();
        assertThat(second).containsEntry("severity", "mild");

        Map<String, Object> list = Unit.expect(u.api.get(path(patient), u.token(Role.NURSE)), 200).map();
        List<Map<String, Object>> all = (List<Map<String, Object>>) list.get("assessments");
        assertThat(all).extracting(a -> a.get("severity")).as("the latest first").containsExactly("mild", "moderate");
        assertThat(all.get(1)).containsAllEntriesOf(first).containsEntry("current", true);
        assertThat((Map<String, Object>) list.get("latest")).isEqualTo(second);
        Map<String, Object> trend = (Map<String, Object>) list.get("trend");
        assertThat(trend).containsEntry("direction", "improving");
        assertThat((String) trend.get("summary")).startsWith("moderate on ").contains("then mild on")
                .contains("not the NIH response criteria");
        assertThat((List<Map<String, Object>>) trend.get("series")).extracting(p -> p.get("severity"))
                .as("earliest first").containsExactly("moderate", "mild");

        List<Map<String, Object>> audit = u.api.get("/api/audit?patientId=" + patient, u.token(Role.ADMIN)).list();
        assertThat(audit).extracting(e -> e.get("action"))
                .contains("POST /api/patients/{id}/chronic-gvhd", "GET /api/patients/{id}/chronic-gvhd");
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    @SuppressWarnings("unchecked")
    void a_correction_is_a_new_assessment_naming_the_one_it_corrects_which_is_kept_and_no_longer_counts(
            Databases.Kind kind) {
        Unit u = UNITS.of(kind);
        String dr = u.token(Role.PHYSICIAN);
        String patient = u.createPatient(Unit.mrn("CGVHDFIX"));
        Instant earlier = Instant.now().minus(Duration.ofDays(60)).truncatedTo(ChronoUnit.SECONDS);
        Instant later = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        String first = Unit.expect(u.api.post(path(patient), dr, moderate(earlier)), 201).id();
        String second = Unit.expect(u.api.post(path(patient), dr, mild(later)), 201).id();

        // the later assessment was mild by mistake: the eyes scored 2 (moderate); corrected with the reason
        Map<String, Object> fix = moderate(later);
        fix.put("corrects", second);
        Api.Answer noReason = u.api.post(path(patient), dr, fix);
        assertThat(problems(noReason)).extracting(x -> x.get("field")).containsExactly("correctionReason");
        fix.put("correctionReason", "the eyes were scored 0 by mistake: Schirmer 4 mm, score 2");
        Map<String, Object> corrected = Unit.expect(u.api.post(path(patient), dr, fix), 201).map();
        assertThat(corrected).containsEntry("corrects", second).containsEntry("severity", "moderate")
                .containsEntry("correctionReason", "the eyes were scored 0 by mistake: Schirmer 4 mm, score 2");

        Map<String, Object> list = Unit.expect(u.api.get(path(patient), dr), 200).map();
        List<Map<String, Object>> all = (List<Map<String, Object>>) list.get("assessments");
        assertThat(all).as("nothing overwritten: all three kept").hasSize(3);
        Map<String, Object> old = all.stream().filter(a -> second.equals(a.get("id"))).findFirst().orElseThrow();
        assertThat(old).containsEntry("severity", "mild").containsEntry("current", false)
                .containsEntry("correctedBy", corrected.get("id"));
        assertThat((Map<String, Object>) list.get("latest")).containsEntry("id", corrected.get("id"));
        Map<String, Object> trend = (Map<String, Object>) list.get("trend");
        assertThat((List<Map<String, Object>>) trend.get("series")).extracting(x -> x.get("assessmentId"))
                .as("the trend over the assessments that stand").containsExactly(first, corrected.get("id"));
        assertThat(trend).containsEntry("direction", "unchanged");

        // a record is corrected once; a correction names an assessment of this patient
        Map<String, Object> again = moderate(later);
        again.put("corrects", second);
        again.put("correctionReason", "again");
        Api.Answer twice = u.api.post(path(patient), dr, again);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.map()).containsEntry("key", "FOLLOW_UP_ALREADY_CORRECTED")
                .containsEntry("correctedBy", corrected.get("id"));
        String other = u.createPatient(Unit.mrn("CGVHDOTHER"));
        Api.Answer foreign = u.api.post(path(other), dr, again);
        assertThat(problems(foreign)).extracting(x -> x.get("field")).containsExactly("corrects");
        Map<String, Object> reasonOnly = moderate(later);
        reasonOnly.put("correctionReason", "a reason without a record");
        assertThat(problems(u.api.post(path(patient), dr, reasonOnly))).extracting(x -> x.get("field"))
                .containsExactly("corrects");
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    @SuppressWarnings("unchecked")
    void an_organ_attributed_wholly_to_another_cause_is_stored_and_not_counted(Databases.Kind kind) {
        Unit u = UNITS.of(kind);
        String patient = u.createPatient(Unit.mrn("CGVHD-OTHER"));
        Map<String, Object> body = mild(Instant.now().minusSeconds(60));
        Map<String, Object> scores = new LinkedHashMap<>((Map<String, Object>) body.get("scores"));
        scores.put("lungs", 2);
        body.put("scores", scores);
        body.put("nonGvhdCause", List.of("lungs"));
        Map<String, Object> a = Unit.expect(u.api.post(path(patient), u.token(Role.PHYSICIAN), body), 201).map();
        assertThat(a).containsEntry("severity", "mild").containsEntry("nonGvhdCause", List.of("lungs"));
        assertThat((String) a.get("severityRule")).contains("not counted").contains("lungs score 2");
        Map<String, Object> read = (Map<String, Object>) Unit.expect(u.api.get(path(patient), u.token(Role.PHYSICIAN)), 200)
                .map().get("latest");
        assertThat(read).isEqualTo(a);
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    @SuppressWarnings("unchecked")
    void impossible_scores_are_refused_with_422_naming_each_field(Databases.Kind kind) {
        Unit u = UNITS.of(kind);
        String dr = u.token(Role.PHYSICIAN);
        String patient = u.createPatient(Unit.mrn("CGVHD-BAD"));
        Map<String, Object> body = moderate(Instant.now().plus(Duration.ofDays(1)));
        Map<String, Object> scores = new LinkedHashMap<>((Map<String, Object>) body.get("scores"));
        scores.put("lungs", 4);
        scores.put("eyes", 1.5);
        scores.remove("mouth");
        body.put("scores", scores);
        body.put("nonGvhdCause", List.of("kidney"));
        assertThat(problems(u.api.post(path(patient), dr, body))).extracting(p -> p.get("field") + " " + p.get("key"))
                .containsExactlyInAnyOrder("assessedAt IN_THE_FUTURE", "scores.lungs OUT_OF_RANGE",
                        "scores.eyes WRONG_TYPE", "scores.mouth REQUIRED", "nonGvhdCause[0] NOT_ONE_OF");

        Map<String, Object> zeroAttributed = moderate(Instant.now().minusSeconds(60));
        zeroAttributed.put("nonGvhdCause", List.of("liver"));
        assertThat(problems(u.api.post(path(patient), dr, zeroAttributed)))
                .extracting(p -> p.get("field") + " " + p.get("key")).containsExactly("nonGvhdCause INVALID");
        Map<String, Object> negative = moderate(Instant.now().minusSeconds(60));
        ((Map<String, Object>) negative.get("scores")).put("skin", -1);
        assertThat(problems(u.api.post(path(patient), dr, negative))).extracting(p -> p.get("field") + " " + p.get("key"))
                .containsExactly("scores.skin OUT_OF_RANGE");
        assertThat((List<?>) u.api.get(path(patient), dr).map().get("assessments")).as("nothing was recorded").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void only_physicians_record_assessments_and_the_lab_and_billing_do_not_read_them(Databases.Kind kind) {
        Unit u = UNITS.of(kind);
        String patient = u.createPatient(Unit.mrn("CGVHD-ROLES"));
        Map<String, Object> body = mild(Instant.now().minusSeconds(60));
        for (Role r : List.of(Role.NURSE, Role.COORDINATOR, Role.LAB, Role.BILLING, Role.ADMIN)) {
            assertThat(u.api.post(path(patient), u.token(r), body).status()).as(r.code()).isEqualTo(403);
        }
        for (Role r : List.of(Role.LAB, Role.BILLING, Role.ADMIN)) {
            assertThat(u.api.get(path(patient), u.token(r)).status()).as(r.code()).isEqualTo(403);
        }
        assertThat(u.api.get(path("00000000-0000-0000-0000-000000000000"), u.token(Role.PHYSICIAN)).status())
                .isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    @SuppressWarnings("unchecked")
    void a_photopheresis_order_names_the_assessment_it_treats_and_only_one_of_its_patients(Databases.Kind kind) {
        Unit u = UNITS.of(kind);
        String dr = u.token(Role.PHYSICIAN);
        String patient = u.createPatient(Unit.mrn("CGVHD-ECP"));
        String other = u.createPatient(Unit.mrn("CGVHD-ECP-OTHER"));
        String assessment = Unit.expect(u.api.post(path(patient), dr, moderate(Instant.now().minusSeconds(600))), 201).id();
        String theirs = Unit.expect(u.api.post(path(other), dr, mild(Instant.now().minusSeconds(600))), 201).id();

        Api.Answer created = Unit.expect(u.api.post("/api/orders", dr, photopheresisOrder(patient, assessment)), 201);
        assertThat((Map<String, Object>) created.map().get("indication")).containsEntry("chronicGvhdAssessmentId", assessment);
        Map<String, Object> read = Unit.expect(u.api.get("/api/orders/" + created.id(), dr), 200).map();
        assertThat((Map<String, Object>) read.get("indication")).containsEntry("chronicGvhdAssessmentId", assessment)
                .containsEntry("guidelineRow", "graft-versus-host-disease-chronic-ecp");

        Map<String, Object> changed = photopheresisOrder(patient, assessment);
        changed.put("version", read.get("version"));
        Map<String, Object> after = Unit.expect(u.api.put("/api/orders/" + created.id(), dr, changed), 200).map();
        assertThat((Map<String, Object>) after.get("indication")).containsEntry("chronicGvhdAssessmentId", assessment);

        assertThat(problems(u.api.post("/api/orders", dr, photopheresisOrder(patient, theirs))))
                .extracting(p -> p.get("field") + " " + p.get("key"))
                .containsExactly("indication.chronicGvhdAssessmentId NOT_FOUND");
        Map<String, Object> exchange = Unit.plasmaExchangeOrder(patient);
        exchange.put("indication", Map.of("code", "G35.A", "text", "MS relapse", "chronicGvhdAssessmentId", assessment));
        assertThat(problems(u.api.post("/api/orders", dr, exchange))).extracting(p -> p.get("field") + " " + p.get("key"))
                .containsExactly("indication.chronicGvhdAssessmentId INVALID");
        Api.Answer unlinked = Unit.expect(u.api.post("/api/orders", dr, photopheresisOrder(patient, null)), 201);
        assertThat((Map<String, Object>) unlinked.map().get("indication")).containsEntry("chronicGvhdAssessmentId", null);
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_photopheresis_for_a_patient_with_aphakia_on_the_record_warns_of_the_methoxsalen_label(Databases.Kind kind) {
        Unit u = UNITS.of(kind);
        Map<String, Object> body = Unit.msRelapsePatient(Unit.mrn("APHAKIA"));
        body.put("conditions", List.of("Aphakia, right eye (1998)", "Chronic GVHD"));
        Api.Answer created = Unit.expect(u.api.post("/api/patients", u.token(Role.NURSE), body), 201);
        assertThat(created.map()).containsEntry("conditions", List.of("Aphakia, right eye (1998)", "Chronic GVHD"));
        String patient = created.id();
        Api.Answer order = Unit.expect(u.api.post("/api/orders", u.token(Role.PHYSICIAN), photopheresisOrder(patient,
                null)), 201);
        assertThat(order.body()).contains("METHOXSALEN_CONTRAINDICATED").contains("Aphakia, right eye (1998)");
        // the same order for a patient without it has no such warning
        String other = u.createPatient(Unit.mrn("NOAPHAKIA"));
        assertThat(Unit.expect(u.api.post("/api/orders", u.token(Role.PHYSICIAN), photopheresisOrder(other, null)),
                201).body()).doesNotContain("METHOXSALEN_CONTRAINDICATED");
        // a condition is a text of at most 200 characters
        Map<String, Object> tooLong = Unit.msRelapsePatient(Unit.mrn("LONGCOND"));
        tooLong.put("conditions", List.of("x".repeat(201)));
        assertThat(u.api.post("/api/patients", u.token(Role.NURSE), tooLong).body()).contains("conditions[0]");
    }
}
