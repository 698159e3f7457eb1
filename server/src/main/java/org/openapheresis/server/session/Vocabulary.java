package org.openapheresis.server.session;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The closed vocabularies a session's record draws from: adverse event types and their WAA grades, fluids given,
 * who recorded a run value. Each is an enum with the code the API and the database use.
 */
public final class Vocabulary {

    /** Source of the grades and types. */
    public static final String WAA_SOURCE = "WAA apheresis registry grades: Mortzell Henriksson M et al., Transfus "
            + "Apher Sci 2016;54:2-15";

    private Vocabulary() {
    }

    /** Adverse event types (WAA registry categories). */
    public enum AdverseEventType {
        CITRATE_REACTION("citrate-reaction", "citrate reaction: perioral or acral tingling, paraesthesia, cramps"),
        HYPOTENSION("hypotension", "hypotension"),
        VASOVAGAL("vasovagal", "vasovagal reaction: pallor, sweating, bradycardia, syncope"),
        ALLERGIC("allergic", "urticaria or other allergic reaction"),
        ANAPHYLAXIS("anaphylaxis", "anaphylactic reaction"),
        ACCESS_PROBLEM("access-problem", "vascular access problem: poor flow, infiltration, haematoma"),
        CATHETER_PROBLEM("catheter-problem", "central venous catheter problem: occlusion, infection, thrombosis"),
        NAUSEA_VOMITING("nausea-vomiting", "nausea or vomiting"),
        CHILLS_FEVER("chills-fever", "chills or fever"),
        ARRHYTHMIA("arrhythmia", "cardiac arrhythmia"),
        DYSPNOEA("dyspnoea", "dyspnoea"),
        BLEEDING("bleeding", "bleeding"),
        HAEMOLYSIS("haemolysis", "haemolysis"),
        TECHNICAL("technical", "technical or device problem"),
        OTHER("other", "other (describe in notes)");

        private final String code;
        private final String description;

        AdverseEventType(String code, String description) {
            this.code = code;
            this.description = description;
        }

        public String code() {
            return code;
        }

        public String description() {
            return description;
        }

        @Override
        public String toString() {
            return code;
        }
    }

    /** WAA grades of an adverse event. */
    public enum Grade {
        MILD("no intervention needed"),
        MODERATE("medication needed"),
        SEVERE("procedure interrupted because of the event"),
        DEATH("death due to the event");

        private final String definition;

        Grade(String definition) {
            this.definition = definition;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public String definition() {
            return definition;
        }

        @Override
        public String toString() {
            return code();
        }
    }

    /** Fluids given during a session, with the name staff read. */
    public enum Fluid {
        ALBUMIN_5("albumin-5", "Albumin 5 %"),
        ALBUMIN_4("albumin-4", "Albumin 4 %"),
        ALBUMIN_20("albumin-20", "Albumin 20 %"),
        /** Plasma whose product the entry does not say (entries made before the products were listed). */
        PLASMA("plasma", "Plasma"),
        /** Plasma frozen within 8 hours of collection, single donor (FFP), by the unit. */
        PLASMA_FFP("plasma-ffp", "Plasma, frozen within 8 h (FFP)"),
        /** Plasma frozen between 8 and 24 hours of collection, single donor, by the unit. */
        PLASMA_FP24("plasma-fp24", "Plasma, frozen within 24 h (FP24)"),
        /** Plasma pooled from many donors, solvent/detergent treated, frozen, by the unit. */
        PLASMA_SD("plasma-sd", "Plasma, pooled, solvent/detergent treated"),
        /** Plasma with the cryoprecipitate removed (cryo-poor plasma), by the unit. */
        PLASMA_CRYO_POOR("plasma-cryo-poor", "Plasma, cryoprecipitate reduced"),
        SALINE("saline-0.9", "Saline 0.9 %"),
        CALCIUM_GLUCONATE_10("calcium-gluconate-10", "Calcium gluconate 10 %"),
        CALCIUM_CHLORIDE_10("calcium-chloride-10", "Calcium chloride 10 %"),
        ACD_A("acd-a", "ACD-A"),
        RED_CELLS("red-cells", "Red cells"),
        HES("hes", "HES (hydroxyethyl starch)"),
        IVIG("ivig", "IVIG (immunoglobulin)"),
        OTHER("other", "Other");

        private final String code;
        private final String displayName;

        Fluid(String code, String displayName) {
            this.code = code;
            this.displayName = displayName;
        }

        public String code() {
            return code;
        }

        public String displayName() {
            return displayName;
        }

        /** True for a plasma product counted in units (its entry says how many). */
        public boolean countedInUnits() {
            return this == PLASMA_FFP || this == PLASMA_FP24 || this == PLASMA_SD || this == PLASMA_CRYO_POOR;
        }

        @Override
        public String toString() {
            return code;
        }
    }

    /** The vascular access a session runs on. */
    public enum AccessKind {
        PERIPHERAL("peripheral", "peripheral venous access (a draw and a return needle)"),
        CENTRAL_LINE("central-line", "central venous catheter, apheresis or dialysis type"),
        PORT("port", "implanted port for apheresis"),
        FISTULA("fistula", "arteriovenous fistula or graft");

        private final String code;
        private final String description;

        AccessKind(String code, String description) {
            this.code = code;
            this.description = description;
        }

        public String code() {
            return code;
        }

        public String description() {
            return description;
        }

        @Override
        public String toString() {
            return code;
        }
    }

    /** Who recorded a run value. */
    public enum RunValueSource {
        MACHINE, NURSE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return code();
        }
    }

    /** The enum constant with this code. */
    public static <E extends Enum<E>> Optional<E> fromCode(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.toString().equals(code)).findFirst();
    }

    /** Every code of an enum, for a problem's list of allowed values. */
    public static <E extends Enum<E>> List<String> codes(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
    }

    /** The catalogue the UI offers for a session's record. */
    public static Map<String, Object> catalog() {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        for (AdverseEventType t : AdverseEventType.values()) {
            types.put(t.code(), t.description());
        }
        m.put("adverseEventTypes", types);
        Map<String, String> grades = new LinkedHashMap<>();
        for (Grade g : Grade.values()) {
            grades.put(g.code(), g.definition());
        }
        m.put("grades", grades);
        m.put("gradesSource", WAA_SOURCE);
        // countedInUnits: a plasma product, whose entry also says how many units (bags) were given
        m.put("fluids", Arrays.stream(Fluid.values()).map(f -> Map.of("code", f.code(), "name", f.displayName(),
                "countedInUnits", f.countedInUnits())).toList());
        m.put("runValueSources", codes(RunValueSource.class));
        Map<String, String> access = new LinkedHashMap<>();
        for (AccessKind k : AccessKind.values()) {
            access.put(k.code(), k.description());
        }
        m.put("accessKinds", access);
        m.put("labPhases", org.openapheresis.server.patient.LabPhase.sessionCodes());
        m.put("sessionStatuses", SessionStatus.codes());
        return m;
    }
}
