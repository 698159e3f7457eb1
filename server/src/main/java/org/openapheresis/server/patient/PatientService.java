package org.openapheresis.server.patient;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.openapheresis.server.access.Actor;
import org.openapheresis.server.db.Ids;
import org.openapheresis.server.db.Times;
import org.openapheresis.server.system.DomainException;
import org.openapheresis.server.system.Refusal;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;

/**
 * Patients and donors: register, read, edit (optimistic locking) and the lab history. Plain Java: typed records
 * in and out, the transaction handle passed in, refusals as domain exceptions.
 */
public final class PatientService {

    /** Most patients one search returns. */
    public static final int MAX_LIST = 500;

    private final PatientStore store;
    private final Clock clock;

    public PatientService(PatientStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public List<PatientRecord> search(Handle h, Optional<String> text) {
        return store.search(h, text, MAX_LIST);
    }

    public Optional<PatientRecord> find(Handle h, String id) {
        return store.find(h, id);
    }

    /** A page of people in id order after {@code afterId}, without their latest labs (a bulk export's walk). */
    public List<PatientRecord> page(Handle h, Optional<String> afterId, int limit) {
        return store.page(h, afterId, limit);
    }

    /** How many people the unit holds. */
    public int count(Handle h) {
        return store.count(h);
    }

    /** The person with this medical record number (the FHIR face's identifier search). */
    public Optional<PatientRecord> findByMrn(Handle h, String mrn) {
        return store.findByMrn(h, mrn);
    }

    /** One lab value by its id (the FHIR face's Observation read). */
    public Optional<LabEntry> findLab(Handle h, String labId) {
        return store.findLab(h, labId);
    }

    /** The record, or a not-found refusal. */
    public PatientRecord require(Handle h, String id) {
        return store.find(h, id).orElseThrow(() -> DomainException.notFound("patient"));
    }

    /** "Family, Given" of a person, for the lists that show whose session it is. */
    public String displayName(Handle h, String id) {
        return store.displayName(h, id).orElseThrow(() -> DomainException.notFound("patient"));
    }

    /** Registers a person; labs given with the record are stored as baseline labs. */
    public PatientRecord create(Handle h, Actor by, PatientDraft d) {
        if (store.mrnTaken(h, d.mrn(), null)) {
            throw taken(d.mrn());
        }
        Instant now = Times.now(clock);
        String id = Ids.next();
        try {
            store.insert(h, new PatientRecord(id, 1, d.kind(), d.mrn(), d.givenName(), d.familyName(), d.birthDate(),
                    d.sex(), d.heightCm(), d.weightKg(), d.coverage(), d.history(), Map.of(), now, by.username(), now,
                    by.username()));
        } catch (RuntimeException e) {
            if (org.openapheresis.server.db.Unique.isViolation(e)) {
                throw taken(d.mrn()); // registered at the same moment by someone else
            }
            throw e;
        }
        if (!d.labs().isEmpty()) {
            store.addLabs(h, id, null, d.labsTakenAt().orElse(now), LabPhase.BASELINE, d.labs(), now, by.username());
        }
        return require(h, id);
    }

    /**
     * Replaces a record that is still at {@code expectedVersion}; lab values that differ from the latest are
     * recorded as new baseline labs (nothing earlier is overwritten).
     */
    public PatientRecord update(Handle h, Actor by, String id, int expectedVersion, PatientDraft d) {
        PatientRecord current = require(h, id);
        if (current.version() != expectedVersion) {
            throw DomainException.stale(current.version(), current);
        }
        if (store.mrnTaken(h, d.mrn(), id)) {
            throw taken(d.mrn());
        }
        Instant now = Times.now(clock);
        PatientRecord next = new PatientRecord(id, expectedVersion + 1, d.kind(), d.mrn(), d.givenName(),
                d.familyName(), d.birthDate(), d.sex(), d.heightCm(), d.weightKg(), d.coverage(), d.history(),
                Map.of(), current.createdAt(), current.createdBy(), now, by.username());
        boolean updated;
        try {
            updated = store.update(h, next, expectedVersion);
        } catch (RuntimeException e) {
            if (org.openapheresis.server.db.Unique.isViolation(e)) {
                throw taken(d.mrn());
            }
            throw e;
        }
        if (!updated) {
            // another write changed the row since it was read: wait for it to commit (the row lock) before reading
            // what to answer, so that the 409 names the version that won, not the one this request read
            store.lock(h, id);
            PatientRecord now2 = require(h, id);
            throw DomainException.stale(now2.version(), now2);
        }
        Map<String, Double> changed = new LinkedHashMap<>();
        d.labs().forEach((k, v) -> {
            if (!v.equals(current.labs().get(k))) {
                changed.put(k, v);
            }
        });
        if (!changed.isEmpty()) {
            store.addLabs(h, id, null, d.labsTakenAt().orElse(now), LabPhase.BASELINE, changed, now, by.username());
        }
        return require(h, id);
    }

    /** Every lab value of a person, oldest first. */
    public List<LabEntry> labHistory(Handle h, String id) {
        require(h, id);
        return store.labHistory(h, id);
    }

    /** Labs taken at a session, in the person's history. */
    /**
     * Records lab values taken outside a session (the lab system's feed): stored as the person's labs, phase
     * baseline, so the planner plans on them as on labs entered with the record. Each value must already be in its
     * field's unit and plausible range.
     */
    public List<LabEntry> importLabs(Handle h, Actor by, String patientId, Instant takenAt, Map<String, Double> values) {
        require(h, patientId);
        return store.addLabs(h, patientId, null, takenAt, LabPhase.BASELINE, values, Times.now(clock), by.username());
    }

    public List<LabEntry> recordSessionLabs(Handle h, Actor by, String patientId, String sessionId, Instant takenAt,
            LabPhase phase, Map<String, Double> values) {
        return store.addLabs(h, patientId, sessionId, takenAt, phase, values, Times.now(clock), by.username());
    }

    /** The times a person prefers to come, Monday first (empty: no preference). */
    public List<PreferredTime> preferredTimes(Handle h, String id) {
        require(h, id);
        return store.preferredTimes(h, id);
    }

    /**
     * The times a person prefers to come and their revision: what a change must name, so that two people editing
     * them at once cannot overwrite each other unseen.
     */
    public PreferredTimes preferredTimesWithRevision(Handle h, String id) {
        return PreferredTimes.of(preferredTimes(h, id));
    }

    /**
     * Replaces the times a person prefers to come (an empty list: no preference); at most one window a day. The
     * week's planner weighs them; proposals made before the change can no longer be booked. The change names the
     * revision it was made from: the person's row is locked, and when the times stored are no longer those, nothing
     * is written and the answer is a conflict carrying the current times and revision.
     */
    public PreferredTimes setPreferredTimes(Handle h, String id, List<PreferredTime> windows, String fromRevision) {
        store.lock(h, id).orElseThrow(() -> DomainException.notFound("patient or donor"));
        PreferredTimes current = PreferredTimes.of(store.preferredTimes(h, id));
        if (!current.revision().equals(fromRevision)) {
            throw new DomainException(Refusal.PREFERRED_TIMES_CHANGED, List.of(), Map.of("currentRevision",
                    current.revision(), "current", current.preferredTimes()));
        }
        store.setPreferredTimes(h, id, PreferredTime.week(windows));
        return PreferredTimes.of(store.preferredTimes(h, id));
    }

    /** {@link #setPreferredTimes(Handle, String, List, String)} from whatever is stored (the demo's seed). */
    public PreferredTimes setPreferredTimes(Handle h, String id, List<PreferredTime> windows) {
        return setPreferredTimes(h, id, windows, preferredTimesWithRevision(h, id).revision());
    }

    /** The labs recorded at a session. */
    public List<LabEntry> sessionLabs(Handle h, String sessionId) {
        return store.sessionLabs(h, sessionId);
    }

    private static InvalidInputException taken(String mrn) {
        return new InvalidInputException("the patient record has invalid values",
                List.of(org.openapheresis.system.Problem.of("mrn", MessageKey.TAKEN, mrn)));
    }
}
