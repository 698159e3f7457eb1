package org.openapheresis.server.session;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogues a session record draws from: adverse event types and WAA grades, fluids, run-value sources.
 */
public final class Catalog {

    /** Source of the grades. */
    public static final String WAA_SOURCE = "WAA apheresis registry grades: Mortzell Henriksson M et al., Transfus "
            + "Apher Sci 2016;54:2-15 (physiology.md section 12)";

    /** Adverse event types, code to description (WAA registry categories, physiology.md section 10). */
    public static final Map<String, String> ADVERSE_EVENT_TYPES;

    /** WAA grades, code to definition. */
    public static final Map<String, String> GRADES;

    /** Fluids given during a session. */
    public static final List<String> FLUIDS = List.of("albumin-5", "albumin-4", "albumin-20", "plasma",
            "saline-0.9", "calcium-gluconate-10", "calcium-chloride-10", "acd-a", "red-cells", "hes", "other");

    /** Who recorded a run value. */
    public static final List<String> RUN_VALUE_SOURCES = List.of("machine", "nurse");

    /** When a lab sample was taken relative to the procedure. */
    public static final List<String> LAB_PHASES = List.of("pre", "during", "post");

    static {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("citrate-reaction", "citrate reaction: perioral or acral tingling, paraesthesia, cramps");
        t.put("hypotension", "hypotension");
        t.put("vasovagal", "vasovagal reaction: pallor, sweating, bradycardia, syncope");
        t.put("allergic", "urticaria or other allergic reaction");
        t.put("anaphylaxis", "anaphylactic reaction");
        t.put("access-problem", "vascular access problem: poor flow, infiltration, haematoma");
        t.put("catheter-problem", "central venous catheter problem: occlusion, infection, thrombosis");
        t.put("nausea-vomiting", "nausea or vomiting");
        t.put("chills-fever", "chills or fever");
        t.put("arrhythmia", "cardiac arrhythmia");
        t.put("dyspnoea", "dyspnoea");
        t.put("bleeding", "bleeding");
        t.put("haemolysis", "haemolysis");
        t.put("technical", "technical or device problem");
        t.put("other", "other (describe in notes)");
        ADVERSE_EVENT_TYPES = java.util.Collections.unmodifiableMap(t);
        Map<String, String> g = new LinkedHashMap<>();
        g.put("mild", "no intervention needed");
        g.put("moderate", "medication needed");
        g.put("severe", "procedure interrupted because of the event");
        g.put("death", "death due to the event");
        GRADES = java.util.Collections.unmodifiableMap(g);
    }

    private Catalog() {
    }
}
