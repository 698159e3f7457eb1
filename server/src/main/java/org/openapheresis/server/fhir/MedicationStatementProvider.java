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
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.IdType;

/** A person's current medications as recorded ({@link HistoryMapper}): read by id, search by subject (required). */
public final class MedicationStatementProvider implements IResourceProvider {

    private final CompartmentReader reader;

    MedicationStatementProvider(CompartmentReader reader) {
        this.reader = reader;
    }

    @Override
    public Class<MedicationStatement> getResourceType() {
        return MedicationStatement.class;
    }

    @Read
    public MedicationStatement read(@IdParam IdType id) {
        return reader.historyById(id, HistoryMapper.MEDICATION_ID, PatientCompartment.Type.MEDICATION_STATEMENT,
                MedicationStatement.class);
    }

    @Search
    public List<MedicationStatement> search(
            @RequiredParam(name = MedicationStatement.SP_SUBJECT) ReferenceParam subject,
            @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
            @Sort SortSpec sort,
            @IncludeParam(allow = {"MedicationStatement:patient", "MedicationStatement:subject"}) Set<Include> includes) {
        return reader.search(subject.getIdPart(),
                PatientCompartment.Type.MEDICATION_STATEMENT, MedicationStatement.class, lastUpdated, sort, includes);
    }
}
