package org.openapheresis.server.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.openapheresis.gvhd.Chimerism;
import org.openapheresis.gvhd.DliHoldDecision;
import org.openapheresis.gvhd.DliHoldRule;
import org.openapheresis.gvhd.FollowUpVisit;
import org.openapheresis.gvhd.GvhdAssessment;
import org.openapheresis.gvhd.GvhdFindings;
import org.openapheresis.gvhd.Magic2016;
import org.openapheresis.gvhd.MagicGrade;
import org.openapheresis.gvhd.MagicStaging;
import org.openapheresis.server.access.Actor;
import org.openapheresis.server.db.Ids;
import org.openapheresis.server.db.Times;
import org.openapheresis.server.patient.PatientService;
import org.openapheresis.server.system.DomainException;
import org.openapheresis.server.system.Refusal;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/**
 * Records follow-up visits after donor lymphocyte infusion, each in the caller's transaction: the core stages the
 * findings and grades the visit by the MAGIC criteria ({@link Magic2016}), and the record keeps the stages, the
 * grade, their sentences and the grading system's name and version as computed then. Nothing recorded is changed:
 * a correction is a new record naming the one it corrects, with the reason.
 */
public final class FollowUpService {

    /** The grading system whose stages and grade are stored with each visit. */
    public static final String GRADING_SYSTEM = "MAGIC";
    /** Its version: the 2016 publication the core's thresholds come from. */
    public static final String GRADING_VERSION = "Harris 2016";
    /** Most visits a list answers. */
    public static final int MAX_LIST = 500;

    private final FollowUpStore store;
    private final PatientService patients;
    private final Clock clock;

    public FollowUpService(FollowUpStore store, PatientService patients, Clock clock) {
        this.store = store;
        this.patients = patients;
        this.clock = clock;
    }

    /**
     * A visit as a physician records it.
     *
     * @param visitAt when the patient was seen
     * @param findings the four organs' findings (the core refused impossible values already)
     * @param totalBilirubinMicromolPerL the bilirubin as entered, when it was reported in µmol/L (the findings hold
     *     its conversion to mg/dL)
     * @param chimerism the chimerism results of the visit
     * @param corrects the record this visit corrects, if it is a correction
     * @param correctionReason why, required with {@code corrects}
     */
    public record NewVisit(Instant visitAt, GvhdFindings findings, Optional<Double> totalBilirubinMicromolPerL,
            List<Chimerism> chimerism, Optional<String> corrects, Optional<String> correctionReason) {
    }

    /** Records a visit with its stages and grade as the core computes them now. */
    public FollowUp.View record(Handle h, Actor by, String patientId, NewVisit n) {
        patients.require(h, patientId);
        LocalDateTime visitLocal = local(n.visitAt());
        checkSampleDates(visitLocal.toLocalDate(), n.chimerism());
        if (n.corrects().isPresent() != n.correctionReason().isPresent()) {
            throw InvalidInputException.of(n.corrects().isPresent() ? "correctionReason" : "corrects",
                    MessageKey.REQUIRED_WHEN, n.corrects().isPresent() ? "when a record is corrected"
                            : "when a correction reason is given");
        }
        if (n.corrects().isPresent()) {
            String corrected = n.corrects().get();
            store.lock(h, corrected);
            FollowUp old = store.find(h, corrected).filter(v -> v.patientId().equals(patientId))
                    .orElseThrow(() -> InvalidInputException.of("corrects", MessageKey.INVALID,
                            corrected + " is not a follow-up record of this patient"));
            store.correctionOf(h, old.id()).ifPresent(later -> {
                throw new DomainException(Refusal.FOLLOW_UP_ALREADY_CORRECTED, List.of(old.id(), later),
                        Map.of("correctedBy", later));
            });
        }
        FollowUpVisit visit = new FollowUpVisit(visitLocal, n.findings(), n.chimerism());
        MagicStaging staging = visit.staging();
        GvhdFindings f = n.findings();
        FollowUp.Entered entered = new FollowUp.Entered(f.skin().activeRashBodySurfacePercent(),
                f.skin().generalizedErythrodermaWithBullaeAndDesquamation(), f.liver().totalBilirubinMgPerDl(),
                n.totalBilirubinMicromolPerL(), f.upperGi().persistentNauseaVomitingOrAnorexia(),
                box(f.lowerGi().stoolOutputMlPerDay()), box(f.lowerGi().stoolOutputMlPerKgPerDay()),
                f.lowerGi().severeAbdominalPainWithOrWithoutIleus(), f.lowerGi().grosslyBloodyStool());
        FollowUp v = new FollowUp(Ids.next(), patientId, n.visitAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                entered, staging, GRADING_SYSTEM, GRADING_VERSION, Magic2016.SOURCE, visit.chimerism(), n.corrects(),
                n.correctionReason(), Times.now(clock), by.username());
        store.insert(h, v);
        return new FollowUp.View(v, Optional.empty());
    }

