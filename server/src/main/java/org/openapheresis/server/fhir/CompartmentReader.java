package org.openapheresis.server.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.openapheresis.server.patient.PatientService;

/** What the providers share to read one person's resources of one type, and entries by id. */
final class CompartmentReader {

    private final PatientService patients;
    private final PatientCompartment compartment;
    private final SessionEntries entries;
    private final Jdbi jdbi;

    CompartmentReader(PatientService patients, PatientCompartment compartment, SessionEntries entries, Jdbi jdbi) {
        this.patients = patients;
        this.compartment = compartment;
        this.entries = entries;
        this.jdbi = jdbi;
    }

    SessionEntries entries() {
        return entries;
    }

    PatientCompartment compartment() {
        return compartment;
    }

    /** The person's resources of one type (none for an unknown person: a search finds nothing). */
    <T> List<T> ofPatient(String patientId, PatientCompartment.Type type, Class<T> as) {
        return jdbi.withHandle(h -> {
            List<T> out = new ArrayList<>();
            patients.find(h, patientId).ifPresent(p -> compartment.forEach(h, p, Set.of(type), Optional.empty(),
                    compartment.machineIds(h), r -> out.add(as.cast(r))));
            return out;
        });
    }
}
