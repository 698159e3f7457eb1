package org.openapheresis.server.fhir;

import ca.uhn.fhir.model.valueset.BundleTypeEnum;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.openapheresis.server.patient.PatientRecord;
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
    private final PatientCompartment compartment;

    private final FhirAccess access;
    private final BulkExportProvider export;

    PatientProvider(PatientService patients, Jdbi jdbi, PatientCompartment compartment, FhirAccess access,
            BulkExportProvider export) {
        this.patients = patients;
        this.jdbi = jdbi;
        this.compartment = compartment;
        this.access = access;
        this.export = export;
    }

    /** {@code [base]/Patient/$export}: every person's compartment, as {@link BulkExportProvider} describes. */
    @Operation(name = "$export", idempotent = true, manualResponse = true)
    public void patientExport(@OperationParam(name = "_outputFormat") org.hl7.fhir.r4.model.StringType outputFormat,
            @OperationParam(name = "_type") org.hl7.fhir.r4.model.StringType type,
            @OperationParam(name = "_since") InstantType since,
            @OperationParam(name = "_typeFilter") org.hl7.fhir.r4.model.StringType typeFilter,
            ca.uhn.fhir.rest.api.server.RequestDetails rd) {
        export.kickOff(rd, true, outputFormat, type, since, typeFilter);
    }

    /**
     * {@code Patient/{id}/$everything}: the person's whole record (see {@link PatientCompartment}) as a searchset,
     * in pages as a search is ({@code _count}); with {@code _since}, only what changed at or after it; only the
     * types the caller's role may read (a role that may read patients but not their clinical record gets the Patient).
     */
    @Operation(name = "$everything", idempotent = true, bundleType = BundleTypeEnum.SEARCHSET)
    public IBundleProvider everything(@IdParam IdType id, @OperationParam(name = "_since") InstantType since,
            @OperationParam(name = "_count") IntegerType count, ca.uhn.fhir.rest.api.server.RequestDetails rd) {
        java.util.Optional<java.time.Instant> from = since == null || since.getValue() == null
                ? java.util.Optional.empty() : java.util.Optional.of(since.getValue().toInstant());
        List<org.hl7.fhir.instance.model.api.IBaseResource> all = jdbi.withHandle(h -> {
            PatientRecord p = patients.find(h, id.getIdPart()).orElseThrow(() -> new ResourceNotFoundException(id));
            return List.copyOf(compartment.everything(h, p, access.readable(rd), from));
        });
        return new SimpleBundleProvider(all);
    }

    @Override
    public Class<Patient> getResourceType() {
        return Patient.class;
    }

    @Read(version = true)
    public Patient read(@IdParam IdType id) {
        return Versions.asked(id, jdbi.withHandle(h -> patients.find(h, id.getIdPart())).map(compartment::patient)
                .orElseThrow(() -> new ResourceNotFoundException(id)));
    }

    /** Every person, or the one whose MRN is the identifier (in the unit's MRN system, or with no system). */
    @Search
    public List<Patient> search(@OptionalParam(name = Patient.SP_IDENTIFIER) TokenParam identifier,
            @OptionalParam(name = "_lastUpdated") ca.uhn.fhir.rest.param.DateRangeParam lastUpdated) {
        return searchAll(identifier).stream()
                .filter(p -> lastUpdated == null || CompartmentReader.within(lastUpdated, p.getMeta().getLastUpdated()))
                .toList();
    }

    private List<Patient> searchAll(TokenParam identifier) {
        if (identifier == null) {
            return jdbi.withHandle(h -> patients.search(h, Optional.empty())).stream().map(compartment::patient)
                    .toList();
        }
        if (identifier.getSystem() != null && !identifier.getSystem().isEmpty()
                && !compartment.mrnSystem().equals(identifier.getSystem())) {
            return List.of(); // no other identifier system is kept
        }
        return jdbi.withHandle(h -> patients.findByMrn(h, identifier.getValue())).map(compartment::patient).stream()
                .toList();
    }
}
