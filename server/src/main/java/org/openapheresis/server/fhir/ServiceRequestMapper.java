package org.openapheresis.server.fhir;

import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.openapheresis.server.order.OrderRecord;

/**
 * An order as an R4 ServiceRequest: unsigned is a draft, signed is active, stopped is revoked; the indication as
 * the ICD-10-CM reason; the signature as authoredOn and requester (an unsigned order has neither). The procedure
 * is named in words only: no code system for apheresis procedures has been verified.
 */
public final class ServiceRequestMapper {

    private ServiceRequestMapper() {
    }

    public static ServiceRequest toFhir(OrderRecord o) {
        return toFhir(o, java.util.Optional.empty());
    }

    /** With when the order last changed, when known. */
    public static ServiceRequest toFhir(OrderRecord o, java.util.Optional<java.time.Instant> updatedAt) {
        ServiceRequest r = new ServiceRequest();
        r.setId(o.id());
        r.getMeta().setVersionId(Integer.toString(o.version()));
        r.setStatus(switch (o.status()) {
            case UNSIGNED -> ServiceRequest.ServiceRequestStatus.DRAFT;
            case SIGNED -> ServiceRequest.ServiceRequestStatus.ACTIVE;
            case STOPPED -> ServiceRequest.ServiceRequestStatus.REVOKED;
        });
        r.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        r.setCode(ProcedureMapper.code(o.procedureSpec().type()));
        r.setSubject(new Reference("Patient/" + o.patientId()));
        CodeableConcept reason = new CodeableConcept();
        reason.addCoding().setSystem(FhirSystems.ICD10_CM).setCode(o.indication().code());
        reason.setText(o.indication().text());
        r.addReasonCode(reason);
        o.signedAt().ifPresent(at -> r.setAuthoredOn(Date.from(at)));
        o.signedBy().ifPresent(by -> r.setRequester(new Reference().setDisplay(by)));
        r.setQuantity(new org.hl7.fhir.r4.model.Quantity().setValue(o.sessionsOrdered()).setUnit("sessions"));
        o.stop().ifPresent(s -> r.addNote().setText("Stopped by " + s.by() + ": " + s.reason())
                .setTime(Date.from(s.at())));
        updatedAt.ifPresent(t -> r.getMeta().setLastUpdated(Date.from(t)));
        return r;
    }
}
