package org.openapheresis.server.dli;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.openapheresis.gvhd.DliDoseCheck;
import org.openapheresis.gvhd.DliHoldDecision;
import org.openapheresis.gvhd.DliHoldRule;
import org.openapheresis.gvhd.DliSchedule;
import org.openapheresis.procedure.ProcedureSpec;
import org.openapheresis.server.access.Actor;
import org.openapheresis.server.db.Ids;
import org.openapheresis.server.db.Times;
import org.openapheresis.server.followup.FollowUpService;
import org.openapheresis.server.order.OrderRecord;
import org.openapheresis.server.order.OrderService;
import org.openapheresis.server.order.OrderStatus;
import org.openapheresis.server.patient.PatientKind;
import org.openapheresis.server.patient.PatientRecord;
import org.openapheresis.server.patient.PatientService;
import org.openapheresis.server.product.Product;
import org.openapheresis.server.product.ProductEvent;
import org.openapheresis.server.product.ProductKind;
import org.openapheresis.server.product.ProductService;
import org.openapheresis.server.product.ProductStatus;
import org.openapheresis.server.system.DomainException;
import org.openapheresis.server.system.Refusal;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/**
 * DLI schedules, each step in the caller's transaction: a physician orders the escalating schedule on a signed
 * lymphocyte collection order (its doses are the order's planned doses); the bedside check of a donor lymphocyte
 * aliquot asks it whether the aliquot is the dose expected next ({@link DliDoseCheck}), and the infusion records the
 * dose given; a physician may skip a dose, with the reason. A dose's status is computed when it is read: the hold
 * from the acute GVHD grades recorded since the last dose ({@link DliHoldRule}), the aliquot from the lab's products.
 */
public final class DliScheduleService {

    /** The details an infusion event carries when it gave a dose of a schedule. */
    public static final String SCHEDULE_ID = "dliScheduleId";
    public static final String DOSE_NUMBER = "dliDoseNumber";

    private final DliScheduleStore store;
    private final OrderService orders;
    private final PatientService patients;
    private final FollowUpService followUps;
    private final ProductService products;
    private final Clock clock;

    public DliScheduleService(DliScheduleStore store, OrderService orders, PatientService patients,
            FollowUpService followUps, ProductService products, Clock clock) {
        this.store = store;
        this.orders = orders;
        this.patients = patients;
        this.followUps = followUps;
        this.products = products;
        this.clock = clock;
        products.checkLymphocyteInfusionsWith(this::checkInfusion);
        products.whenRecorded(this::recorded);
    }

    /**
     * A dose as the physician writes it.
     *
     * @param cd3PerKg CD3+ per kg; may be left out when the order plans its doses (then the order's is taken)
     * @param intervalDays days after the dose before it; none for the first
     */
    public record NewDose(Optional<Double> cd3PerKg, OptionalInt intervalDays) {
    }

    /**
     * A schedule as the physician writes it.
     *
     * @param recipientId the recipient of the donor's lymphocytes
     * @param firstDoseOn the day of the first dose
     * @param doses the doses in the order they are given
     */
    public record NewSchedule(String recipientId, LocalDate firstDoseOn, List<NewDose> doses) {
    }

    /**
     * A dose of a schedule as read now.
     *
     * @param step its due date and status, the core's
     * @param outcome what became of it, as recorded (who, when, which aliquot)
     * @param aliquot the aliquot infused (given) or, for a dose still to give, an aliquot of the lab whose dose per kg
     *     matches it
     * @param heldBy for a held dose, the follow-up visits of grade II or more since the last dose
     */
    public record StepView(DliSchedule.Step step, Optional<DliScheduleRecord.Outcome> outcome, Optional<Aliquot> aliquot,
            List<FollowUpService.HoldingVisit> heldBy) {
    }

    /**
     * An aliquot of donor lymphocytes and its dose.
     *
     * @param cd3PerKg CD3+ per kg of the recipient's weight now (for a given dose: as given), when it can be computed
     */
    public record Aliquot(String productId, String din, String division, ProductStatus status, Optional<Double> cd3PerKg) {
    }

    /**
     * A schedule with its doses as they stand.
     *
     * @param hold the warning of {@link DliHoldRule} when the next dose is held
     */
    public record View(DliScheduleRecord schedule, List<StepView> steps, Optional<String> hold,
            Optional<Double> recipientWeightKg) {
    }

