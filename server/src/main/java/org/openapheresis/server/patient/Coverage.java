package org.openapheresis.server.patient;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;

/**
 * Who pays, as the patient's record holds it (payer, plan and member id), each part optional.
 *
 * @param payer the insurer or fund
 * @param memberId the patient's number with the payer
 * @param plan the payer's plan
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record Coverage(Optional<String> payer, Optional<String> memberId, Optional<String> plan) {

    public Coverage {
        java.util.Objects.requireNonNull(payer, "payer");
        java.util.Objects.requireNonNull(memberId, "memberId");
        java.util.Objects.requireNonNull(plan, "plan");
    }

    /** Nothing recorded. */
    public static Coverage none() {
        return new Coverage(Optional.empty(), Optional.empty(), Optional.empty());
    }
}
