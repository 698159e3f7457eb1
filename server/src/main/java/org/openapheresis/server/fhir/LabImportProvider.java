package org.openapheresis.server.fhir;

import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.jdbi.v3.core.Jdbi;
import org.openapheresis.server.access.AccessPolicy;
import org.openapheresis.server.access.Actor;
import org.openapheresis.server.access.Permission;
import org.openapheresis.server.access.Principal;
import org.openapheresis.server.patient.LabEntry;

/**
 * {@code POST [base]} with a transaction Bundle: the lab feed of {@link LabImport}. Answers a transaction-response
 * Bundle, one {@code 201 Created} per entry with the Observation's location, or 422 with an OperationOutcome whose
 * issues name the refused entries (nothing stored). Needs the right to write patients' clinical records.
 */
public final class LabImportProvider {

    private final LabImport labs;
    private final Jdbi jdbi;
    private final AccessPolicy policy;

    LabImportProvider(LabImport labs, Jdbi jdbi, AccessPolicy policy) {
        this.labs = labs;
        this.jdbi = jdbi;
        this.policy = policy;
    }

    @Transaction
    public Bundle transaction(@TransactionParam Bundle bundle, RequestDetails rd) {
        Principal who = FhirAccess.caller(rd).orElseThrow(() -> new AuthenticationException("sign in first"));
        if (!policy.allows(who.role(), Permission.PATIENTS_CLINICAL_WRITE)) {
            throw new ForbiddenOperationException("your role (" + who.role().code() + ") may not record lab values");
        }
        List<LabEntry> stored;
        try {
            stored = jdbi.inTransaction(h -> labs.importBundle(h, new Actor(who.username(), who.role()), bundle));
        } catch (LabImport.Refused r) {
            throw new UnprocessableEntityException(R4.CTX, r.outcome());
        }
        Bundle answer = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
        for (LabEntry l : stored) {
            answer.addEntry().getResponse().setStatus("201 Created").setLocation("Observation/" + l.id())
                    .setLastModified(Date.from(l.recordedAt()));
        }
        return answer;
    }

    /** The FHIR context the outcome is encoded with. */
    private static final class R4 {
        static final ca.uhn.fhir.context.FhirContext CTX = ca.uhn.fhir.context.FhirContext.forR4Cached();
    }
}
