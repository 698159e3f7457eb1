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
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.IdType;

/** A person's recorded allergies ({@link HistoryMapper}): read by id, search by patient (required). */
public final class AllergyIntoleranceProvider implements IResourceProvider {

    private final CompartmentReader reader;

    AllergyIntoleranceProvider(CompartmentReader reader) {
        this.reader = reader;
    }

    @Override
    public Class<AllergyIntolerance> getResourceType() {
        return AllergyIntolerance.class;
    }

    @Read
    public AllergyIntolerance read(@IdParam IdType id) {
        return reader.historyById(id, HistoryMapper.ALLERGY_ID, PatientCompartment.Type.ALLERGY_INTOLERANCE, AllergyIntolerance.class);
    }

    @Search
    public List<AllergyIntolerance> search(@RequiredParam(name = AllergyIntolerance.SP_PATIENT) ReferenceParam subject,
            @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
            @Sort SortSpec sort,
            @IncludeParam(allow = {"AllergyIntolerance:patient"}) Set<Include> includes) {
        return reader.search(subject.getIdPart(),
                PatientCompartment.Type.ALLERGY_INTOLERANCE, AllergyIntolerance.class, lastUpdated, sort, includes);
    }
}
