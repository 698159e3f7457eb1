package org.openapheresis.server.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.jdbi.v3.core.Jdbi;
import org.openapheresis.server.patient.PatientService;

/** Patients and donors: read by id, search by identifier ({@code system|MRN}) or all of them. */
public final class PatientProvider implements IResourceProvider {

    private final PatientService patients;
    private final Jdbi jdbi;

    public PatientProvider(PatientService patients, Jdbi jdbi) {
        this.patients = patients;
        this.jdbi = jdbi;
    }

    @Override
    public Class<Patient> getResourceType() {
        return Patient.class;
    }

    @Read
    public Patient read(@IdParam IdType id) {
        return jdbi.withHandle(h -> patients.find(h, id.getIdPart())).map(PatientMapper::toFhir)
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    /** Every person, or the one whose MRN is the identifier (in the unit's MRN system, or with no system). */
    @Search
    public List<Patient> search(@OptionalParam(name = Patient.SP_IDENTIFIER) TokenParam identifier) {
        if (identifier == null) {
            return jdbi.withHandle(h -> patients.search(h, Optional.empty())).stream().map(PatientMapper::toFhir)
                    .toList();
        }
        if (identifier.getSystem() != null && !identifier.getSystem().isEmpty()
                && !FhirSystems.MRN.equals(identifier.getSystem())) {
            return List.of(); // no other identifier system is kept
        }
        return jdbi.withHandle(h -> patients.findByMrn(h, identifier.getValue())).map(PatientMapper::toFhir).stream()
                .toList();
    }
}
