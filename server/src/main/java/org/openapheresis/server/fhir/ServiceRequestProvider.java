package org.openapheresis.server.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.jdbi.v3.core.Jdbi;
import org.openapheresis.server.order.OrderService;

/** Orders: read by id, search by patient (required). */
public final class ServiceRequestProvider implements IResourceProvider {

    private final OrderService orders;
    private final Jdbi jdbi;

    public ServiceRequestProvider(OrderService orders, Jdbi jdbi) {
        this.orders = orders;
        this.jdbi = jdbi;
    }

    @Override
    public Class<ServiceRequest> getResourceType() {
        return ServiceRequest.class;
    }

    @Read
    public ServiceRequest read(@IdParam IdType id) {
        return jdbi.withHandle(h -> orders.find(h, id.getIdPart())).map(ServiceRequestMapper::toFhir)
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public List<ServiceRequest> search(@RequiredParam(name = ServiceRequest.SP_PATIENT) ReferenceParam patient) {
        return jdbi.withHandle(h -> orders.list(h, Optional.of(patient.getIdPart()))).stream()
                .map(ServiceRequestMapper::toFhir).toList();
    }
}
