package org.openapheresis.server.session;

import java.util.ArrayList;
import java.util.List;
import org.openapheresis.patient.Analyte;
import org.openapheresis.procedure.ProcedureType;
import org.openapheresis.server.patient.LabEntry;
import org.openapheresis.server.patient.LabPhase;

/**
 * What a session's record lacks, as the nurse sees it before completing: no run values, no post-procedure labs,
 * no vascular access, a collection with no product measured, a leukocytapheresis with no white count after. Not a
 * refusal: a session may be completed with gaps (the labs come later), but not without having seen them.
 */
public final class Completeness {

    private Completeness() {
    }

    /**
     * One gap.
     *
     * @param item a stable key (e.g. {@code run-values}, {@code post-labs})
     * @param message what is missing, in words
     */
    public record Gap(String item, String message) {
    }

    /** The gaps of a session's record; empty for a session not yet started. */
    public static List<Gap> of(SessionRecord s, List<Entries.RunValue> runValues, List<LabEntry> labs,
            List<Entries.ProductMeasurement> products, List<Entries.VascularAccess> access) {
        List<Gap> gaps = new ArrayList<>();
        if (s.startedAt().isEmpty()) {
            return gaps;
        }
        ProcedureType type = s.procedureType();
        if (type.onSeparator() && runValues.isEmpty()) {
            gaps.add(new Gap("run-values", "no run values are recorded: the summary will have no volumes"));
        }
        if (type.onSeparator() && access.isEmpty()) {
            gaps.add(new Gap("vascular-access", "the vascular access is not recorded"));
        }
        if (labs.stream().noneMatch(l -> l.phase() == LabPhase.POST)) {
            gaps.add(new Gap("post-labs", "no post-procedure labs are recorded"));
        }
        if (type == ProcedureType.LEUKOCYTAPHERESIS && labs.stream().noneMatch(l -> l.phase() == LabPhase.POST
                && l.field().equals(Analyte.WBC.field()))) {
            gaps.add(new Gap("post-wbc", "no white count after the procedure: the target cannot be compared"));
        }
        if (type.collectsProduct() && products.isEmpty()) {
            gaps.add(new Gap("product", "the product's volume and cell counts are not recorded"));
        }
        return gaps;
    }
}
