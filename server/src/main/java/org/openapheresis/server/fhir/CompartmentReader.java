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
        return ofPatient(patientId, type, as, null);
    }

    /**
     * The person's resources of one type whose {@code meta.lastUpdated} lies in the range ({@code _lastUpdated};
     * null for all); a resource whose last change is not known does not match a range.
     */
    <T> List<T> ofPatient(String patientId, PatientCompartment.Type type, Class<T> as,
            ca.uhn.fhir.rest.param.DateRangeParam lastUpdated) {
        return jdbi.withHandle(h -> {
            List<T> out = new ArrayList<>();
            patients.find(h, patientId).ifPresent(p -> compartment.forEach(h, p, Set.of(type), Optional.empty(),
                    compartment.machineIds(h), r -> {
                        if (lastUpdated == null || within(lastUpdated, r.getMeta().getLastUpdated())) {
                            out.add(as.cast(r));
                        }
                    }));
            return out;
        });
    }

    /**
     * A search of the person's resources of one type: those last changed in the range ({@code _lastUpdated}, null
     * for all) in the order {@code _sort} asks ({@link SearchSort}; null for the record's order), with
     * {@code _include} of the reference to the person ({@code Observation:patient},
     * {@code Coverage:beneficiary} …; HAPI refuses one the provider does not allow): each resource's reference to the
     * person then carries the Patient, which the server adds to the bundle once, as an {@code include} entry, and
     * each match says it is one ({@code search.mode}).
     */
    <T> List<T> search(String patientId, PatientCompartment.Type type, Class<T> as,
            ca.uhn.fhir.rest.param.DateRangeParam lastUpdated, ca.uhn.fhir.rest.api.SortSpec sort,
            Set<ca.uhn.fhir.model.api.Include> includes) {
        List<T> found = SearchSort.sorted(ofPatient(patientId, type, as, lastUpdated), type, sort);
        if (includes == null || includes.isEmpty() || found.isEmpty()) {
            return found;
        }
        org.hl7.fhir.r4.model.Patient person = jdbi.withHandle(h -> patients.find(h, patientId))
                .map(compartment::patient).orElseThrow();
        for (T r : found) {
            org.hl7.fhir.r4.model.Reference ref = personReference((org.hl7.fhir.r4.model.Resource) r);
            if (ref != null) {
                ref.setResource(person);
            }
            // matches say so, apart from the include entry
            ca.uhn.fhir.model.api.ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put((org.hl7.fhir.r4.model.Resource) r,
                    ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum.MATCH);
        }
        return found;
    }

    /** The resource's reference to the person it is about (its subject, patient or beneficiary). */
    static org.hl7.fhir.r4.model.Reference personReference(org.hl7.fhir.r4.model.Resource r) {
        if (r instanceof org.hl7.fhir.r4.model.Observation o) {
            return o.getSubject();
        } else if (r instanceof org.hl7.fhir.r4.model.Procedure p) {
            return p.getSubject();
        } else if (r instanceof org.hl7.fhir.r4.model.AdverseEvent a) {
            return a.getSubject();
        } else if (r instanceof org.hl7.fhir.r4.model.MedicationAdministration m) {
            return m.getSubject();
        } else if (r instanceof org.hl7.fhir.r4.model.MedicationStatement m) {
            return m.getSubject();
        } else if (r instanceof org.hl7.fhir.r4.model.ServiceRequest sr) {
            return sr.getSubject();
        } else if (r instanceof org.hl7.fhir.r4.model.ChargeItem c) {
            return c.getSubject();
        } else if (r instanceof org.hl7.fhir.r4.model.Condition c) {
            return c.getSubject();
        } else if (r instanceof org.hl7.fhir.r4.model.AllergyIntolerance a) {
            return a.getPatient();
        } else if (r instanceof org.hl7.fhir.r4.model.Coverage c) {
            return c.getBeneficiary();
        }
        return null;
    }

    /**
     * A resource of the clinical history by its id ({@link HistoryMapper}: the person's id, the kind's marker, a
     * hash of its text), read from the person's resources of that type; not found when no such person or resource.
     */
    <T extends org.hl7.fhir.r4.model.Resource> T historyById(org.hl7.fhir.r4.model.IdType id, String marker,
            PatientCompartment.Type type, Class<T> as) {
        String person = HistoryMapper.personOf(id.getIdPart(), marker)
                .orElseThrow(() -> new ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException(id));
        return ofPatient(person, type, as).stream().filter(r -> r.getIdElement().getIdPart().equals(id.getIdPart()))
                .findFirst().orElseThrow(() -> new ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException(id));
    }

    /** Whether an instant lies in the range (HAPI widens a bound to its precision: {@code le2026-03-01} is that day). */
    static boolean within(ca.uhn.fhir.rest.param.DateRangeParam range, java.util.Date at) {
        if (at == null) {
            return false;
        }
        java.util.Date lower = range.getLowerBoundAsInstant();
        java.util.Date upper = range.getUpperBoundAsInstant();
        return (lower == null || !at.before(lower)) && (upper == null || !at.after(upper));
    }

    /**
     * Whether a period meets the range: it begins before the range ends and ends (or, still open, began) after the
     * range begins. A period without a start meets no range.
     */
    static boolean overlaps(ca.uhn.fhir.rest.param.DateRangeParam range, org.hl7.fhir.r4.model.Period period) {
        java.util.Date start = period == null ? null : period.getStart();
        if (start == null) {
            return false;
        }
        java.util.Date end = period.getEnd() == null ? start : period.getEnd();
        java.util.Date lower = range.getLowerBoundAsInstant();
        java.util.Date upper = range.getUpperBoundAsInstant();
        return (upper == null || !start.after(upper)) && (lower == null || !end.before(lower));
    }
}
