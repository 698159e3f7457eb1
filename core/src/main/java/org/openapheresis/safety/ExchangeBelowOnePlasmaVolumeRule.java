package org.openapheresis.safety;

import java.util.Optional;

/**
 * EXCHANGE_BELOW_ONE_PLASMA_VOLUME: a plasma exchange under 1.0 plasma volume, below the usual 1-1.5 plasma
 * volumes (ASFA 2023 fact sheets). Patients with low haematocrit and high weight are often under-dosed when
 * a fixed volume is ordered (PMC5769505).
 */
public final class ExchangeBelowOnePlasmaVolumeRule implements SafetyRule {

    /** The publication behind the rule, or UNVERIFIED. */
    public static final String SOURCE = "ASFA 2023 fact sheets: usually 1-1.5 plasma volumes per exchange; fixed volumes under-dose "
            + "large patients (PMC5769505)";

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public WarningCode code() {
        return WarningCode.EXCHANGE_BELOW_ONE_PLASMA_VOLUME;
    }

    @Override
    public Optional<Warning> check(SafetyFacts f) {
        if (f.plasmaVolumesExchanged().isEmpty() || f.plasmaVolumesExchanged().getAsDouble() >= 1.0 - 1e-9) {
            return Optional.empty();
        }
        return Optional.of(warning(Severity.WARNING, "This exchange is "
                + String.format(java.util.Locale.ROOT, "%.2f", f.plasmaVolumesExchanged().getAsDouble())
                + " plasma volumes, below the usual 1.0-1.5. Check the order: a fixed volume under-doses large"
                + " patients and those with a low haematocrit."));
    }
}