    /** Orders the schedule on a signed lymphocyte collection order; the doses must be the order's, in its order. */
    public View create(Handle h, Actor by, String orderId, NewSchedule n) {
        OrderRecord o = orders.require(h, orderId);
        if (!(o.procedureSpec() instanceof ProcedureSpec.LymphocyteCollection collection)) {
            throw DomainException.of(Refusal.DLI_SCHEDULE_REFUSED, orderId, "it orders " + o.procedureSpec().type()
                    .displayName() + ", not a lymphocyte collection");
        }
        if (o.status() != OrderStatus.SIGNED) {
            throw DomainException.of(Refusal.DLI_SCHEDULE_REFUSED, orderId, "it is " + o.status().code()
                    + "; a schedule is ordered on a signed order, whose doses no longer change");
        }
        store.ofOrder(h, orderId).ifPresent(existing -> {
            throw new DomainException(Refusal.DLI_SCHEDULE_EXISTS, List.of(orderId, existing), Map.of("scheduleId",
                    existing));
        });
        PatientRecord recipient = patients.require(h, n.recipientId());
        if (recipient.id().equals(o.patientId())) {
            throw InvalidInputException.of("recipientId", MessageKey.INVALID, "names the donor: donor lymphocytes are "
                    + "given to another person");
        }
        if (recipient.kind() == PatientKind.DONOR) {
            throw InvalidInputException.of("recipientId", MessageKey.INVALID, "names a donor, not a patient");
        }
        List<Double> planned = collection.targetCd3PerKgDoses();
        List<Problem> problems = new ArrayList<>();
        if (!planned.isEmpty() && n.doses().size() != planned.size()) {
            problems.add(Problem.of("doses", MessageKey.INVALID, n.doses().size() + " dose(s), and the order plans "
                    + planned.size() + " (" + String.join(", ", planned.stream().map(DliDoseCheck::perKg).toList())
                    + "): the schedule gives the doses the collection was planned for"));
        }
        List<DliSchedule.Dose> doses = new ArrayList<>();
        for (int i = 0; i < n.doses().size(); i++) {
            NewDose d = n.doses().get(i);
            String field = "doses[" + i + "].cd3PerKg";
            Optional<Double> ordered = i < planned.size() ? Optional.of(planned.get(i)) : Optional.empty();
            double dose;
            if (d.cd3PerKg().isPresent()) {
                dose = d.cd3PerKg().get();
                if (ordered.isPresent() && Math.abs(dose - ordered.get()) > 1e-9 * ordered.get()) {
                    problems.add(Problem.of(field, MessageKey.INVALID, DliDoseCheck.perKg(dose) + " is not the "
                            + "order's dose " + (i + 1) + " (" + DliDoseCheck.perKg(ordered.get()) + ")"));
                }
            } else if (ordered.isPresent()) {
                dose = ordered.get();
            } else {
                problems.add(Problem.of(field, MessageKey.REQUIRED_WHEN, "when the order plans no doses (it collects "
                        + "by blood volumes)"));
                continue;
            }
            doses.add(new DliSchedule.Dose(i + 1, dose, d.intervalDays()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("the DLI schedule has invalid values", problems);
        }
        DliSchedule schedule = new DliSchedule(n.firstDoseOn(), doses);
        DliScheduleRecord s = new DliScheduleRecord(Ids.next(), orderId, o.patientId(), recipient.id(), schedule,
                List.of(), Times.now(clock), by.username());
        store.insert(h, s);
        return view(h, s);
    }

    /** The recipient's schedules, the latest ordered first, each dose as it stands now. */
    public List<View> ofRecipient(Handle h, String recipientId) {
        patients.require(h, recipientId);
        return store.ofRecipient(h, recipientId).stream().map(s -> view(h, s)).toList();
    }

    /**
     * The schedule ordered on an order (one at most: it is never overwritten), each dose as it stands now; empty when
     * none was ordered on it.
     *
     * @throws DomainException not found when there is no such order
     */
    public Optional<View> ofOrder(Handle h, String orderId) {
        orders.require(h, orderId);
        return store.ofOrder(h, orderId).flatMap(id -> store.find(h, id)).map(s -> view(h, s));
    }

    public Optional<DliScheduleRecord> find(Handle h, String id) {
        return store.find(h, id);
    }

    /** Records that the physician decided not to give a dose, and why. */
    public View skip(Handle h, Actor by, String scheduleId, int doseNumber, String reason) {
        store.lock(h, scheduleId).orElseThrow(() -> DomainException.notFound("DLI schedule"));
        DliScheduleRecord s = store.find(h, scheduleId).orElseThrow();
        if (doseNumber < 1 || doseNumber > s.schedule().doses().size()) {
            throw InvalidInputException.of("dose", MessageKey.INVALID, doseNumber + " is not a dose of the schedule (1 to "
                    + s.schedule().doses().size() + ")");
        }
        requireOpen(h, s, doseNumber);
        Instant now = Times.now(clock);
        store.insertOutcome(h, s.id(), new DliScheduleRecord.Outcome(doseNumber, new DliSchedule.Skipped(local(now),
                reason), now, Optional.empty(), Optional.of(reason), now, by.username()));
        return view(h, s);
    }

    /**
     * A dose of an amendment as the physician writes it.
     *
     * @param cd3PerKg CD3+ per kg
     * @param intervalDays days after the dose before it; none for the first
     */
    public record AmendedDose(double cd3PerKg, OptionalInt intervalDays) {
    }

    /**
     * Amends the schedule, with the reason: {@code doses} is the whole schedule as it will stand, in order. A dose
     * given or skipped keeps its dose and interval, and the first dose's day stays once it has an outcome (409
     * {@code DLI_DOSE_ALREADY_RECORDED}); the doses still to give may take another dose per kg or interval, the
     * last of them may be left out (the schedule ends sooner) or, left out before, brought back; there are never
     * more doses than were ordered (422 {@code doses}: more doses need the cells of another collection, so another
     * order). The amended schedule is checked as an ordered one is (an
     * escalating schedule never lowers the dose). The schedule as ordered and every amendment are kept.
     *
     * @param firstDoseOn a new day for the first dose, while it is still to give; empty keeps the day
     */
    public View amend(Handle h, Actor by, String scheduleId, Optional<LocalDate> firstDoseOn, List<AmendedDose> doses,
            String reason) {
        store.lock(h, scheduleId).orElseThrow(() -> DomainException.notFound("DLI schedule"));
        DliScheduleRecord s = store.find(h, scheduleId).orElseThrow();
        DliSchedule now = s.schedule();
        Map<Integer, DliSchedule.Outcome> outcomes = outcomesOf(h, s);
        if (doses.size() > s.ordered().doses().size()) {
            throw InvalidInputException.of("doses", MessageKey.INVALID, doses.size() + " doses, and the schedule was "
                    + "ordered with " + s.ordered().doses().size() + ": an amendment changes, ends or brings back the "
                    + "doses ordered and adds none (more doses need the cells of another collection: order its "
                    + "schedule on that order)");
        }
        List<DliSchedule.Dose> after = new ArrayList<>();
        for (int i = 0; i < doses.size(); i++) {
            after.add(new DliSchedule.Dose(i + 1, doses.get(i).cd3PerKg(), doses.get(i).intervalDays()));
        }
        LocalDate first = firstDoseOn.orElse(now.firstDoseOn());
        for (DliSchedule.Dose d : now.doses()) {
            DliSchedule.Outcome o = outcomes.get(d.number());
            if (o == null) {
                continue;
            }
            boolean kept = d.number() <= after.size() && after.get(d.number() - 1).cd3PerKg() == d.cd3PerKg()
                    && after.get(d.number() - 1).intervalDays().equals(d.intervalDays())
                    && (d.number() != 1 || first.equals(now.firstDoseOn()));
            if (!kept) {
                throw new DomainException(Refusal.DLI_DOSE_ALREADY_RECORDED, List.of(d.number(),
                        o instanceof DliSchedule.Given ? "given" : "skipped", o.at()), Map.of("dose", d.number(),
                        "field", d.number() <= after.size() ? "doses[" + (d.number() - 1) + "]" : "doses"));
            }
        }
        DliSchedule amended = new DliSchedule(first, after);
        if (amended.equals(now)) {
            throw InvalidInputException.of("doses", MessageKey.INVALID, "the amendment changes nothing: each dose and "
                    + "interval is as the schedule has it");
        }
        store.insertAmendment(h, s.id(), new DliScheduleRecord.Amendment(s.amendments().size() + 1, amended, reason,
                Times.now(clock), by.username()));
        return view(h, store.find(h, s.id()).orElseThrow());
    }

    private void requireOpen(Handle h, DliScheduleRecord s, int doseNumber) {
        store.outcomes(h, s.id(), clock.getZone()).stream().filter(o -> o.doseNumber() == doseNumber).findFirst()
                .ifPresent(o -> {
                    throw new DomainException(Refusal.DLI_DOSE_ALREADY_RECORDED, List.of(doseNumber,
                            o.outcome() instanceof DliSchedule.Given ? "given" : "skipped", o.at()),
                            Map.of("dose", doseNumber));
                });
    }

    /**
     * The bedside check of a donor lymphocyte aliquot against the recipient's schedule for this donor (the latest
     * ordered that has a dose left), for {@link ProductService#infuse}. No schedule: nothing to check. Refused
     * ({@code BEDSIDE_CHECK_FAILED} with a {@code DLI_...} reason) as {@link DliDoseCheck} decides; otherwise the
     * infusion's details name the schedule and the dose it gives, and what was acknowledged.
     */
    private void checkInfusion(Handle h, Product p, ProductService.Infusion inf, Optional<Double> cd3PerKg,
            Map<String, Object> details) {
        List<DliScheduleRecord> mine = store.ofRecipient(h, p.recipientId()).stream()
                .filter(s -> s.donorId().equals(p.donorId())).toList();
        if (mine.isEmpty()) {
            return;
        }
        DliScheduleRecord chosen = null;
        Map<Integer, DliSchedule.Outcome> outcomes = Map.of();
        for (DliScheduleRecord s : mine) {
            store.lock(h, s.id());
            Map<Integer, DliSchedule.Outcome> o = outcomesOf(h, s);
            if (s.schedule().next(o).isPresent()) {
                chosen = s;
                outcomes = o;
                break;
            }
        }
        if (chosen == null) {
            DliScheduleRecord s = mine.get(0);
            throw bedside("DLI_SCHEDULE_COMPLETE", DliDoseCheck.check(s.schedule(), outcomesOf(h, s), 0, local(inf.at()))
                    .concerns().get(DliDoseCheck.Concern.SCHEDULE_COMPLETE));
        }
        DliSchedule.Step next = chosen.schedule().next(outcomes).orElseThrow();
        if (cd3PerKg.isEmpty()) {
            throw bedside("DLI_DOSE_UNKNOWN", "the schedule expects dose " + next.dose().number() + " ("
                    + DliDoseCheck.perKg(next.dose().cd3PerKg()) + ") and this aliquot's dose per kg cannot be "
                    + "computed: " + (p.cd3PerUl().isEmpty() ? "its CD3+ cells were not counted" : "the recipient has no "
                    + "weight recorded"));
        }
        DliDoseCheck.Result r = DliDoseCheck.check(chosen.schedule(), outcomes, cd3PerKg.get(), local(inf.at()));
        r.refusal().ifPresent(e -> {
            throw bedside("DLI_" + e.getKey().name(), e.getValue());
        });
        List<String> unacknowledged = new ArrayList<>();
        String reason = null;
        List<String> acknowledged = new ArrayList<>();
        for (Map.Entry<DliDoseCheck.Concern, String> e : r.concerns().entrySet()) {
            boolean ok = e.getKey() == DliDoseCheck.Concern.DOSE_BELOW_SCHEDULE ? inf.acknowledgeDliLowerDose()
                    : inf.acknowledgeDliInterval();
            if (ok) {
                acknowledged.add(e.getValue());
            } else {
                unacknowledged.add(e.getValue() + "; if the physician decides to give it, send "
                        + (e.getKey() == DliDoseCheck.Concern.DOSE_BELOW_SCHEDULE ? "acknowledgeDliLowerDose"
                                : "acknowledgeDliInterval") + ": true");
                reason = reason == null ? "DLI_" + e.getKey().name() : reason;
            }
        }
        if (reason != null) {
            throw bedside(reason, String.join("; and ", unacknowledged));
        }
        details.put(SCHEDULE_ID, chosen.id());
        details.put(DOSE_NUMBER, next.dose().number());
        details.put("dliScheduleCd3PerKg", next.dose().cd3PerKg());
        if (!acknowledged.isEmpty()) {
            details.put("dliScheduleAcknowledged", acknowledged);
        }
    }

    /** Records the dose given when an infusion gave a dose of a schedule (told by the product's custody). */
    private void recorded(Handle h, Actor by, Product p, ProductEvent e) {
        if (e.type() != ProductEvent.EventType.INFUSED || !(e.details().get(SCHEDULE_ID) instanceof String id)) {
            return;
        }
        int dose = ((Number) e.details().get(DOSE_NUMBER)).intValue();
        double given = ((Number) e.details().get("cd3PerKg")).doubleValue();
        DliScheduleRecord s = store.find(h, id).orElseThrow();
        requireOpen(h, s, dose);
        store.insertOutcome(h, id, new DliScheduleRecord.Outcome(dose, new DliSchedule.Given(local(e.at()), given),
                e.at(), Optional.of(p.id()), Optional.empty(), e.recordedAt(), by.username()));
    }

    private Map<Integer, DliSchedule.Outcome> outcomesOf(Handle h, DliScheduleRecord s) {
        Map<Integer, DliSchedule.Outcome> m = new LinkedHashMap<>();
        store.outcomes(h, s.id(), clock.getZone()).forEach(o -> m.put(o.doseNumber(), o.outcome()));
        return m;
    }

    private View view(Handle h, DliScheduleRecord s) {
        List<DliScheduleRecord.Outcome> recorded = store.outcomes(h, s.id(), clock.getZone());
        Map<Integer, DliSchedule.Outcome> outcomes = new LinkedHashMap<>();
        recorded.forEach(o -> outcomes.put(o.doseNumber(), o.outcome()));
        Optional<DliScheduleRecord.Outcome> last = recorded.stream().filter(o -> o.outcome() instanceof DliSchedule.Given)
                .max(java.util.Comparator.comparing(DliScheduleRecord.Outcome::at));
        // the hold and the visits behind it, from one read of the follow-up records
        FollowUpService.DliHold held = last.map(o -> followUps.dliHold(h, s.recipientId(), o.at()))
                .orElse(new FollowUpService.DliHold(new DliHoldDecision(false, Optional.empty(), List.of()), List.of()));
        DliHoldDecision hold = held.decision();
        List<FollowUpService.HoldingVisit> holding = held.heldBy();
        PatientRecord recipient = patients.require(h, s.recipientId());
        Optional<Double> kg = recipient.weightKg().isPresent() ? Optional.of(recipient.weightKg().getAsDouble())
                : Optional.empty();
        List<Product> candidates = products.search(h, Optional.of(s.recipientId()), Optional.empty()).stream()
                .filter(p -> p.kind() == ProductKind.LYMPHOCYTES && p.donorId().equals(s.donorId())
                        && p.recipientId().equals(s.recipientId()))
                .sorted(java.util.Comparator.comparing((Product p) -> p.din().value()).thenComparing(Product::division))
                .toList();
        Set<String> used = new HashSet<>();
        List<StepView> steps = new ArrayList<>();
        for (DliSchedule.Step step : s.schedule().steps(outcomes, hold.hold())) {
            Optional<DliScheduleRecord.Outcome> o = recorded.stream().filter(x -> x.doseNumber() == step.dose().number())
                    .findFirst();
            Optional<Aliquot> aliquot = Optional.empty();
            if (o.isPresent() && o.get().productId().isPresent()) {
                String pid = o.get().productId().get();
                used.add(pid);
                aliquot = candidates.stream().filter(p -> p.id().equals(pid)).findFirst().map(p -> new Aliquot(p.id(),
                        p.dinPrinted(), p.division(), p.status(), Optional.of(((DliSchedule.Given) o.get().outcome())
                                .cd3PerKg())));
            }
            steps.add(new StepView(step, o, aliquot, step.status() == DliSchedule.Status.HELD ? holding : List.of()));
        }
        // the lab's aliquots still to give, each matched to the first dose still to give whose dose it is
        for (int i = 0; i < steps.size(); i++) {
            StepView v = steps.get(i);
            if (v.outcome().isPresent() || kg.isEmpty()) {
                continue;
            }
            double planned = v.step().dose().cd3PerKg();
            for (Product p : candidates) {
                if (used.contains(p.id()) || !(p.status().inStock() || p.status() == ProductStatus.ISSUED)
                        || p.cd3Total().isEmpty()) {
                    continue;
                }
                double perKg = p.cd3Total().get() / kg.get();
                if (Math.abs(perKg - planned) <= planned * DliDoseCheck.DOSE_TOLERANCE_FRACTION) {
                    used.add(p.id());
                    steps.set(i, new StepView(v.step(), v.outcome(), Optional.of(new Aliquot(p.id(), p.dinPrinted(),
                            p.division(), p.status(), Optional.of(perKg))), v.heldBy()));
                    break;
                }
            }
        }
        return new View(s, steps, hold.warning(), kg);
    }

    private LocalDateTime local(Instant t) {
        return LocalDateTime.ofInstant(t, clock.getZone());
    }

    private static DomainException bedside(String reason, String what) {
        return new DomainException(Refusal.BEDSIDE_CHECK_FAILED, List.of(what), Map.of("reason", reason));
    }
}
