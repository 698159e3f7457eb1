package org.openapheresis.server.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openapheresis.gvhd.DliHoldDecision;
import org.openapheresis.gvhd.GvhdAssessment;
import org.openapheresis.gvhd.GvhdFindings;
import org.openapheresis.gvhd.LiverFinding;
import org.openapheresis.gvhd.LowerGiFinding;
import org.openapheresis.gvhd.Magic2016;
import org.openapheresis.gvhd.MagicGrade;
import org.openapheresis.gvhd.MagicStaging;
import org.openapheresis.gvhd.SkinFinding;
import org.openapheresis.gvhd.UpperGiFinding;
import org.openapheresis.server.access.Role;
import org.openapheresis.server.patient.PatientService;
import org.openapheresis.server.patient.PatientStore;
import org.openapheresis.server.support.Api;
import org.openapheresis.server.support.Databases;
import org.openapheresis.server.support.Unit;
import org.openapheresis.server.support.UnitPerDatabase;

/**
 * Follow-up visits over HTTP on H2 and PostgreSQL: the findings are staged and graded by the core's MAGIC criteria and
 * read back as stored; impossible findings are refused naming the field; only physicians record; a correction is a new
 * record naming the one it corrects, which stays as it was; the grades since a dose feed the DLI hold rule.
 */
class FollowUpRoutesTest {

    private static final UnitPerDatabase UNITS = new UnitPerDatabase();

    @AfterAll
    static void close() {
        UNITS.close();
    }

    private static String path(String patientId) {
        return "/api/patients/" + patientId + "/follow-ups";
    }

