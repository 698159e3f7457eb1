package org.openapheresis.server.followup;

import static org.openapheresis.server.access.Permission.FOLLOWUP_READ;
import static org.openapheresis.server.access.Permission.FOLLOWUP_RECORD;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.openapheresis.contract.Node;
import org.openapheresis.gvhd.ChronicGvhdTrend;
import org.openapheresis.gvhd.ChronicOrgan;
import org.openapheresis.gvhd.ChronicOrganScores;
import org.openapheresis.server.http.Call;
import org.openapheresis.server.http.FeatureRoutes;
import org.openapheresis.server.http.Route;

/**
 * {@code /api/patients/{id}/chronic-gvhd}: a physician records a chronic GVHD assessment (the eight NIH organ
 * scores, 0 to 3); the answer carries the global severity with the rule that gave it and the citation. The list
 * answers the patient's assessments, the latest first, with the trend of the recorded severity.
 */
public final class ChronicGvhdRoutes implements FeatureRoutes {

    private static final List<String> ORGANS = Arrays.stream(ChronicOrgan.values()).map(ChronicOrgan::code).toList();

    private final ChronicGvhdService assessments;

    public ChronicGvhdRoutes(ChronicGvhdService assessments) {
        this.assessments = assessments;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.post("/api/patients/{id}/chronic-gvhd", FOLLOWUP_RECORD, "Record a chronic GVHD assessment: the "
                        + "eight NIH organ scores 0-3 (skin: the higher of its two scores; lungs: by FEV1) and the organs "
                        + "whose whole abnormality has a documented non-GVHD cause (nonGvhdCause, not counted); the "
                        + "global severity (NIH 2014 consensus, Jagasia 2015) is computed and stored with its rule; "
                        + "corrects and correctionReason make it the correction of an earlier assessment (409 "
                        + "FOLLOW_UP_ALREADY_CORRECTED when that one was corrected already)",
                        example(), this::record).audit().created(),
                Route.get("/api/patients/{id}/chronic-gvhd", FOLLOWUP_READ, "The patient's chronic GVHD assessments, "
                        + "the latest first, with their stored severity and rule (each corrected one with correctedBy), "
                        + "the latest that stands and the trend of the recorded severity over those that stand (not "
                        + "the NIH response criteria)", this::list).audit());
    }

    static Map<String, Object> example() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("assessedAt", "2026-03-02T10:00:00Z");
        Map<String, Object> scores = new LinkedHashMap<>();
        for (String o : ORGANS) {
            scores.put(o, 0);
        }
        scores.put("skin", 2);
        scores.put("mouth", 1);
        scores.put("eyes", 1);
        m.put("scores", scores);
        m.put("nonGvhdCause", List.of());
        m.put("note", "sclerotic plaques on the trunk");
        return m;
    }

    private void record(Call call) {
        String patientId = call.param("id");
        call.concerns(patientId);
        Node f = call.body();
        Instant at = call.pastTime(f, "assessedAt", true).orElse(null);
        int[] s = new int[ORGANS.size()];
        boolean complete = f.child("scores", true).map(n -> {
            boolean all = true;
            for (ChronicOrgan o : ChronicOrgan.values()) {
                OptionalInt v = n.integer(o.code(), ChronicOrganScores.SCORE, true);
                all &= v.isPresent();
                s[o.ordinal()] = v.orElse(0);
            }
            n.rejectUnknown();
            return all;
        }).orElse(false);
        Set<ChronicOrgan> other = EnumSet.noneOf(ChronicOrgan.class);
        f.texts("nonGvhdCause", false, ORGANS.size(), 40).ifPresent(codes -> {
            for (int i = 0; i < codes.size(); i++) {
                Optional<ChronicOrgan> o = ChronicOrgan.fromCode(codes.get(i));
                if (o.isPresent()) {
                    other.add(o.get());
                } else {
                    f.add("nonGvhdCause[" + i + "]", org.openapheresis.system.MessageKey.NOT_ONE_OF, codes.get(i), ORGANS);
                }
            }
        });
        Optional<String> note = f.multilineText("note", false, 1000);
        Optional<String> corrects = f.text("corrects", false, 36);
        Optional<String> correctionReason = f.multilineText("correctionReason", false, 1000);
        f.rejectUnknown();
        Optional<ChronicOrganScores> scores = complete
                ? f.build(() -> new ChronicOrganScores(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], other))
                : Optional.empty();
        f.throwIfProblems();
        ChronicGvhdService.NewAssessment n = new ChronicGvhdService.NewAssessment(at, scores.orElseThrow(), note,
                corrects, correctionReason);
        call.answer(json(call.write(h -> assessments.record(h, call.actor(), patientId, n))));
    }

    private void list(Call call) {
        String patientId = call.param("id");
        call.concerns(patientId);
        List<ChronicGvhdAssessment> recorded = call.read(h -> assessments.assessments(h, patientId));
        Map<String, String> correctedBy = ChronicGvhdService.correctedBy(recorded);
        // the latest and the trend are of the assessments that stand: a corrected one is replaced by its correction
        List<ChronicGvhdAssessment> all = ChronicGvhdService.current(recorded);
        ChronicGvhdTrend trend = assessments.trend(all);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("assessments", recorded.stream().map(a -> {
            Map<String, Object> x = json(a);
            x.put("correctedBy", correctedBy.get(a.id()));
            x.put("current", !correctedBy.containsKey(a.id()));
            return x;
        }).toList());
        m.put("latest", all.isEmpty() ? null : json(all.get(0)));
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("direction", trend.direction().code());
        t.put("summary", trend.summary());
        List<Map<String, Object>> series = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            series.add(Map.of("assessmentId", all.get(i).id(), "assessedAt", all.get(i).assessedAt(), "severity",
                    all.get(i).severity().code()));
        }
        t.put("series", series);
        m.put("trend", t);
        call.answer(m);
    }

    /** An assessment with its scores as entered, its stored severity with its rule, and the citation. */
    static Map<String, Object> json(ChronicGvhdAssessment a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("patientId", a.patientId());
        m.put("assessedAt", a.assessedAt());
        Map<String, Object> scores = new LinkedHashMap<>();
        List<Map<String, Object>> organs = new ArrayList<>();
        for (ChronicOrgan o : ChronicOrgan.values()) {
            scores.put(o.code(), a.scores().score(o));
            organs.add(Map.of("organ", o.code(), "label", o.label(), "score", a.scores().score(o), "counted",
                    a.scores().counts(o)));
        }
        m.put("scores", scores);
        m.put("organs", organs);
        m.put("nonGvhdCause", Arrays.stream(ChronicOrgan.values()).filter(o -> !a.scores().counts(o))
                .map(ChronicOrgan::code).toList());
        m.put("severity", a.severity().code());
        m.put("severityRule", a.severityRule());
        m.put("gradingSystem", a.gradingSystem());
        m.put("gradingVersion", a.gradingVersion());
        m.put("source", a.gradingSource());
        m.put("note", a.note().orElse(null));
        m.put("recordedAt", a.recordedAt());
        m.put("recordedBy", a.recordedBy());
        m.put("corrects", a.corrects().orElse(null));
        m.put("correctionReason", a.correctionReason().orElse(null));
        return m;
    }
}
