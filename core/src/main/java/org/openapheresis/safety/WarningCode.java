package org.openapheresis.safety;

/**
 * The stable warning codes: those of a plan (contract plan-v1, {@link Scope#PLAN}) and those of the candidacy
 * checks run on an order against the patient's record ({@link Scope#CANDIDACY}). Scripts rely on them: never
 * rename one.
 */
public enum WarningCode {
    EXTRACORPOREAL_VOLUME_HIGH(Scope.PLAN, "Extracorporeal volume high"),
    AC_INFUSION_RATE_HIGH(Scope.PLAN, "Anticoagulant infusion rate high"),
    CITRATE_RATE_HIGH(Scope.PLAN, "Citrate rate high"),
    FIBRINOGEN_LOW_POST(Scope.PLAN, "Fibrinogen low after the exchange"),
    PLATELETS_LOW_POST(Scope.PLAN, "Platelets low after the procedure"),
    EXCHANGE_BELOW_ONE_PLASMA_VOLUME(Scope.PLAN, "Exchange below one plasma volume"),
    TARGET_NOT_REACHABLE_IN_ONE_SESSION(Scope.PLAN, "Target not reachable in one session"),
    PLASMA_REPLACEMENT_REACTION_RISK(Scope.PLAN, "Reaction risk of donor plasma"),
    IVIG_BEFORE_PLASMA_EXCHANGE(Scope.PLAN, "IVIG given before the exchange"),
    DLI_GVHD_RISK(Scope.PLAN, "DLI: risk of GVHD"),
    IONIZED_CALCIUM_NADIR_LOW(Scope.PLAN, "Ionised calcium low during the run"),
    IGG_LOW_POST(Scope.PLAN, "IgG low after the exchange"),
    RUN_TIME_LONG(Scope.PLAN, "Run time long"),
    LARGE_VOLUME_LEUKAPHERESIS(Scope.PLAN, "Large-volume leukapheresis"),
    RED_CELL_EXCHANGE_HYPERVISCOSITY(Scope.PLAN, "Red cell exchange: haematocrit high"),
    RED_CELL_EXCHANGE_IRON_LOADING(Scope.PLAN, "Red cell exchange: not iron-neutral"),
    RED_CELL_EXCHANGE_UNITS_SHORT(Scope.PLAN, "Red cell exchange: too few units"),
    ACE_INHIBITOR_ALBUMIN_EXCHANGE(Scope.CANDIDACY, "ACE inhibitor with albumin exchange"),
    PLASMA_ALLERGY(Scope.CANDIDACY, "Allergy to plasma"),
    METHOXSALEN_CONTRAINDICATED(Scope.CANDIDACY, "Methoxsalen contraindicated"),
    LEUKAPHERESIS_IN_APL(Scope.CANDIDACY, "Leukocytapheresis in acute promyelocytic leukaemia"),
    PLATELETS_LOW_PRE(Scope.CANDIDACY, "Platelets low before the procedure"),
    HEMATOCRIT_LOW_PRE(Scope.CANDIDACY, "Haematocrit low before the procedure"),
    CHILD_CIRCUIT_TOO_LARGE(Scope.CANDIDACY, "Circuit too large for the child"),
    SESSIONS_NEEDED_EXCEED_ORDERED(Scope.CANDIDACY, "More sessions needed than ordered");

    /** Where a warning comes from. */
    public enum Scope {
        /** A safety rule of the plan itself: read and acknowledged by whoever starts the session. */
        PLAN,
        /** A check of the patient's record against the order: acknowledged by a physician. */
        CANDIDACY
    }

    private final Scope scope;
    private final String title;

    WarningCode(Scope scope, String title) {
        this.scope = scope;
        this.title = title;
    }

    /** The warning's name as staff read it (the UI and the printed plan). */
    public String title() {
        return title;
    }

    public Scope scope() {
        return scope;
    }

    /** The code named, if it is one. */
    public static java.util.Optional<WarningCode> fromName(String name) {
        for (WarningCode c : values()) {
            if (c.name().equals(name)) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
    }
}
