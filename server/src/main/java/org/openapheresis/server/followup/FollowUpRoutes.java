package org.openapheresis.server.followup;

import static org.openapheresis.server.access.Permission.FOLLOWUP_READ;
import static org.openapheresis.server.access.Permission.FOLLOWUP_RECORD;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.openapheresis.contract.Node;
import org.openapheresis.gvhd.Chimerism;
import org.openapheresis.gvhd.ChimerismCompartment;
import org.openapheresis.gvhd.DliHoldRule;
import org.openapheresis.gvhd.GvhdFindings;
import org.openapheresis.gvhd.LiverFinding;
import org.openapheresis.gvhd.LowerGiFinding;
import org.openapheresis.gvhd.MagicStaging;
import org.openapheresis.gvhd.OrganStage;
import org.openapheresis.gvhd.SkinFinding;
import org.openapheresis.gvhd.UpperGiFinding;
import org.openapheresis.server.http.Call;
import org.openapheresis.server.http.FeatureRoutes;
import org.openapheresis.server.http.Route;
import org.openapheresis.system.MessageKey;

/**
 * {@code /api/patients/{id}/follow-ups}: a physician records a follow-up visit after donor lymphocyte infusion (the
 * acute GVHD findings of skin, liver, upper and lower GI, and chimerism results); the answer carries each organ's
 * MAGIC stage with the rule that gave it, the overall grade with its rule, and the citation. The list answers the
 * patient's records, the latest visit first, each naming the record that corrects it, if any.
 */
public final class FollowUpRoutes implements FeatureRoutes {

    /** Most chimerism results one visit records. */
    static final int MAX_CHIMERISM = 20;
    private static final List<String> COMPARTMENTS = Arrays.stream(ChimerismCompartment.values())
            .map(FollowUpRoutes::code).toList();

    private final FollowUpService followUps;

