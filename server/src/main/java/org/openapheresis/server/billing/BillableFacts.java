package org.openapheresis.server.billing;

import java.util.Objects;
import java.util.Optional;
import org.openapheresis.procedure.ProcedureType;

/**
 * What the record shows about one billable event, as the code rules read it: nothing typed by hand.
 *
 * @param trigger what happened
 * @param procedure the session's procedure type, for a session
 * @param removed what a therapeutic apheresis removed
 * @param productKind the cell product's kind code ({@code hpc}, {@code lymphocytes}), for a product step
 * @param donation autologous or allogeneic, for a collection or a product
 * @param diagnosisCode the ICD-10 code of the order's indication
 */
public record BillableFacts(Trigger trigger, Optional<ProcedureType> procedure, Optional<RemovedComponent> removed,
        Optional<String> productKind, Optional<Donation> donation, Optional<String> diagnosisCode) {

    public BillableFacts {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(removed, "removed");
        Objects.requireNonNull(productKind, "productKind");
        Objects.requireNonNull(donation, "donation");
        Objects.requireNonNull(diagnosisCode, "diagnosisCode");
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
}
