package org.openapheresis.server.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openapheresis.procedure.Plan;
import org.openapheresis.server.patient.LabEntry;

/**
 * The whole clinical record of a session with its comparison to the plan.
 *
 * @param session the session
 * @param startAcknowledgement the plan warnings acknowledged at start, who and when (absent before start)
 * @param plan the plan the session ran on (re-planned from the record at start)
 * @param runValues run values, oldest first
 * @param vitals vital signs, oldest first
 * @param fluids fluids given, oldest first
 * @param labs labs taken at the session, oldest first
 * @param adverseEvents adverse events, oldest first
 * @param vascularAccess the access checked for the session, oldest first
 * @param notes nursing notes, oldest first
 * @param products what the collected product measured, oldest first (collections only)
 * @param comparison what happened against the plan, with the measures of the procedure
 * @param missing what the record lacks, for the nurse to see before completing
 */
public record ClinicalRecord(SessionRecord session,
        @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<StartAcknowledgement> startAcknowledgement, Plan plan,
        List<Entries.RunValue> runValues, List<Entries.Vitals> vitals, List<Entries.FluidGiven> fluids,
        List<LabEntry> labs, List<Entries.AdverseEvent> adverseEvents, List<Entries.VascularAccess> vascularAccess,
        List<Entries.NursingNote> notes, List<Entries.ProductMeasurement> products, Comparison comparison,
        List<Completeness.Gap> missing) {

    /**
     * What the person who started the session acknowledged.
     *
     * @param codes the plan warning codes
     * @param by who started
     * @param at when
     */
    public record StartAcknowledgement(List<String> codes, String by, Instant at) {
    }
}