    public FollowUpRoutes(FollowUpService followUps) {
        this.followUps = followUps;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.post("/api/patients/{id}/follow-ups", FOLLOWUP_RECORD, "Record a follow-up visit after donor "
                        + "lymphocyte infusion: acute GVHD findings (staged and graded by the MAGIC criteria, Harris "
                        + "2016) and chimerism; a correction names the record it corrects (corrects) and why",
                        example(), this::record).audit().created()
                        .error(409, "the record named in corrects was already corrected (key FOLLOW_UP_ALREADY_CORRECTED; "
                                + "correctedBy names the later record)"),
                Route.get("/api/patients/{id}/follow-ups", FOLLOWUP_READ, "The patient's follow-up records, the latest "
                        + "visit first, with their stored stages, grade and chimerism", this::list).audit());
    }

    static Map<String, Object> example() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("visitAt", "2026-03-02T10:00:00Z");
        m.put("skin", Map.of("activeRashBodySurfacePercent", 30, "generalizedErythrodermaWithBullaeAndDesquamation", false));
        m.put("liver", Map.of("totalBilirubinMgPerDl", 1.2));
        m.put("upperGi", Map.of("persistentNauseaVomitingOrAnorexia", false));
        m.put("lowerGi", Map.of("stoolOutputMlPerDay", 300, "severeAbdominalPainWithOrWithoutIleus", false,
                "grosslyBloodyStool", false));
        m.put("chimerism", List.of(Map.of("compartment", "cd3-t-cells", "donorPercent", 92, "sampledOn", "2026-03-01")));
        return m;
    }

    private void record(Call call) {
        String patientId = call.param("id");
        call.concerns(patientId);
        Node f = call.body();
        Instant visitAt = call.pastTime(f, "visitAt", true).orElse(null);
        Optional<SkinFinding> skin = f.child("skin", true).flatMap(s -> {
            OptionalDouble bsa = s.number("activeRashBodySurfacePercent", SkinFinding.BODY_SURFACE_PERCENT, true);
            Optional<Boolean> bullae = s.bool("generalizedErythrodermaWithBullaeAndDesquamation", true);
            s.rejectUnknown();
            return bsa.isEmpty() || bullae.isEmpty() ? Optional.empty()
                    : f.build(() -> new SkinFinding(bsa.getAsDouble(), bullae.get()));
        });
        Optional<Double> micromol = Optional.empty();
        Optional<LiverFinding> liver = Optional.empty();
        Optional<Node> liverNode = f.child("liver", true);
        if (liverNode.isPresent()) {
            Node l = liverNode.get();
            boolean hasMg = l.has("totalBilirubinMgPerDl");
            boolean hasUmol = l.has("totalBilirubinMicromolPerL");
            OptionalDouble mg = l.number("totalBilirubinMgPerDl", LiverFinding.TOTAL_BILIRUBIN_MG_PER_DL, false);
            OptionalDouble umol = l.number("totalBilirubinMicromolPerL", LiverFinding.TOTAL_BILIRUBIN_MICROMOL_PER_L, false);
            l.rejectUnknown();
            if (hasMg && hasUmol) {
                l.add("totalBilirubinMicromolPerL", MessageKey.MUTUALLY_EXCLUSIVE, "liver.totalBilirubinMgPerDl (one "
                        + "bilirubin in the unit the laboratory reported)");
            } else if (!hasMg && !hasUmol) {
                l.add("totalBilirubinMgPerDl", MessageKey.REQUIRED_WHEN, "unless liver.totalBilirubinMicromolPerL is given");
            } else if (mg.isPresent()) {
                liver = f.build(() -> new LiverFinding(mg.getAsDouble()));
            } else if (umol.isPresent()) {
                micromol = Optional.of(umol.getAsDouble());
                liver = f.build(() -> LiverFinding.ofTotalBilirubinMicromolPerL(umol.getAsDouble()));
            }
        }
        Optional<UpperGiFinding> upperGi = f.child("upperGi", true).flatMap(u -> {
            Optional<Boolean> persistent = u.bool("persistentNauseaVomitingOrAnorexia", true);
            u.rejectUnknown();
            return persistent.map(UpperGiFinding::new);
        });
        Optional<LowerGiFinding> lowerGi = f.child("lowerGi", true).flatMap(g -> {
            OptionalDouble adult = g.number("stoolOutputMlPerDay", LowerGiFinding.STOOL_ML_PER_DAY, false);
            OptionalDouble child = g.number("stoolOutputMlPerKgPerDay", LowerGiFinding.STOOL_ML_PER_KG_PER_DAY, false);
            boolean badVolume = g.has("stoolOutputMlPerDay") && adult.isEmpty()
                    || g.has("stoolOutputMlPerKgPerDay") && child.isEmpty();
            Optional<Boolean> pain = g.bool("severeAbdominalPainWithOrWithoutIleus", true);
            Optional<Boolean> blood = g.bool("grosslyBloodyStool", true);
            g.rejectUnknown();
            return badVolume || pain.isEmpty() || blood.isEmpty() ? Optional.empty()
                    : f.build(() -> new LowerGiFinding(adult, child, pain.get(), blood.get()));
        });
        List<Chimerism> chimerism = new ArrayList<>();
        f.objects("chimerism", false, MAX_CHIMERISM).ifPresent(items -> {
            for (Node c : items) {
                OptionalDouble percent = c.number("donorPercent", Chimerism.DONOR_PERCENT, true);
                Optional<ChimerismCompartment> compartment = c.oneOf("compartment", true, COMPARTMENTS)
                        .map(FollowUpRoutes::compartment);
                Optional<LocalDate> on = c.date("sampledOn", true);
                c.rejectUnknown();
                if (percent.isPresent() && compartment.isPresent() && on.isPresent()) {
                    chimerism.add(new Chimerism(percent.getAsDouble(), compartment.get(), on.get()));
                }
            }
        });
        Optional<String> corrects = f.text("corrects", false, 36);
        Optional<String> reason = f.text("correctionReason", false, 1000);
        f.rejectUnknown();
        f.throwIfProblems();
        FollowUpService.NewVisit n = new FollowUpService.NewVisit(visitAt, new GvhdFindings(skin.orElseThrow(),
                liver.orElseThrow(), upperGi.orElseThrow(), lowerGi.orElseThrow()), micromol, chimerism, corrects, reason);
        call.answer(json(call.write(h -> followUps.record(h, call.actor(), patientId, n))));
    }

    private void list(Call call) {
        String patientId = call.param("id");
        call.concerns(patientId);
        call.answer(call.read(h -> followUps.visits(h, patientId)).stream().map(FollowUpRoutes::json).toList());
    }

    /** A visit with its findings as entered, its stored stages and grade with their rules, and the citation. */
    static Map<String, Object> json(FollowUp.View view) {
        FollowUp v = view.visit();
        FollowUp.Entered e = v.entered();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.id());
        m.put("patientId", v.patientId());
        m.put("visitAt", v.visitAt());
        Map<String, Object> findings = new LinkedHashMap<>();
        findings.put("skin", Map.of("activeRashBodySurfacePercent", e.activeRashBodySurfacePercent(),
                "generalizedErythrodermaWithBullaeAndDesquamation", e.erythrodermaWithBullae()));
        Map<String, Object> liver = new LinkedHashMap<>();
        liver.put("totalBilirubinMgPerDl", e.totalBilirubinMgPerDl());
        e.totalBilirubinMicromolPerL().ifPresent(x -> liver.put("totalBilirubinMicromolPerL", x));
        findings.put("liver", liver);
        findings.put("upperGi", Map.of("persistentNauseaVomitingOrAnorexia", e.upperGiPersistent()));
        Map<String, Object> lower = new LinkedHashMap<>();
        e.stoolOutputMlPerDay().ifPresent(x -> lower.put("stoolOutputMlPerDay", x));
        e.stoolOutputMlPerKgPerDay().ifPresent(x -> lower.put("stoolOutputMlPerKgPerDay", x));
        lower.put("severeAbdominalPainWithOrWithoutIleus", e.severeAbdominalPain());
        lower.put("grosslyBloodyStool", e.grosslyBloodyStool());
        findings.put("lowerGi", lower);
        m.put("findings", findings);
        MagicStaging s = v.staging();
        List<Map<String, Object>> stages = new ArrayList<>();
        for (OrganStage o : s.stages()) {
            stages.add(Map.of("organ", organ(o), "label", o.organ().label(), "stage", o.stage(), "rule", o.rule()));
        }
        m.put("stages", stages);
        m.put("grade", s.grade().roman());
        m.put("gradeRule", s.gradeRule());
        m.put("gradingSystem", v.gradingSystem());
        m.put("gradingVersion", v.gradingVersion());
        m.put("source", v.gradingSource());
        boolean holds = s.grade().atLeast(DliHoldRule.HOLD_FROM);
        m.put("holdsNextDli", holds);
        if (holds) {
            m.put("dliWarning", "acute GVHD grade " + s.grade().roman() + " recorded: the next DLI dose is held; the "
                    + "physician decides (" + DliHoldRule.SOURCE + ")");
        }
        List<Map<String, Object>> chimerism = new ArrayList<>();
        for (Chimerism c : v.chimerism()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("compartment", code(c.compartment()));
            r.put("compartmentLabel", c.compartment().label());
            r.put("donorPercent", c.donorPercent());
            r.put("sampledOn", c.sampledOn());
            r.put("description", c.describe());
            chimerism.add(r);
        }
        m.put("chimerism", chimerism);
        m.put("corrects", v.corrects().orElse(null));
        m.put("correctionReason", v.correctionReason().orElse(null));
        m.put("correctedBy", view.correctedBy().orElse(null));
        m.put("current", view.correctedBy().isEmpty());
        m.put("recordedAt", v.recordedAt());
        m.put("recordedBy", v.recordedBy());
        return m;
    }

    /** The organ as the body names it: {@code skin}, {@code liver}, {@code upperGi}, {@code lowerGi}. */
    private static String organ(OrganStage o) {
        return switch (o.organ()) {
            case SKIN -> "skin";
            case LIVER -> "liver";
            case UPPER_GI -> "upperGi";
            case LOWER_GI -> "lowerGi";
        };
    }

    /** e.g. {@code cd3-t-cells} for {@link ChimerismCompartment#CD3_T_CELLS}. */
    static String code(ChimerismCompartment c) {
        return c.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static ChimerismCompartment compartment(String code) {
        return ChimerismCompartment.valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
