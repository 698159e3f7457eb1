package org.openapheresis.server.billing;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openapheresis.procedure.ProcedureType;

/**
 * What the record shows about one billable event, as the code rules read it: nothing typed by hand.
 *
 * @param trigger what happened
 * @param procedure the session's procedure type, for a session
 * @param removed what a therapeutic apheresis removed
 * @param productKind the cell product's kind code ({@code hpc}, {@code lymphocytes}), for a product step; the IVIG
 *     product's code ({@code privigen}), for an IVIG session whose order names it
 * @param donation autologous or allogeneic, for a collection or a product
 * @param diagnosisCode the ICD-10 code of the order's indication
 * @param doseGivenMg the drug given, mg, for an infusion (from the volumes recorded as given)
 * @param infusionMin the infusion's time in whole minutes, for an infusion (from the recorded start to the end)
 * @param fluidGivenMl the fluids recorded as given during a session (or planned, for an estimate), mL by the fluid's
 *     code ({@code albumin-5}, {@code plasma}): a supply billed by the container is counted from these
 * @param fluidGivenUnits the units of each plasma product recorded as given during a session, by the fluid's code
 *     ({@code plasma-ffp}): a supply billed by the unit is counted from these
 */
public record BillableFacts(Trigger trigger, Optional<ProcedureType> procedure, Optional<RemovedComponent> removed,
        Optional<String> productKind, Optional<Donation> donation, Optional<String> diagnosisCode,
        Optional<BigDecimal> doseGivenMg, Optional<Long> infusionMin, Map<String, BigDecimal> fluidGivenMl,
        Map<String, Integer> fluidGivenUnits) {

    public BillableFacts {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(removed, "removed");
        Objects.requireNonNull(productKind, "productKind");
        Objects.requireNonNull(donation, "donation");
        Objects.requireNonNull(diagnosisCode, "diagnosisCode");
        Objects.requireNonNull(doseGivenMg, "doseGivenMg");
        Objects.requireNonNull(infusionMin, "infusionMin");
        fluidGivenMl = Map.copyOf(fluidGivenMl);
        fluidGivenUnits = Map.copyOf(fluidGivenUnits);
        fluidGivenUnits.forEach((fluid, units) -> {
            if (units < 0) {
                throw new IllegalArgumentException(units + " units of " + fluid + " given is negative");
            }
        });
        fluidGivenMl.forEach((fluid, ml) -> {
            if (ml.signum() < 0) {
                throw new IllegalArgumentException(ml + " mL of " + fluid + " given is negative");
            }
        });
        if (doseGivenMg.isPresent() && doseGivenMg.get().signum() < 0 || infusionMin.isPresent() && infusionMin.get() < 0) {
            throw new IllegalArgumentException("a dose of " + doseGivenMg + " mg or a time of " + infusionMin
                    + " min is negative");
        }
    }

    /** The facts of a billable event without an infusion's dose and time. */
    public BillableFacts(Trigger trigger, Optional<ProcedureType> procedure, Optional<RemovedComponent> removed,
            Optional<String> productKind, Optional<Donation> donation, Optional<String> diagnosisCode) {
        this(trigger, procedure, removed, productKind, donation, diagnosisCode, Optional.empty(), Optional.empty(),
                Map.of(), Map.of());
    }

    /** A session that ended ({@code trigger}) as its order describes it. */
    public static BillableFacts session(Trigger trigger, ProcedureType type, Optional<Donation> donation,
            Optional<String> diagnosisCode) {
        return new BillableFacts(trigger, Optional.of(type), RemovedComponent.removedBy(type), Optional.empty(),
                donation, diagnosisCode);
    }

    /** A step recorded on a cell product. */
    public static BillableFacts product(Trigger trigger, String productKind, Donation donation,
            Optional<String> diagnosisCode) {
        return new BillableFacts(trigger, Optional.empty(), Optional.empty(), Optional.of(productKind),
                Optional.of(donation), diagnosisCode);
    }

    /**
     * An IVIG session that ended ({@code trigger}): the product its order names, the drug given and the infusion time.
     */
    public static BillableFacts ivig(Trigger trigger, Optional<String> productCode, Optional<BigDecimal> doseGivenMg,
            Optional<Long> infusionMin, Optional<String> diagnosisCode) {
        return new BillableFacts(trigger, Optional.of(ProcedureType.IVIG_INFUSION), Optional.empty(), productCode,
                Optional.empty(), diagnosisCode, doseGivenMg, infusionMin, Map.of(), Map.of());
    }

    /** These facts with the fluids given during the session, mL by fluid code (replacing any recorded before). */
    public BillableFacts withFluidsGiven(Map<String, BigDecimal> ml) {
        return new BillableFacts(trigger, procedure, removed, productKind, donation, diagnosisCode, doseGivenMg,
                infusionMin, ml, fluidGivenUnits);
    }

    /** These facts with the plasma units given during the session, by fluid code (replacing any recorded before). */
    public BillableFacts withFluidUnitsGiven(Map<String, Integer> units) {
        return new BillableFacts(trigger, procedure, removed, productKind, donation, diagnosisCode, doseGivenMg,
                infusionMin, fluidGivenMl, units);
    }
}
