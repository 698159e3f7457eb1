package org.openapheresis.safety;

/** The stable warning codes of contract plan-v1. Scripts rely on them: never rename one. */
public enum WarningCode {
    EXTRACORPOREAL_VOLUME_HIGH,
    AC_INFUSION_RATE_HIGH,
    CITRATE_RATE_HIGH,
    FIBRINOGEN_LOW_POST,
    PLATELETS_LOW_POST,
    EXCHANGE_BELOW_ONE_PLASMA_VOLUME,
    TARGET_NOT_REACHABLE_IN_ONE_SESSION,
    PLASMA_REPLACEMENT_REACTION_RISK,
    IVIG_BEFORE_PLASMA_EXCHANGE,
    DLI_GVHD_RISK
}
