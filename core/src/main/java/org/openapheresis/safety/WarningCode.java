package org.openapheresis.safety;

/**
 * The stable warning codes: those of a plan (contract plan-v1, {@link Scope#PLAN}) and those of the candidacy
 * checks run on an order against the patient's record ({@link Scope#CANDIDACY}). Scripts rely on them: never
 * rename one.
 */
public enum WarningCode {
    EXTRACORPOREAL_VOLUME_HIGH(Scope.PLAN),
    AC_INFUSION_RATE_HIGH(Scope.PLAN),
    CITRATE_RATE_HIGH(Scope.PLAN),
    FIBRINOGEN_LOW_POST(Scope.PLAN),
    PLATELETS_LOW_POST(Scope.PLAN),
    EXCHANGE_BELOW_ONE_PLASMA_VOLUME(Scope.PLAN),
    TARGET_NOT_REACHABLE_IN_ONE_SESSION(Scope.PLAN),
    PLASMA_REPLACEMENT_REACTION_RISK(Scope.PLAN),
    IVIG_BEFORE_PLASMA_EXCHANGE(Scope.PLAN),
    DLI_GVHD_RISK(Scope.PLAN),
    IONIZED_CALCIUM_NADIR_LOW(Scope.PLAN),
    IGG_LOW_POST(Scope.PLAN),
    RUN_TIME_LONG(Scope.PLAN),
    LARGE_VOLUME_LEUKAPHERESIS(Scope.PLAN),
    ACE_INHIBITOR_ALBUMIN_EXCHANGE(Scope.CANDIDACY),
    PLASMA_ALLERGY(Scope.CANDIDACY),
    PLATELETS_LOW_PRE(Scope.CANDIDACY),
    HEMATOCRIT_LOW_PRE(Scope.CANDIDACY),
    CHILD_CIRCUIT_TOO_LARGE(Scope.CANDIDACY),
    SESSIONS_NEEDED_EXCEED_ORDERED(Scope.CANDIDACY);

    /** Where a warning comes from. */
    public enum Scope {
        /** A safety rule of the plan itself: read and acknowledged by whoever starts the session. */
        PLAN,
        /** A check of the patient's record against the order: acknowledged by a physician. */
        CANDIDACY
    }

    private final Scope scope;

    WarningCode(Scope scope) {
        this.scope = scope;
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
