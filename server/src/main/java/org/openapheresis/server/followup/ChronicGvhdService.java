package org.openapheresis.server.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.openapheresis.gvhd.ChronicGvhdTrend;
import org.openapheresis.gvhd.ChronicOrganScores;
import org.openapheresis.gvhd.Nih2014;
import org.openapheresis.server.access.Actor;
import org.openapheresis.server.db.Ids;
import org.openapheresis.server.db.Times;
import org.openapheresis.server.patient.PatientService;
import org.openapheresis.server.system.DomainException;
import org.openapheresis.server.system.Refusal;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;

/**
 * Records chronic GVHD assessments, each in the caller's transaction: the core computes the global severity from
 * the eight NIH organ scores ({@link Nih2014}), and the record keeps it, its rule and the grading system's name and
 * version as computed then. Nothing recorded is changed. Answers the trend of the recorded severity, and the
 * assessment a photopheresis order names as its indication.
 */
public final class ChronicGvhdService {

    /** The grading system whose severity is stored with each assessment. */
    public static final String GRADING_SYSTEM = "NIH";
    /** Its version: the 2014 consensus, published 2015. */
    public static final String GRADING_VERSION = "2014 consensus (Jagasia 2015)";
    /** Most assessments a list answers. */
    public static final int MAX_LIST = 500;

    private final ChronicGvhdStore store;
    private final PatientService patients;
    private final Clock clock;

    public ChronicGvhdService(ChronicGvhdStore store, PatientService patients, Clock clock) {
        this.store = store;
        this.patients = patients;
        this.clock = clock;
    }

    /**
     * An assessment as a physician records it.
     *
     * @param assessedAt when the patient was assessed (not in the future: the edge refused that)
     * @param scores the eight organ scores (the core refused impossible values already)
     * @param note the physician's note, if any
     * @param corrects the assessment of this patient this one corrects, if it is a correction
     * @param correctionReason why, required with {@code corrects}
     */
    public record NewAssessment(Instant assessedAt, ChronicOrganScores scores, Optional<String> note,
            Optional<String> corrects, Optional<String> correctionReason) {

        /** An assessment that corrects none. */
        public NewAssessment(Instant assessedAt, ChronicOrganScores scores, Optional<String> note) {
            this(assessedAt, scores, note, Optional.empty(), Optional.empty());
        }
    }

    /**
     * Records an assessment with its global severity as the core computes it now. A correction names an assessment
     * of this patient not corrected yet (409 {@code FOLLOW_UP_ALREADY_CORRECTED} naming the correction otherwise),
     * with the reason; the corrected one is kept as it was and no longer counts for the latest or the trend.
     */
    public ChronicGvhdAssessment record(Handle h, Actor by, String patientId, NewAssessment n) {
        patients.require(h, patientId);
        if (n.corrects().isPresent() != n.correctionReason().isPresent()) {
            throw InvalidInputException.of(n.corrects().isPresent() ? "correctionReason" : "corrects",
                    MessageKey.REQUIRED_WHEN, n.corrects().isPresent() ? "when an assessment is corrected"
                            : "when a correction reason is given");
        }
        if (n.corrects().isPresent()) {
            String corrected = n.corrects().get();
            if (Ids.isId(corrected)) {
                store.lock(h, corrected);
            }
            ChronicGvhdAssessment old = find(h, corrected).filter(a -> a.patientId().equals(patientId))
                    .orElseThrow(() -> InvalidInputException.of("corrects", MessageKey.INVALID,
                            corrected + " is not a chronic GVHD assessment of this patient"));
            store.correctionOf(h, old.id()).ifPresent(later -> {
                throw new DomainException(Refusal.FOLLOW_UP_ALREADY_CORRECTED, List.of(old.id(), later),
                        Map.of("correctedBy", later));
            });
        }
        Nih2014.Grading g = n.scores().severity();
        ChronicGvhdAssessment a = new ChronicGvhdAssessment(Ids.next(), patientId,
                n.assessedAt().truncatedTo(ChronoUnit.MILLIS), n.scores(), g.severity(), g.rule(), GRADING_SYSTEM,
                GRADING_VERSION, Nih2014.SOURCE, n.note(), Times.now(clock), by.username(), n.corrects(),
                n.correctionReason());
        store.insert(h, a);
        return a;
    }

    /** The patient's assessments, the latest first, corrected ones included. */
    public List<ChronicGvhdAssessment> assessments(Handle h, String patientId) {
        patients.require(h, patientId);
        return store.ofPatient(h, patientId, MAX_LIST);
    }

    /** Of these assessments, by id, the one that corrects each corrected one. */
    public static Map<String, String> correctedBy(List<ChronicGvhdAssessment> assessments) {
        Map<String, String> m = new java.util.HashMap<>();
        assessments.forEach(a -> a.corrects().ifPresent(c -> m.put(c, a.id())));
        return m;
    }

    /** The assessments that stand: none a later record corrected, in the order given. */
    public static List<ChronicGvhdAssessment> current(List<ChronicGvhdAssessment> assessments) {
        Map<String, String> corrected = correctedBy(assessments);
        return assessments.stream().filter(a -> !corrected.containsKey(a.id())).toList();
    }

    /** The trend of the recorded global severity over these assessments, in the unit's local time. */
    public ChronicGvhdTrend trend(List<ChronicGvhdAssessment> assessments) {
        return ChronicGvhdTrend.of(assessments.stream()
                .map(a -> new ChronicGvhdTrend.Point(LocalDateTime.ofInstant(a.assessedAt(), clock.getZone()), a.severity()))
                .toList());
    }

    /**
     * The assessment an order names as its indication: it must be one of this patient's.
     *
     * @param field the field that named it, for the problem
     * @throws InvalidInputException naming {@code field} when there is no such assessment of the patient
     */
    public ChronicGvhdAssessment requireOfPatient(Handle h, String patientId, String id, String field) {
        return find(h, id).filter(a -> a.patientId().equals(patientId))
                .orElseThrow(() -> InvalidInputException.of(field, MessageKey.NOT_FOUND,
                        "chronic GVHD assessment of this patient"));
    }

    /** The assessment with this id, if any. */
    public Optional<ChronicGvhdAssessment> find(Handle h, String id) {
        return Ids.isId(id) ? store.find(h, id) : Optional.empty();
    }
}
