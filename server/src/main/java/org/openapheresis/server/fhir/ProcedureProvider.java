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
import java.util.Optional;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Procedure;
import org.jdbi.v3.core.Jdbi;
import org.openapheresis.server.session.SessionService;

/**
 * Sessions: read by id, search by patient (required), {@code date} (a session matches when its performed period,
 * or its start while it runs, meets the range; a session not yet started has none and does not match), sorted by
 * {@code date} or {@code _lastUpdated}.
 */
public final class ProcedureProvider implements IResourceProvider {

    private final SessionService sessions;
    private final Jdbi jdbi;
    private final CompartmentReader reader;

    ProcedureProvider(SessionService sessions, Jdbi jdbi, CompartmentReader reader) {
        this.sessions = sessions;
        this.jdbi = jdbi;
        this.reader = reader;
    }

    @Override
    public Class<Procedure> getResourceType() {
        return Procedure.class;
    }

    @Read(version = true)
    public Procedure read(@IdParam IdType id) {
        return Versions.asked(id, jdbi.withHandle(h -> sessions.find(h, id.getIdPart()).map(s -> ProcedureMapper.toFhir(s,
                Optional.ofNullable(sessions.updatedAt(h, s.patientId()).get(s.id())),
                s.machine().map(reader.compartment().machineIds(h)::get))))
                .orElseThrow(() -> new ResourceNotFoundException(id)));
    }

    @Search
    public List<Procedure> search(@RequiredParam(name = Procedure.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Procedure.SP_DATE) DateRangeParam date,
            @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
            @Sort SortSpec sort,
            @IncludeParam(allow = {"Procedure:patient", "Procedure:subject"}) Set<Include> includes) {
        return reader.search(patient.getIdPart(), PatientCompartment.Type.PROCEDURE, Procedure.class, lastUpdated, sort, includes)
                .stream().filter(p -> date == null || p.getPerformed() instanceof org.hl7.fhir.r4.model.Period performed
                        && CompartmentReader.overlaps(date, performed)).toList();
    }
}
