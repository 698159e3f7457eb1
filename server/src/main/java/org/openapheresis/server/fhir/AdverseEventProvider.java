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
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.IdType;
import org.jdbi.v3.core.Jdbi;
import org.openapheresis.server.session.Entries;

/**
 * Adverse events of the sessions, graded as the WAA registry grades, and reactions at the bedside infusion of a cell
 * product, graded by CTCAE ({@link InfusionMapper}): read by id, search by patient (required).
 */
public final class AdverseEventProvider implements IResourceProvider {

    private final CompartmentReader reader;
    private final Jdbi jdbi;

    AdverseEventProvider(CompartmentReader reader, Jdbi jdbi) {
        this.reader = reader;
        this.jdbi = jdbi;
    }

    @Override
    public Class<AdverseEvent> getResourceType() {
        return AdverseEvent.class;
    }

    @Read
    public AdverseEvent read(@IdParam IdType id) {
        String wanted = id.getIdPart();
        return jdbi.withHandle(h -> reader.compartment().infusionResource(h, wanted, PatientCompartment.Type.ADVERSE_EVENT)
                .or(() -> reader.entries().read(h, Entries.Kind.ADVERSE_EVENT, wanted, wanted,
                        PatientCompartment.Type.ADVERSE_EVENT))).map(AdverseEvent.class::cast)
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public List<AdverseEvent> search(@RequiredParam(name = AdverseEvent.SP_SUBJECT) ReferenceParam subject,
            @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
            @Sort SortSpec sort,
            @IncludeParam(allow = {"AdverseEvent:subject"}) Set<Include> includes) {
        return reader.search(subject.getIdPart(),
                PatientCompartment.Type.ADVERSE_EVENT, AdverseEvent.class, lastUpdated, sort, includes);
    }
}
