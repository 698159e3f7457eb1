package org.openapheresis.server.billing;

import java.util.Objects;

/**
 * A code the unit may bill, with the descriptor it was checked against and where it was checked.
 *
 * @param code e.g. {@code 36514}
 * @param system {@code CPT} or {@code HCPCS}
 * @param descriptor the checked wording
 * @param source where the descriptor was checked
 */
public record BillingCode(String code, String system, String descriptor, String source) {

    public BillingCode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(source, "source");
        if (!system.equals("CPT") && !system.equals("HCPCS")) {
            throw new IllegalArgumentException("code system " + system + " is neither CPT nor HCPCS");
        }
    }
}