    /** The patient's records, the latest visit first, each with the record that corrects it if any. */
    public List<FollowUp.View> visits(Handle h, String patientId) {
        patients.require(h, patientId);
        return store.ofPatient(h, patientId, MAX_LIST);
    }

    /**
     * The grades recorded at the patient's visits at or after a time, for {@link DliHoldRule}: each visit's current
     * record only (a corrected record is replaced by its correction), in the unit's local time, earliest first.
     *
     * @param since e.g. the time of the last dose of donor lymphocytes
     */
    public List<GvhdAssessment> assessmentsSince(Handle h, String patientId, Instant since) {
        List<GvhdAssessment> out = new ArrayList<>();
        for (FollowUpStore.Graded g : store.currentGradesSince(h, patientId, since)) {
            out.add(new GvhdAssessment(local(g.visitAt()), g.grade()));
        }
        return out;
    }

    /**
     * A follow-up visit the DLI hold was decided on.
     *
     * @param visitId its current record (a corrected record is replaced by its correction)
     * @param grade the overall grade recorded
     */
    public record HoldingVisit(String visitId, Instant visitAt, MagicGrade grade) {
    }

    /**
     * The DLI hold and the visits it was decided on, read once.
     *
     * @param decision {@link DliHoldRule}'s decision over the grades recorded since the last dose
     * @param heldBy the visits behind its qualifying assessments (grade II or more), earliest first; empty when not
     *     held
     */
    public record DliHold(DliHoldDecision decision, List<HoldingVisit> heldBy) {

        public DliHold {
            java.util.Objects.requireNonNull(decision, "decision");
            heldBy = List.copyOf(heldBy);
        }
    }

    /**
     * Whether the next DLI dose is held: {@link DliHoldRule} over the grades recorded since the last dose, with the
     * visits that hold it. For the infusion of a DLI dose and the schedule to ask; the physician decides.
     *
     * @param lastDoseAt when the last dose of donor lymphocytes was given
     */
    public DliHold dliHold(Handle h, String patientId, Instant lastDoseAt) {
        List<FollowUpStore.Graded> graded = store.currentGradesSince(h, patientId, lastDoseAt);
        List<GvhdAssessment> assessments = graded.stream().map(g -> new GvhdAssessment(local(g.visitAt()), g.grade()))
                .toList();
        DliHoldDecision decision = DliHoldRule.decide(local(lastDoseAt), assessments);
        List<HoldingVisit> heldBy = new ArrayList<>();
        for (int i = 0; i < graded.size(); i++) {
            if (decision.qualifying().contains(assessments.get(i))) {
                FollowUpStore.Graded g = graded.get(i);
                heldBy.add(new HoldingVisit(g.visitId(), g.visitAt(), g.grade()));
            }
        }
        return new DliHold(decision, heldBy);
    }

    /** A chimerism sample is taken on or before the visit's day, and not in the future. */
    private void checkSampleDates(LocalDate visitDay, List<Chimerism> chimerism) {
        LocalDate today = LocalDate.now(clock);
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < chimerism.size(); i++) {
            LocalDate on = chimerism.get(i).sampledOn();
            String field = "chimerism[" + i + "].sampledOn";
            if (on.isAfter(today)) {
                problems.add(Problem.of(field, MessageKey.IN_THE_FUTURE, on));
            } else if (on.isAfter(visitDay)) {
                problems.add(Problem.of(field, MessageKey.INVALID, on + " is after the visit (" + visitDay
                        + "): a result reported at a visit was sampled on or before its day"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("the chimerism results have invalid dates", problems);
        }
    }

    private LocalDateTime local(Instant t) {
        return LocalDateTime.ofInstant(t, clock.getZone());
    }

    private static Optional<Double> box(java.util.OptionalDouble d) {
        return d.isPresent() ? Optional.of(d.getAsDouble()) : Optional.empty();
    }
}
