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
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.IdType;
import org.jdbi.v3.core.Jdbi;
import org.openapheresis.server.billing.BillingService;

/** A patient's coverages (payer, plan year, cost sharing): read by id, search by beneficiary (required). */
public final class CoverageProvider implements IResourceProvider {

    private final BillingService billing;
    private final CompartmentReader reader;
    private final Jdbi jdbi;

    CoverageProvider(BillingService billing, CompartmentReader reader, Jdbi jdbi) {
        this.billing = billing;
        this.reader = reader;
        this.jdbi = jdbi;
    }

    @Override
    public Class<Coverage> getResourceType() {
        return Coverage.class;
    }

    @Read
    public Coverage read(@IdParam IdType id) {
        return jdbi.withHandle(h -> billing.findCoverage(h, id.getIdPart())).map(BillingMapper::coverage)
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public List<Coverage> search(@RequiredParam(name = Coverage.SP_BENEFICIARY) ReferenceParam beneficiary,
            @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
            @Sort SortSpec sort,
            @IncludeParam(allow = {"Coverage:beneficiary", "Coverage:patient"}) Set<Include> includes) {
        return reader.search(beneficiary.getIdPart(),
                PatientCompartment.Type.COVERAGE, Coverage.class, lastUpdated, sort, includes);
    }
}