    /** Skin 30 % BSA (stage 2), bilirubin 4.0 mg/dL (stage 2), no upper GI, 300 mL/day stool (stage 0): grade III. */
    private static Map<String, Object> gradeThreeVisit(Instant at) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("visitAt", at.toString());
        m.put("skin", Map.of("activeRashBodySurfacePercent", 30, "generalizedErythrodermaWithBullaeAndDesquamation", false));
        m.put("liver", Map.of("totalBilirubinMgPerDl", 4.0));
        m.put("upperGi", Map.of("persistentNauseaVomitingOrAnorexia", false));
        m.put("lowerGi", Map.of("stoolOutputMlPerDay", 300, "severeAbdominalPainWithOrWithoutIleus", false,
                "grosslyBloodyStool", false));
        m.put("chimerism", List.of(Map.of("compartment", "cd3-t-cells", "donorPercent", 92,
                "sampledOn", LocalDate.ofInstant(at, ZoneId.systemDefault()).minusDays(1).toString())));
        return m;
    }

    /** No GVHD: clear skin, normal bilirubin, no GI findings. */
    private static Map<String, Object> gradeZeroVisit(Instant at) {
        Map<String, Object> m = gradeThreeVisit(at);
        m.put("skin", Map.of("activeRashBodySurfacePercent", 0, "generalizedErythrodermaWithBullaeAndDesquamation", false));
        m.put("liver", Map.of("totalBilirubinMgPerDl", 0.8));
        return m;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> problems(Api.Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(422);
        return (List<Map<String, Object>>) a.map().get("problems");
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    @SuppressWarnings("unchecked")
    void a_visit_is_answered_and_read_back_with_the_stages_and_grade_the_core_computes(Databases.Kind kind) {
        Unit u = UNITS.of(kind);
        String dr = u.token(Role.PHYSICIAN);
        String patient = u.createPatient(Unit.mrn("GVHD"));
        Instant earlier = Instant.now().minus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS);
        Instant later = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> answered = Unit.expect(u.api.post(path(patient), dr, gradeThreeVisit(later)), 201).map();
        Unit.expect(u.api.post(path(patient), dr, gradeZeroVisit(earlier)), 201);

        MagicStaging core = new GvhdFindings(SkinFinding.rash(30), new LiverFinding(4.0), new UpperGiFinding(false),
                LowerGiFinding.adult(300)).staging();
        assertThat(core.grade()).isEqualTo(MagicGrade.III);
        assertThat(answered).containsEntry("grade", "III").containsEntry("gradeRule", core.gradeRule())
                .containsEntry("gradingSystem", "MAGIC").containsEntry("gradingVersion", "Harris 2016")
                .containsEntry("source", Magic2016.SOURCE).containsEntry("holdsNextDli", true)
                .containsEntry("recordedBy", "physician1").containsEntry("current", true);
        List<Map<String, Object>> stages = (List<Map<String, Object>>) answered.get("stages");
        assertThat(stages).extracting(s -> s.get("organ") + " " + s.get("stage"))
                .containsExactly("skin 2", "liver 2", "upperGi 0", "lowerGi 0");
        assertThat(stages).extracting(s -> s.get("rule"))
                .containsExactlyElementsOf(core.stages().stream().map(o -> (Object) o.rule()).toList());
        assertThat((String) stages.get(1).get("rule")).contains("4.0 mg/dL").contains("(MAGIC, Harris 2016)");
        assertThat((List<Map<String, Object>>) answered.get("chimerism")).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("compartment", "cd3-t-cells").containsKey("donorPercent")
                .satisfies(x -> assertThat(((Number) c.get("donorPercent")).doubleValue()).isEqualTo(92.0)));

        List<Map<String, Object>> visits = Unit.expect(u.api.get(path(patient), u.token(Role.NURSE)), 200).list();
        assertThat(visits).extracting(v -> v.get("grade")).as("the latest visit first").containsExactly("III", "0");
        assertThat(visits.get(0)).isEqualTo(answered);
        assertThat(visits.get(1)).containsEntry("holdsNextDli", false).doesNotContainKey("dliWarning");

        List<Map<String, Object>> audit = u.api.get("/api/audit?patientId=" + patient, u.token(Role.ADMIN)).list();
        assertThat(audit).extracting(e -> e.get("action"))
                .contains("POST /api/patients/{id}/follow-ups", "GET /api/patients/{id}/follow-ups");
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    @SuppressWarnings("unchecked")
    void a_bilirubin_in_micromol_per_litre_is_converted_by_the_core_and_kept_as_entered(Databases.Kind kind) {
        Unit u = UNITS.of(kind);
        String patient = u.createPatient(Unit.mrn("GVHD-UMOL"));
        Map<String, Object> body = gradeZeroVisit(Instant.now().minusSeconds(60));
        body.put("liver", Map.of("totalBilirubinMicromolPerL", 68.4));
        Map<String, Object> v = Unit.expect(u.api.post(path(patient), u.token(Role.PHYSICIAN), body), 201).map();
        Map<String, Object> liver = (Map<String, Object>) ((Map<String, Object>) v.get("findings")).get("liver");
        double mgPerDl = LiverFinding.ofTotalBilirubinMicromolPerL(68.4).totalBilirubinMgPerDl();
        assertThat(liver).containsEntry("totalBilirubinMicromolPerL", 68.4);
        assertThat(((Number) liver.get("totalBilirubinMgPerDl")).doubleValue()).isEqualTo(mgPerDl);
        assertThat(((List<Map<String, Object>>) v.get("stages")).get(1)).containsEntry("stage", 2);
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void impossible_findings_are_refused_with_422_naming_each_field(Databases.Kind kind) {
        Unit u = UNITS.of(kind);
        String dr = u.token(Role.PHYSICIAN);
        String patient = u.createPatient(Unit.mrn("GVHD-BAD"));
        Map<String, Object> body = gradeThreeVisit(Instant.now().minusSeconds(60));
        body.put("skin", Map.of("activeRashBodySurfacePercent", 120, "generalizedErythrodermaWithBullaeAndDesquamation", false));
        body.put("lowerGi", Map.of("stoolOutputMlPerDay", 800, "stoolOutputMlPerKgPerDay", 12,
                "severeAbdominalPainWithOrWithoutIleus", false, "grosslyBloodyStool", false));
        body.put("chimerism", List.of(Map.of("compartment", "cd3-t-cells", "donorPercent", 140, "sampledOn", "2026-01-01"),
                Map.of("compartment", "marrow", "donorPercent", 50, "sampledOn", "2026-01-01")));
        assertThat(problems(u.api.post(path(patient), dr, body))).extracting(p -> p.get("field") + " " + p.get("key"))
                .containsExactlyInAnyOrder("skin.activeRashBodySurfacePercent OUT_OF_RANGE",
                        "lowerGi.stoolOutputMlPerKgPerDay MUTUALLY_EXCLUSIVE", "chimerism[0].donorPercent OUT_OF_RANGE",
                        "chimerism[1].compartment NOT_ONE_OF");

        Map<String, Object> bullae = gradeThreeVisit(Instant.now().minusSeconds(60));
        bullae.put("skin", Map.of("activeRashBodySurfacePercent", 0, "generalizedErythrodermaWithBullaeAndDesquamation", true));
        bullae.put("liver", Map.of("totalBilirubinMgPerDl", 4.0, "totalBilirubinMicromolPerL", 68.4));
        bullae.put("visitAt", Instant.now().plus(Duration.ofDays(1)).toString());
        assertThat(problems(u.api.post(path(patient), dr, bullae))).extracting(p -> p.get("field") + " " + p.get("key"))
                .containsExactlyInAnyOrder("skin.generalizedErythrodermaWithBullaeAndDesquamation INVALID",
                        "liver.totalBilirubinMicromolPerL MUTUALLY_EXCLUSIVE", "visitAt IN_THE_FUTURE");

        Map<String, Object> sampledLater = gradeThreeVisit(Instant.now().minus(Duration.ofDays(3)));
        sampledLater.put("chimerism", List.of(Map.of("compartment", "whole-blood", "donorPercent", 99,
                "sampledOn", LocalDate.now().toString())));
        assertThat(problems(u.api.post(path(patient), dr, sampledLater))).extracting(p -> p.get("field") + " " + p.get("key"))
                .containsExactly("chimerism[0].sampledOn INVALID");
        assertThat(u.api.get(path(patient), dr).list()).as("nothing was recorded").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void only_physicians_record_visits_and_the_lab_and_billing_do_not_read_them(Databases.Kind kind) {
        Unit u = UNITS.of(kind);
        String patient = u.createPatient(Unit.mrn("GVHD-ROLES"));
        Map<String, Object> body = gradeZeroVisit(Instant.now().minusSeconds(60));
        for (Role r : List.of(Role.NURSE, Role.COORDINATOR, Role.LAB, Role.BILLING, Role.ADMIN)) {
            assertThat(u.api.post(path(patient), u.token(r), body).status()).as(r.code()).isEqualTo(403);
        }
        for (Role r : List.of(Role.LAB, Role.BILLING, Role.ADMIN)) {
            assertThat(u.api.get(path(patient), u.token(r)).status()).as(r.code()).isEqualTo(403);
        }
        for (Role r : List.of(Role.PHYSICIAN, Role.NURSE, Role.COORDINATOR)) {
            assertThat(u.api.get(path(patient), u.token(r)).status()).as(r.code()).isEqualTo(200);
        }
        assertThat(u.api.get(path("00000000-0000-0000-0000-000000000000"), u.token(Role.PHYSICIAN)).status())
                .isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    @SuppressWarnings("unchecked")
    void a_correction_names_the_record_it_corrects_which_stays_unchanged_and_the_hold_reads_the_correction(
            Databases.Kind kind) {
        Unit u = UNITS.of(kind);
        String dr = u.token(Role.PHYSICIAN);
        String patient = u.createPatient(Unit.mrn("GVHD-CORR"));
        Instant dose = Instant.now().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
        Instant visitAt = dose.plus(Duration.ofDays(5));
        Map<String, Object> original = Unit.expect(u.api.post(path(patient), dr, gradeThreeVisit(visitAt)), 201).map();
        String originalId = (String) original.get("id");

        FollowUpService service = new FollowUpService(new FollowUpStore(), new PatientService(new PatientStore(),
                Clock.systemDefaultZone()), Clock.system(ZoneId.systemDefault()));
        var jdbi = u.server.services().db().jdbi();
        FollowUpService.DliHold hold = jdbi.withHandle(h -> service.dliHold(h, patient, dose));
        DliHoldDecision held = hold.decision();
        assertThat(held.hold()).isTrue();
        assertThat(held.warning()).hasValueSatisfying(w -> assertThat(w).contains("grade III"));
        assertThat(hold.heldBy()).as("the visit the hold was decided on, from the same read")
                .extracting(FollowUpService.HoldingVisit::visitId, FollowUpService.HoldingVisit::grade)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(originalId, MagicGrade.III));

        Map<String, Object> noReason = gradeZeroVisit(visitAt);
        noReason.put("corrects", originalId);
        assertThat(problems(u.api.post(path(patient), dr, noReason))).extracting(p -> p.get("field") + " " + p.get("key"))
                .containsExactly("correctionReason REQUIRED_WHEN");

        Map<String, Object> correction = gradeZeroVisit(visitAt);
        correction.put("corrects", originalId);
        correction.put("correctionReason", "bilirubin was another patient's result");
        Map<String, Object> corrected = Unit.expect(u.api.post(path(patient), dr, correction), 201).map();
        assertThat(corrected).containsEntry("corrects", originalId).containsEntry("grade", "0")
                .containsEntry("correctionReason", "bilirubin was another patient's result");

        List<Map<String, Object>> visits = u.api.get(path(patient), dr).list();
        assertThat(visits).extracting(v -> v.get("id")).containsExactly(corrected.get("id"), originalId);
        Map<String, Object> stillThere = new LinkedHashMap<>(visits.get(1));
        assertThat(stillThere).containsEntry("correctedBy", corrected.get("id")).containsEntry("current", false);
        stillThere.put("correctedBy", null);
        stillThere.put("current", true);
        assertThat(stillThere).as("the original record is unchanged").isEqualTo(original);

        List<GvhdAssessment> since = jdbi.withHandle(h -> service.assessmentsSince(h, patient, dose));
        assertThat(since).extracting(GvhdAssessment::grade).as("the correction replaces the record it corrects")
                .containsExactly(MagicGrade.ZERO);
        FollowUpService.DliHold lifted = jdbi.withHandle(h -> service.dliHold(h, patient, dose));
        assertThat(lifted.decision().hold()).isFalse();
        assertThat(lifted.heldBy()).as("the corrected record holds nothing").isEmpty();
        List<GvhdAssessment> after = jdbi.withHandle(h -> service.assessmentsSince(h, patient, visitAt.plusSeconds(1)));
        assertThat(after).isEmpty();

        Api.Answer again = u.api.post(path(patient), dr, correction);
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.map()).containsEntry("key", "FOLLOW_UP_ALREADY_CORRECTED");

        String other = u.createPatient(Unit.mrn("GVHD-OTHER"));
        assertThat(problems(u.api.post(path(other), dr, correction))).extracting(p -> p.get("field") + " " + p.get("key"))
                .containsExactly("corrects INVALID");
    }
}
