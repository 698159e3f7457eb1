package org.openapheresis.server.sheet;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.openapheresis.procedure.Plan;
import org.openapheresis.procedure.ProcedureType;
import org.openapheresis.safety.Warning;
import org.openapheresis.safety.WarningCode;
import org.openapheresis.server.billing.BillingService;
import org.openapheresis.server.billing.Estimate;
import org.openapheresis.server.billing.PayerCoverage;
import org.openapheresis.server.order.OrderRecord;
import org.openapheresis.server.order.OrderService;
import org.openapheresis.server.patient.PatientKind;
import org.openapheresis.server.patient.PatientRecord;
import org.openapheresis.server.patient.PatientService;
import org.openapheresis.server.session.Entries;
import org.openapheresis.server.session.MachineBookings;
import org.openapheresis.server.session.SessionRecord;
import org.openapheresis.server.session.SessionService;
import org.openapheresis.server.session.SessionStatus;
import org.openapheresis.server.session.Vocabulary.AccessKind;

/**
 * The patient information sheet of an order: reads the order, its person, its sessions' recorded access and (when
 * asked) its estimate through their services, and writes the sheet. No store of its own: the sheet is made anew from
 * the record each time, so it never disagrees with the plan it explains.
 */
public final class SheetService {

    private final OrderService orders;
    private final PatientService patients;
    private final SessionService sessions;
    private final BillingService billing;
    private final SheetLanguages languages;

    public SheetService(OrderService orders, PatientService patients, SessionService sessions, BillingService billing,
            SheetLanguages languages) {
        this.orders = orders;
        this.patients = patients;
        this.sessions = sessions;
        this.billing = billing;
        this.languages = languages;
    }

    /** The languages the sheet is written in. */
    public SheetLanguages languages() {
        return languages;
    }

    /**
     * The sheet of an order.
     *
     * @param withCost include what it may cost (the reader may see charges)
     * @param language the language to write it in
     */
    public PatientSheet sheet(Handle h, String orderId, boolean withCost, SheetText language) {
        return new SheetWriter(language).write(facts(h, orderId, withCost));
    }

    /** The patient of an order (a not-found refusal when there is none), for the audit entry. */
    public String patientOf(Handle h, String orderId) {
        return orders.patientOf(h, orderId);
    }

    /** The facts the sheet of an order is written from. */
    public SheetFacts facts(Handle h, String orderId, boolean withCost) {
        OrderRecord o = orders.require(h, orderId);
        PatientRecord p = patients.require(h, o.patientId());
        Plan plan = o.plan();
        ProcedureType type = o.procedureSpec().type();
        boolean forRecipient = type.collectsProduct() && o.request().recipientWeightKg().isPresent();
        Set<WarningCode> codes = EnumSet.noneOf(WarningCode.class);
        o.warnings().stream().map(Warning::code).forEach(codes::add);
        plan.warnings().stream().map(Warning::code).forEach(codes::add);
        double minutes;
        OptionalDouble later = OptionalDouble.empty();
        if (type == ProcedureType.IVIG_INFUSION && plan.infusion() != null
                && !plan.infusion().durationMinPerDay().isEmpty()) {
            List<Double> days = plan.infusion().durationMinPerDay();
            minutes = days.get(0);
            if (days.size() > 1 && Math.abs(days.get(1) - days.get(0)) >= 15) {
                later = OptionalDouble.of(days.get(1));
            }
        } else {
            minutes = MachineBookings.occupies(plan.durationMin()).toSeconds() / 60.0;
        }
        boolean albumin = plan.replacement() != null && plan.replacement().albuminMl() > 0;
        boolean donorPlasma = plan.replacement() != null && plan.replacement().plasmaMl() > 0;
        OptionalInt doses = plan.collected() != null && plan.collected().aliquots() != null
                && !plan.collected().aliquots().isEmpty() ? OptionalInt.of(plan.collected().aliquots().size())
                : OptionalInt.empty();
        return new SheetFacts(p.givenName(), p.familyName(), p.mrn(), p.kind() == PatientKind.DONOR || forRecipient,
                type, o.indication().text(), o.sessionsOrdered(),
                o.schedule().filter(s -> s.sessions() > 1).map(s -> OptionalDouble.of(s.intervalHours()))
                        .orElse(OptionalDouble.empty()), minutes, later, codes, albumin, donorPlasma, access(h, o),
                forRecipient, doses, withCost ? cost(h, o) : Optional.empty());
    }

    /** The access checked at the order's latest session that recorded one. */
    private Optional<AccessKind> access(Handle h, OrderRecord o) {
        List<SessionRecord> own = sessions.list(h, Optional.empty(), Optional.empty(), Optional.of(o.patientId()))
                .stream().filter(s -> s.orderId().equals(o.id()))
                .filter(s -> s.status() != SessionStatus.SCHEDULED && s.status() != SessionStatus.CANCELLED)
                .sorted(Comparator.comparing(SessionRecord::plannedStart).reversed()).toList();
        for (SessionRecord s : own) {
            List<Entries.VascularAccess> a = sessions.vascularAccess(h, s.id());
            if (!a.isEmpty()) {
                return Optional.of(a.get(a.size() - 1).kind());
            }
        }
        return Optional.empty();
    }

    /** The estimate as the sheet says it; empty when nothing of the session is priced. */
    private Optional<SheetFacts.Cost> cost(Handle h, OrderRecord o) {
        Estimate e = billing.estimate(h, o.id(), Optional.empty(), Optional.empty());
        if (e.lines().isEmpty() || e.chargePerSession().signum() == 0) {
            return Optional.empty();
        }
        Optional<SheetFacts.Coverage> coverage = e.coverageId().flatMap(id -> billing.coverages(h, o.patientId())
                .stream().filter(c -> c.id().equals(id)).findFirst()).map(c -> coverage(c, e));
        boolean unpriced = e.lines().stream().anyMatch(l -> l.unitPrice().isEmpty());
        return Optional.of(new SheetFacts.Cost(e.currency(), e.low().sessions(), e.high().sessions(),
                e.low().share().patientShare(), e.high().share().patientShare(), coverage, unpriced));
    }

    private static SheetFacts.Coverage coverage(PayerCoverage c, Estimate e) {
        BigDecimal left = c.costSharing().deductibleRemaining();
        return new SheetFacts.Coverage(c.payer(), left, c.coinsurancePercent(), c.copayPerVisit(),
                e.high().share().cappedByOutOfPocketMax(), e.priorAuthorization().isPresent()
                        && e.priorAuthorizationHolds());
    }
}
