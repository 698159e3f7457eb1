package org.openapheresis.server.fhir;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.jdbi.v3.core.Jdbi;
import org.openapheresis.server.order.OrderService;

/** Orders: read by id, search by patient (required). */
public final class ServiceRequestProvider implements IResourceProvider {

    private final OrderService orders;
    private final Jdbi jdbi;

    private final CompartmentReader reader;

    ServiceRequestProvider(OrderService orders, Jdbi jdbi, CompartmentReader reader) {
        this.orders = orders;
        this.jdbi = jdbi;
        this.reader = reader;
    }

    @Override
    public Class<ServiceRequest> getResourceType() {
        return ServiceRequest.class;
    }

    @Read(version = true)
    public ServiceRequest read(@IdParam IdType id) {
        return Versions.asked(id, jdbi.withHandle(h -> orders.find(h, id.getIdPart()).map(o -> ServiceRequestMapper.toFhir(o,
                Optional.ofNullable(orders.updatedAt(h, o.patientId()).get(o.id())))))
                .orElseThrow(() -> new ResourceNotFoundException(id)));
    }

    @Search
    public List<ServiceRequest> search(@RequiredParam(name = ServiceRequest.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
            @Sort SortSpec sort,
            @IncludeParam(allow = {"ServiceRequest:patient", "ServiceRequest:subject"}) Set<Include> includes) {
        return reader.search(patient.getIdPart(),
                PatientCompartment.Type.SERVICE_REQUEST, ServiceRequest.class, lastUpdated, sort, includes);
    }
}
