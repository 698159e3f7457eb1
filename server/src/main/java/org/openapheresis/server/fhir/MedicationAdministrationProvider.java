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
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.jdbi.v3.core.Jdbi;
import org.openapheresis.server.session.Entries;

/** IVIG and calcium given in sessions: read by id, search by patient (required). */
public final class MedicationAdministrationProvider implements IResourceProvider {

    private final CompartmentReader reader;
    private final Jdbi jdbi;

    MedicationAdministrationProvider(CompartmentReader reader, Jdbi jdbi) {
        this.reader = reader;
        this.jdbi = jdbi;
    }

    @Override
    public Class<MedicationAdministration> getResourceType() {
        return MedicationAdministration.class;
    }

    @Read
    public MedicationAdministration read(@IdParam IdType id) {
        return jdbi.withHandle(h -> reader.entries().read(h, Entries.Kind.FLUID, id.getIdPart(), id.getIdPart(),
                PatientCompartment.Type.MEDICATION_ADMINISTRATION)).map(MedicationAdministration.class::cast)
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public List<MedicationAdministration> search(
            @RequiredParam(name = MedicationAdministration.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
            @Sort SortSpec sort,
            @IncludeParam(allow = {"MedicationAdministration:patient", "MedicationAdministration:subject"}) Set<Include> includes) {
        return reader.search(patient.getIdPart(),
                PatientCompartment.Type.MEDICATION_ADMINISTRATION, MedicationAdministration.class, lastUpdated, sort, includes);
    }
}
