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
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.IdType;

/** A person's recorded conditions ({@link HistoryMapper}): read by id, search by subject (required). */
public final class ConditionProvider implements IResourceProvider {

    private final CompartmentReader reader;

    ConditionProvider(CompartmentReader reader) {
        this.reader = reader;
    }

    @Override
    public Class<Condition> getResourceType() {
        return Condition.class;
    }

    @Read
    public Condition read(@IdParam IdType id) {
        return reader.historyById(id, HistoryMapper.CONDITION_ID, PatientCompartment.Type.CONDITION, Condition.class);
    }

    @Search
    public List<Condition> search(@RequiredParam(name = Condition.SP_SUBJECT) ReferenceParam subject,
            @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
            @Sort SortSpec sort,
            @IncludeParam(allow = {"Condition:patient", "Condition:subject"}) Set<Include> includes) {
        return reader.search(subject.getIdPart(),
                PatientCompartment.Type.CONDITION, Condition.class, lastUpdated, sort, includes);
    }
}
