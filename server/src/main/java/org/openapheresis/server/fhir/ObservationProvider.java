package org.openapheresis.server.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.jdbi.v3.core.Jdbi;
import org.openapheresis.server.patient.LabEntry;
import org.openapheresis.server.patient.PatientService;

/**
 * The patients' lab values with a verified LOINC code: read by id, search by patient (required), code and date
 * (the time the sample was taken).
 */
public final class ObservationProvider implements IResourceProvider {

    private final PatientService patients;
    private final Jdbi jdbi;
    private final LabCodes codes;

    public ObservationProvider(PatientService patients, Jdbi jdbi, LabCodes codes) {
        this.patients = patients;
        this.jdbi = jdbi;
        this.codes = codes;
    }

    @Override
    public Class<Observation> getResourceType() {
        return Observation.class;
    }

    @Read
    public Observation read(@IdParam IdType id) {
        return jdbi.withHandle(h -> patients.findLab(h, id.getIdPart())).flatMap(this::toFhir)
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public List<Observation> search(@RequiredParam(name = Observation.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Observation.SP_CODE) TokenOrListParam code,
            @OptionalParam(name = Observation.SP_DATE) DateRangeParam date) {
        String patientId = patient.getIdPart();
        List<LabEntry> labs = jdbi.withHandle(h -> patients.find(h, patientId).isPresent()
                ? patients.labHistory(h, patientId) : List.<LabEntry>of());
        return labs.stream()
                .filter(l -> code == null || codes.ofField(l.field()).filter(c -> matches(code, c)).isPresent())
                .filter(l -> date == null || within(date, Date.from(l.takenAt())))
                .map(this::toFhir).flatMap(Optional::stream).toList();
    }

    /** Whether an instant lies in the range (HAPI widens a bound to its precision: {@code le2026-03-01} is that day). */
    private static boolean within(DateRangeParam range, Date at) {
        Date lower = range.getLowerBoundAsInstant();
        Date upper = range.getUpperBoundAsInstant();
        return (lower == null || !at.before(lower)) && (upper == null || !at.after(upper));
    }

    private static boolean matches(TokenOrListParam code, LabCodes.Code c) {
        for (TokenParam t : code.getValuesAsQueryTokens()) {
            boolean system = t.getSystem() == null || t.getSystem().isEmpty() || FhirSystems.LOINC.equals(t.getSystem());
            if (system && c.loinc().equals(t.getValue())) {
                return true;
            }
        }
        return false;
    }

    /** The Observation of a lab value, or empty when its field has no verified code. */
    private Optional<Observation> toFhir(LabEntry lab) {
        return codes.ofField(lab.field()).map(c -> ObservationMapper.toFhir(lab, c));
    }
}
