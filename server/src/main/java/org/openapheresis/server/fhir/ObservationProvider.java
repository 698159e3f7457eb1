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
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.jdbi.v3.core.Jdbi;
import org.openapheresis.server.patient.LabEntry;
import org.openapheresis.server.patient.PatientService;
import org.openapheresis.server.session.Entries;

/**
 * The patients' lab values with a verified LOINC code, their vital signs and the separators' run values: read by
 * id, search by patient (required), code, category ({@code laboratory}, {@code vital-signs}, {@code procedure}) and
 * date (when the sample was taken or the sign measured).
 */
public final class ObservationProvider implements IResourceProvider {

    private final PatientService patients;
    private final Jdbi jdbi;
    private final LabCodes codes;
    private final CompartmentReader reader;

    ObservationProvider(PatientService patients, Jdbi jdbi, LabCodes codes, CompartmentReader reader) {
        this.patients = patients;
        this.jdbi = jdbi;
        this.codes = codes;
        this.reader = reader;
    }

    @Override
    public Class<Observation> getResourceType() {
        return Observation.class;
    }

    /**
     * A lab value by its id, a vital sign by its entry's id and suffix (a session's, or an infusion's:
     * {@code {productId}-i{seq}-before-bp}), a run-value sample by its id.
     */
    @Read
    public Observation read(@IdParam IdType id) {
        String wanted = id.getIdPart();
        return jdbi.withHandle(h -> {
            Optional<Observation> lab = patients.findLab(h, wanted).flatMap(this::toFhir);
            if (lab.isPresent()) {
                return lab;
            }
            Optional<Observation> infusion = reader.compartment().infusionResource(h, wanted,
                    PatientCompartment.Type.OBSERVATION).map(Observation.class::cast);
            if (infusion.isPresent()) {
                return infusion;
            }
            for (String suffix : EntryMapper.VITAL_SUFFIXES) {
                if (wanted.endsWith(suffix)) {
                    return reader.entries().read(h, Entries.Kind.VITALS, wanted.substring(0, wanted.length()
                            - suffix.length()), wanted, PatientCompartment.Type.OBSERVATION).map(Observation.class::cast);
                }
            }
            return reader.entries().read(h, Entries.Kind.RUN_VALUE, wanted, wanted, PatientCompartment.Type.OBSERVATION)
                    .map(Observation.class::cast);
        }).orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public List<Observation> search(@RequiredParam(name = Observation.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Observation.SP_CODE) TokenOrListParam code,
            @OptionalParam(name = Observation.SP_CATEGORY) TokenOrListParam category,
            @OptionalParam(name = Observation.SP_DATE) DateRangeParam date,
            @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
            @Sort SortSpec sort,
            @IncludeParam(allow = {"Observation:patient", "Observation:subject"}) Set<Include> includes) {
        return reader.search(patient.getIdPart(), PatientCompartment.Type.OBSERVATION, Observation.class, lastUpdated,
                sort, includes).stream()
                .filter(o -> code == null || matches(code, o.getCode()))
                .filter(o -> category == null || o.getCategory().stream().anyMatch(c -> matches(category, c)))
                .filter(o -> date == null || CompartmentReader.within(date, SearchSort.start(o.getEffective())))
                .toList();
    }

    /** Whether a concept has a coding the token list names (a token without a system matches any system). */
    static boolean matches(TokenOrListParam tokens, org.hl7.fhir.r4.model.CodeableConcept concept) {
        for (TokenParam t : tokens.getValuesAsQueryTokens()) {
            boolean anySystem = t.getSystem() == null || t.getSystem().isEmpty();
            for (org.hl7.fhir.r4.model.Coding c : concept.getCoding()) {
                if ((anySystem || t.getSystem().equals(c.getSystem())) && t.getValue().equals(c.getCode())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The Observation of a lab value, or empty when its field has no verified code. */
    private Optional<Observation> toFhir(LabEntry lab) {
        return codes.ofField(lab.field()).map(c -> ObservationMapper.toFhir(lab, c));
    }
}
