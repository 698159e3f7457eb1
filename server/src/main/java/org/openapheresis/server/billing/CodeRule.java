package org.openapheresis.server.billing;

import java.util.Objects;
import java.util.Optional;
import org.openapheresis.procedure.ProcedureType;

/**
 * One row of the code rule table: when the record shows this, bill that code.
 *
 * @param id the rule's name, e.g. {@code TA_PLASMA}
 * @param trigger what happened
 * @param procedure the procedure type it applies to; empty for any
 * @param removed what a therapeutic apheresis removed; empty for any
 * @param productKind the product kind code; empty for any
 * @param donation autologous or allogeneic; empty for any
 * @param code the code billed; empty when the rule bills nothing by itself ({@code NONE})
 * @param units how the code's units are counted: a number per event, the drug given per its dosage, or the
 *     infusion time by the hour ({@link UnitCount})
 * @param source where the mapping comes from ({@code UNIT RULE} marks the unit's own)
 */
public record CodeRule(String id, Trigger trigger, Optional<ProcedureType> procedure,
        Optional<RemovedComponent> removed, Optional<String> productKind, Optional<Donation> donation,
        Optional<BillingCode> code, UnitCount units, String source) {

    public CodeRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(units, "units");
        if (code.isPresent() != units.bills()) {
            throw new IllegalArgumentException("rule " + id + ": a code is billed in one unit or more (or a measured "
                    + "count), NONE in none");
        }
    }

    /** True when the record's facts are what this rule bills. */
    public boolean matches(BillableFacts f) {
        return trigger == f.trigger()
                && (procedure.isEmpty() || procedure.equals(f.procedure()))
                && (removed.isEmpty() || removed.equals(f.removed()))
                && (productKind.isEmpty() || productKind.equals(f.productKind()))
                && (donation.isEmpty() || donation.equals(f.donation()));
    }

    /** True when the rule is the unit's own, not a published one. */
    public boolean unitRule() {
        return source.contains("UNIT RULE");
    }
}
