package org.openapheresis.server.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.openapheresis.course.CourseSchedule;
import org.openapheresis.procedure.Plan;
import org.openapheresis.procedure.ProcedureSpec;
import org.openapheresis.procedure.ProcedureType;
import org.openapheresis.server.access.Actor;
import org.openapheresis.server.db.Ids;
import org.openapheresis.server.db.Times;
import org.openapheresis.server.order.OrderRecord;
import org.openapheresis.server.order.OrderService;
import org.openapheresis.server.patient.PatientService;
import org.openapheresis.server.session.Entries;
import org.openapheresis.server.session.SessionRecord;
import org.openapheresis.server.session.SessionStatus;
import org.openapheresis.server.session.Vocabulary;
import org.openapheresis.server.system.DomainException;
import org.openapheresis.server.system.Refusal;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/**
 * Billing, each call in the caller's transaction: the price list (a new price closes the period of the one it
 * follows), the charge items a completed session earns by the code rules (once per session: the items' origin is
 * unique), their correction by a new item with a reason, the patients' coverages, and an order's estimate.
 */
public final class BillingService {

    /**
     * The unit's currency: every price, charge and coverage amount is in it. US dollars, because the codes billed
     * (CPT and HCPCS) are the US codes.
     */
    public static final java.util.Currency UNIT_CURRENCY = java.util.Currency.getInstance("USD");
    /** Most charge items one list answers. */
    public static final int MAX_LIST = 5000;
    /** Most units a correction may bill. */
    public static final int MAX_UNITS = 1000;

    private final BillingStore store;
    private final CodeRules rules;
    private final OrderService orders;
    private final PatientService patients;
    private final org.openapheresis.server.session.SessionService sessions;
    private final org.openapheresis.server.product.ProductService products;
    private final String currency;
    private final Clock clock;

    private final AssistancePolicy assistance;
    private final CoverageRules coverageRules;

    /**
     * @param currency the unit's ISO 4217 currency: every price, charge and coverage is in it
     */
    public BillingService(BillingStore store, CodeRules rules, OrderService orders, PatientService patients,
            org.openapheresis.server.session.SessionService sessions,
            org.openapheresis.server.product.ProductService products, java.util.Currency currency, Clock clock) {
        this.sessions = sessions;
        this.products = products;
        this.store = store;
        this.rules = rules;
        this.orders = orders;
        this.patients = patients;
        this.currency = currency.getCurrencyCode();
        this.clock = clock;
        this.assistance = AssistancePolicy.load();
        this.coverageRules = CoverageRules.load(org.openapheresis.server.guideline.Guidelines.load());
        if (!assistance.currency().equals(this.currency)) {
            throw new IllegalStateException("the assistance policy is in " + assistance.currency() + ", the unit bills "
                    + "in " + this.currency);
        }
    }

    public String currency() {
        return currency;
    }

    public CodeRules rules() {
        return rules;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    // --- price list

    /**
     * A price as an administrator sets it.
     *
     * @param code a code of the checked list
     * @param description the price list's description; empty for the code's checked descriptor
     * @param price the price of one unit
     * @param currency must be the unit's
     * @param effectiveFrom first day
     * @param effectiveTo last day, if the price is known to end
     */
    public record NewPrice(String code, Optional<String> description, BigDecimal price, String currency,
            LocalDate effectiveFrom, Optional<LocalDate> effectiveTo) {
    }

    /**
     * Sets prices: each closes the open period of its code's current price on the day before it starts, and is
     * added. A price that starts on or before the start of the code's latest price is refused (history is added
     * to, never rewritten). Problems name {@code entries[i].field}.
     */
    public List<PriceEntry> setPrices(Handle h, Actor by, List<NewPrice> prices, boolean example) {
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < prices.size(); i++) {
            NewPrice p = prices.get(i);
            String at = "entries[" + i + "].";
            if (rules.code(p.code()).isEmpty()) {
                problems.add(Problem.of(at + "code", MessageKey.NOT_ONE_OF, p.code(), "the unit's checked codes ("
                        + String.join(", ", rules.codes().keySet()) + ")"));
            }
            if (!p.currency().equals(currency)) {
                problems.add(Problem.of(at + "currency", MessageKey.NOT_ONE_OF, p.currency(), currency));
            }
            for (int j = 0; j < i; j++) {
                if (prices.get(j).code().equals(p.code())) {
                    problems.add(Problem.of(at + "code", MessageKey.INVALID, p.code() + " is priced twice in one "
                            + "change (entries[" + j + "])"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("the prices are refused", problems);
        }
        java.time.Instant now = Times.now(clock);
        List<PriceEntry> made = new ArrayList<>();
        for (int i = 0; i < prices.size(); i++) {
            NewPrice p = prices.get(i);
            String field = "entries[" + i + "].effectiveFrom";
            List<PriceEntry> history = store.lockPrices(h, p.code());
            if (!history.isEmpty() && !p.effectiveFrom().isAfter(history.get(0).effectiveFrom())) {
                throw InvalidInputException.of(field, MessageKey.INVALID, p.effectiveFrom() + " is not after "
                        + history.get(0).effectiveFrom() + ", the start of the latest price of " + p.code()
                        + "; the price list is added to, never rewritten");
            }
            if (!history.isEmpty() && history.get(0).effectiveTo().isEmpty()) {
                store.closePrice(h, history.get(0).id(), p.effectiveFrom().minusDays(1), now, by.username());
            }
            PriceEntry e = new PriceEntry(Ids.next(), p.code(), p.description().orElse(rules.code(p.code()).orElseThrow()
                    .descriptor()), p.price(), p.currency(), p.effectiveFrom(), p.effectiveTo(), example, now,
                    by.username());
            store.insertPrice(h, e);
            made.add(e);
        }
        return made;
    }

    /** Every price, closed ones included, by code and start. */
    public List<PriceEntry> priceList(Handle h) {
        return store.prices(h);
    }

    // --- charges

    /** The completion listener: codes the session in the completing transaction. */
    public void sessionCompleted(Handle h, Actor by, SessionRecord s) {
        chargeSession(h, by, s);
    }

    /**
     * The items a completed session earns by the code rules, priced on its day; made once: when the session has
     * items already, those are answered and nothing is made (a race of two makers ends on the items' unique origin,
     * and the loser's transaction fails; asking again answers the winner's items).
     */
    public List<ChargeItem> chargeSession(Handle h, Actor by, SessionRecord s) {
        if (s.status() != SessionStatus.COMPLETED) {
            throw new DomainException(Refusal.WRONG_STATUS, List.of("bill", s.status().code()),
                    Map.of("currentStatus", s.status().code()));
        }
        List<ChargeItem> existing = store.chargesOfSession(h, s.id());
        if (!existing.isEmpty()) {
            return existing;
        }
        OrderRecord o = orders.require(h, s.orderId());
        List<Entries.FluidGiven> given = sessions.observed(h, s.id()).fluids();
        BillableFacts facts = (o.procedureSpec() instanceof ProcedureSpec.IvigInfusion i
                ? ivigGiven(given, s, o, i)
                : BillableFacts.session(Trigger.SESSION_COMPLETED, s.procedureType(), donation(o),
                        Optional.of(o.indication().code()))).withFluidsGiven(fluidsMl(given))
                .withFluidUnitsGiven(fluidUnits(given));
        LocalDate day = LocalDate.ofInstant(s.endedAt().orElse(clock.instant()), clock.getZone());
        return charge(h, by, facts, "session:" + s.id(), Optional.of(s.id()), Optional.of(o.id()), s.patientId(), day);
    }

    /**
     * Codes the facts by the rules and stores one item per coded line, priced on the day from the price list; each
     * item's origin is {@code origin:<rule>} (unique: a second maker fails instead of billing twice).
     */
    private List<ChargeItem> charge(Handle h, Actor by, BillableFacts facts, String origin, Optional<String> sessionId,
            Optional<String> orderId, String patientId, LocalDate day) {
        java.time.Instant now = Times.now(clock);
        List<ChargeItem> made = new ArrayList<>();
        for (CodeRules.CodedLine l : rules.code(facts)) {
            Optional<PriceEntry> price = store.priceOn(h, l.code().code(), day);
            Optional<BigDecimal> unit = price.map(PriceEntry::price);
            ChargeItem c = new ChargeItem(Ids.next(), Optional.of(origin + ":" + l.ruleId()), sessionId, orderId,
                    patientId, Optional.of(l.ruleId()), l.code().code(), l.code().system(), l.code().descriptor(),
                    l.diagnosisCode(), day, l.units(), unit, unit.map(p -> p.multiply(BigDecimal.valueOf(l.units()))),
                    currency, price.map(PriceEntry::id), Optional.empty(), Optional.empty(), now, by.username());
            store.insertCharge(h, c);
            made.add(c);
        }
        return made;
    }

    /**
     * The step listener of cell products: a freeze, a thaw, a volume reduction, a T-cell depletion or an infusion is
     * coded by the rules in the recording
     * transaction, once per event (the item's origin names the product and the event). The item is the
     * recipient's (the person treated), on the day of the step, with the ICD-10 code of the order the product was
     * collected for.
     */
    public void productStepRecorded(Handle h, Actor by, org.openapheresis.server.product.Product p,
            org.openapheresis.server.product.ProductEvent e) {
        Optional<Trigger> trigger = switch (e.type()) {
            case CRYOPRESERVED -> Optional.of(Trigger.PRODUCT_CRYOPRESERVED);
            case THAWED -> Optional.of(Trigger.PRODUCT_THAWED);
            case VOLUME_REDUCED -> Optional.of(Trigger.PRODUCT_VOLUME_REDUCED);
            case T_CELL_DEPLETED -> Optional.of(Trigger.PRODUCT_T_CELL_DEPLETED);
            case INFUSED -> Optional.of(Trigger.PRODUCT_INFUSED);
            default -> Optional.empty();
        };
        if (trigger.isEmpty()) {
            return;
        }
        Optional<String> orderId = sessions.find(h, p.sessionId()).map(SessionRecord::orderId);
        Optional<String> diagnosis = orderId.flatMap(id -> orders.find(h, id)).map(o -> o.indication().code());
        BillableFacts facts = BillableFacts.product(trigger.get(), p.kind().code(),
                p.autologous() ? Donation.AUTOLOGOUS : Donation.ALLOGENEIC, diagnosis);
        charge(h, by, facts, "product:" + p.id() + ":" + e.seq(), Optional.empty(), orderId, p.recipientId(),
                LocalDate.ofInstant(e.at(), clock.getZone()));
    }

    /**
     * What a completed IVIG session gave, as the record shows it: the product the order names; the drug in mg, the
     * IVIG volumes recorded as given (mL) times the order's concentration (a percent is 10 mg/mL), so a session
     * stopped early codes what was given, not what was planned; and the infusion time in whole minutes from the
     * session's recorded start to its end (UNIT RULE: the record keeps no separate infusion start and stop, and a
     * pause is not taken off).
     */
    private static BillableFacts ivigGiven(List<Entries.FluidGiven> given, SessionRecord s, OrderRecord o,
            ProcedureSpec.IvigInfusion i) {
        BigDecimal ml = fluidsMl(given).getOrDefault(Vocabulary.Fluid.IVIG.code(), BigDecimal.ZERO);
        Optional<BigDecimal> mg = ml.signum() > 0 ? Optional.of(doseMg(ml, i.productPercent())) : Optional.empty();
        Optional<Long> minutes = s.startedAt().flatMap(a -> s.endedAt().map(b -> Duration.between(a, b).toMinutes()))
                .filter(m -> m >= 0);
        return BillableFacts.ivig(Trigger.SESSION_COMPLETED, i.product().map(ProcedureSpec.IvigProduct::code), mg,
                minutes, Optional.of(o.indication().code()));
    }

    /** The session's fluids recorded as given, summed by fluid code, mL. */
    static Map<String, BigDecimal> fluidsMl(List<Entries.FluidGiven> given) {
        Map<String, BigDecimal> ml = new TreeMap<>();
        for (Entries.FluidGiven f : given) {
            ml.merge(f.fluid().code(), BigDecimal.valueOf(f.volumeMl()), BigDecimal::add);
        }
        return ml;
    }

    /** The units of each plasma product recorded as given, summed by fluid code (fluids counted by volume: none). */
    static Map<String, Integer> fluidUnits(List<Entries.FluidGiven> given) {
        Map<String, Integer> units = new TreeMap<>();
        for (Entries.FluidGiven f : given) {
            f.units().ifPresent(u -> units.merge(f.fluid().code(), u, Integer::sum));
        }
        return units;
    }

    /** mg of immunoglobulin in {@code ml} of a {@code percent} product: 1 % is 1 g per 100 mL, 10 mg/mL. */
    static BigDecimal doseMg(BigDecimal ml, double percent) {
        return ml.multiply(BigDecimal.valueOf(percent)).multiply(BigDecimal.TEN);
    }

    /** The replacement fluids one session of the order's plan gives, mL by fluid code (none when it plans none). */
    private static Map<String, BigDecimal> replacementPlanned(OrderRecord o) {
        Plan.ReplacementUse r = o.plan().replacement();
        if (r == null) {
            return Map.of();
        }
        Map<String, BigDecimal> ml = new TreeMap<>();
        if (r.albuminMl() > 0) {
            ml.put(Vocabulary.Fluid.ALBUMIN_5.code(), BigDecimal.valueOf(r.albuminMl()));
        }
        if (r.plasmaMl() > 0) {
            ml.put(Vocabulary.Fluid.PLASMA.code(), BigDecimal.valueOf(r.plasmaMl()));
        }
        return ml;
    }

    /** The planned day of an IVIG order as billable facts: one day's grams and infusion time from its plan. */
    private static BillableFacts ivigPlanned(OrderRecord o, ProcedureSpec.IvigInfusion i) {
        Optional<Plan.Infusion> inf = Optional.ofNullable(o.plan().infusion());
        Optional<BigDecimal> mg = inf.map(x -> BigDecimal.valueOf(x.gramsPerDay()).multiply(BigDecimal.valueOf(1000)));
        Optional<Long> minutes = inf.filter(x -> !x.durationMinPerDay().isEmpty())
                .map(x -> Math.round(x.durationMinPerDay().get(0)));
        return BillableFacts.ivig(Trigger.SESSION_COMPLETED, i.product().map(ProcedureSpec.IvigProduct::code), mg,
                minutes, Optional.of(o.indication().code()));
    }

    /** Whose cells a collection takes: a collection ordered with a recipient is allogeneic. */
    static Optional<Donation> donation(OrderRecord o) {
        ProcedureType t = o.procedureSpec().type();
        if (!t.collectsProduct()) {
            return Optional.empty();
        }
        return Optional.of(o.request().recipientWeightKg().isPresent() ? Donation.ALLOGENEIC : Donation.AUTOLOGOUS);
    }

    /**
     * Items of service days from {@code from} to {@code to} (inclusive, either open), of one patient or all, by day;
     * an item of a collection from a donor for another person says so ({@link ChargeItem.Acquisition}: held for the
     * recipient's transplant claim). For one patient, the donors' acquisition charges held for them are listed with
     * their own.
     */
    public List<ChargeItem.View> charges(Handle h, Optional<String> patientId, Optional<LocalDate> from,
            Optional<LocalDate> to) {
        patientId.ifPresent(p -> patients.require(h, p));
        return charges(h, patientId, from, to, true);
    }

    /**
     * The person's own items, every day, each marked as {@link #charges} marks it, without the donors' items held
     * for them (the person's FHIR record: those items are the donors'). The person is one the caller has read.
     */
    public List<ChargeItem.View> ownCharges(Handle h, String patientId) {
        return charges(h, Optional.of(patientId), Optional.empty(), Optional.empty(), false);
    }

    private List<ChargeItem.View> charges(Handle h, Optional<String> patientId, Optional<LocalDate> from,
            Optional<LocalDate> to, boolean heldForThem) {
        List<ChargeItem.View> items = new ArrayList<>(store.charges(h, patientId, from, to, MAX_LIST));
        // the orders the items name, read once: the patient's own in one query, any other when first met
        Map<String, Optional<OrderRecord>> ordersById = new HashMap<>();
        patientId.ifPresent(p -> orders.list(h, Optional.of(p)).forEach(o -> ordersById.put(o.id(), Optional.of(o))));
        if (patientId.isPresent() && heldForThem) {
            Set<String> listed = new HashSet<>();
            items.forEach(v -> listed.add(v.item().id()));
            store.chargesOfSessions(h, products.donationSessionsFor(h, patientId.get()), from, to, MAX_LIST).stream()
                    .filter(v -> listed.add(v.item().id())).forEach(items::add);
            items.sort(Comparator.comparing((ChargeItem.View v) -> v.item().serviceDate())
                    .thenComparing(v -> v.item().createdAt()).thenComparing(v -> v.item().id()));
        }
        Map<String, Optional<ChargeItem.Acquisition>> bySession = new HashMap<>();
        return items.stream().map(v -> acquisition(h, v.item(), ordersById, bySession).map(v::heldFor).orElse(v))
                .toList();
    }

    /**
     * Whether an item is a donor acquisition charge: an item of a session (not of a product step, which is coded
     * for the recipient already) whose order collects cells for another person; with the recipient once the
     * session's product names them.
     */
    private Optional<ChargeItem.Acquisition> acquisition(Handle h, ChargeItem c,
            Map<String, Optional<OrderRecord>> ordersById, Map<String, Optional<ChargeItem.Acquisition>> bySession) {
        if (c.sessionId().isEmpty() || c.orderId().isEmpty()) {
            return Optional.empty();
        }
        Optional<OrderRecord> order = ordersById.computeIfAbsent(c.orderId().get(), id -> orders.find(h, id));
        if (order.isEmpty() || !donation(order.get()).equals(Optional.of(Donation.ALLOGENEIC))) {
            return Optional.empty();
        }
        return bySession.computeIfAbsent(c.sessionId().get(),
                session -> Optional.of(new ChargeItem.Acquisition(products.recipientOfDonation(h, session))));
    }

    /**
     * A correction as billing makes it.
     *
     * @param units the units billed instead (0 takes the charge back)
     * @param code the code billed instead; empty for the same code
     * @param unitPrice the price of one unit instead; empty for the price list's on the service day
     * @param reason why, in words
     */
    public record Correction(int units, Optional<String> code, Optional<BigDecimal> unitPrice, String reason) {
        public Correction {
            Objects.requireNonNull(reason, "reason");
            List<Problem> problems = new ArrayList<>();
            if (units < 0 || units > MAX_UNITS) {
                problems.add(Problem.of("units", MessageKey.OUT_OF_RANGE, units, 0, MAX_UNITS));
            }
            unitPrice.ifPresent(p -> Money.notNegative(problems, "unitPrice", p));
            if (reason.isBlank()) {
                problems.add(Problem.of("reason", MessageKey.BLANK));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException("the correction is refused", problems);
            }
        }
    }

    /**
     * Corrects a current item by a new one naming it, with the reason; the corrected item stays as it was. A item
     * corrected already is refused (correct the latest).
     */
    public ChargeItem.View correct(Handle h, Actor by, String id, Correction c) {
        store.lockCharge(h, id).orElseThrow(() -> DomainException.notFound("charge item"));
        ChargeItem old = store.charge(h, id).orElseThrow();
        store.correctionOf(h, id).ifPresent(later -> {
            throw new DomainException(Refusal.CHARGE_ALREADY_CORRECTED, List.of(id, later),
                    Map.of("correctedBy", later));
        });
        String codeText = c.code().orElse(old.code());
        BillingCode code = rules.code(codeText).orElseThrow(() -> InvalidInputException.of("code",
                MessageKey.NOT_ONE_OF, codeText, "the unit's checked codes"));
        Optional<PriceEntry> listed = c.unitPrice().isPresent() ? Optional.empty()
                : store.priceOn(h, code.code(), old.serviceDate());
        Optional<BigDecimal> unit = c.unitPrice().or(() -> listed.map(PriceEntry::price));
        ChargeItem n = new ChargeItem(Ids.next(), Optional.empty(), old.sessionId(), old.orderId(), old.patientId(),
                code.code().equals(old.code()) ? old.ruleId() : Optional.empty(), code.code(), code.system(),
                code.descriptor(), old.diagnosisCode(), old.serviceDate(), c.units(), unit,
                unit.map(p -> p.multiply(BigDecimal.valueOf(c.units()))), currency, listed.map(PriceEntry::id),
                Optional.of(old.id()), Optional.of(c.reason()), Times.now(clock), by.username());
        store.insertCharge(h, n);
        return new ChargeItem.View(n, Optional.empty());
    }

    /** The patient of a charge item (a not-found refusal when there is none), for the audit entry. */
    public String patientOfCharge(Handle h, String id) {
        return store.charge(h, id).map(ChargeItem::patientId).orElseThrow(() -> DomainException.notFound("charge item"));
    }

    /**
     * The items of service days in the period as CSV (RFC 4180), one line each, corrected ones marked, a donor
     * acquisition charge with the recipient it is held for and its revenue code.
     */
    public String csv(Handle h, LocalDate from, LocalDate to) {
        StringBuilder out = new StringBuilder("serviceDate,patientId,sessionId,itemId,code,codeSystem,descriptor,"
                + "diagnosisCode,units,unitPrice,amount,currency,current,corrects,correctionReason,acquisitionFor,"
                + "revenueCode\r\n");
        for (ChargeItem.View v : charges(h, Optional.empty(), Optional.of(from), Optional.of(to))) {
            ChargeItem c = v.item();
            List<String> f = List.of(c.serviceDate().toString(), c.patientId(), c.sessionId().orElse(""), c.id(),
                    c.code(), c.codeSystem(), c.descriptor(), c.diagnosisCode().orElse(""), Integer.toString(c.units()),
                    c.unitPrice().map(BigDecimal::toPlainString).orElse(""),
                    c.amount().map(BigDecimal::toPlainString).orElse(""), c.currency(), Boolean.toString(v.current()),
                    c.corrects().orElse(""), c.correctionReason().orElse(""),
                    v.acquisition().map(a -> a.recipientId().orElse("recipient not yet known")).orElse(""),
                    v.acquisition().isPresent() ? ChargeItem.Acquisition.REVENUE_CODE : "");
            out.append(String.join(",", f.stream().map(BillingService::csvField).toList())).append("\r\n");
        }
        return out.toString();
    }

    static String csvField(String s) {
        boolean quote = s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r");
        // a field a spreadsheet would run as a formula is quoted with a leading apostrophe
        String safe = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return quote || !safe.equals(s) ? "\"" + safe.replace("\"", "\"\"") + "\"" : s;
    }

    // --- coverages

    /**
     * A coverage as the coordinator or billing records it; amounts in the unit's currency.
     *
     * @param payerKind what kind of payer, when recorded (the coverage rules are by kind)
     * @param priorAuthorization the prior authorisation, when there is one
     */
    public record NewCoverage(String payer, Optional<PayerKind> payerKind, String plan, String memberId,
            Optional<PayerCoverage.Network> network,
            LocalDate planYearStart, LocalDate planYearEnd, BigDecimal deductible, BigDecimal deductibleMet,
            BigDecimal coinsurancePercent, BigDecimal copayPerVisit, BigDecimal outOfPocketMax,
            BigDecimal outOfPocketMet, Optional<PayerCoverage.PriorAuthorization> priorAuthorization) {
    }

    public PayerCoverage addCoverage(Handle h, Actor by, String patientId, NewCoverage n) {
        patients.require(h, patientId);
        PayerCoverage c = new PayerCoverage(Ids.next(), patientId, n.payer(), n.payerKind(), n.plan(), n.memberId(),
                n.network(),
                n.planYearStart(), n.planYearEnd(), n.deductible(), n.deductibleMet(), n.coinsurancePercent(),
                n.copayPerVisit(), n.outOfPocketMax(), n.outOfPocketMet(), currency, n.priorAuthorization(),
                Times.now(clock), by.username());
        store.insertCoverage(h, c);
        return c;
    }

    /** One coverage by its id (the FHIR face's Coverage read). */
    public Optional<PayerCoverage> findCoverage(Handle h, String id) {
        return store.coverage(h, id);
    }

    /** The patient a charge item is of, when there is such an item (the FHIR face's ChargeItem read). */
    public Optional<String> findPatientOfCharge(Handle h, String id) {
        return store.charge(h, id).map(ChargeItem::patientId);
    }

    public List<PayerCoverage> coverages(Handle h, String patientId) {
        patients.require(h, patientId);
        return store.coverages(h, patientId);
    }

    // --- estimate

    /**
     * What the order's course is likely to cost and what the patient is likely to pay: the codes a session of the
     * order earns by the code rules, priced today; the patient's coverage holding today (none: the patient pays
     * all); the share by {@link PatientShare}, for the ordered sessions or for a range of them.
     *
     * @param sessionsLow the fewest sessions, when the count is a range
     * @param sessionsHigh the most sessions, when the count is a range
     */
    public Estimate estimate(Handle h, String orderId, Optional<Integer> sessionsLow, Optional<Integer> sessionsHigh) {
        OrderRecord o = orders.require(h, orderId);
        int ordered = o.sessionsOrdered();
        int low = sessionsLow.orElse(Math.min(ordered, sessionsHigh.orElse(ordered)));
        int high = sessionsHigh.orElse(Math.max(ordered, low));
        if (high < low) {
            throw InvalidInputException.of("sessionsHigh", MessageKey.INVALID, high + " is fewer than sessionsLow "
                    + low);
        }
        LocalDate today = today();
        List<String> assumptions = new ArrayList<>();
        assumptions.add("Prices are the price list's on " + today + ", in " + currency + ".");
        BillableFacts facts = (o.procedureSpec() instanceof ProcedureSpec.IvigInfusion i ? ivigPlanned(o, i)
                : BillableFacts.session(Trigger.SESSION_COMPLETED, o.procedureSpec().type(), donation(o),
                        Optional.of(o.indication().code()))).withFluidsGiven(replacementPlanned(o));
        Optional<Plan.ReplacementUse> replacement = Optional.ofNullable(o.plan().replacement());
        replacement.filter(r -> r.albuminMl() > 0).ifPresent(r -> assumptions.add("Each session's 5 % albumin is "
                + "estimated as planned, " + Math.round(r.albuminMl()) + " mL; a session is billed by the albumin "
                + "recorded as given."));
        replacement.filter(r -> r.plasmaMl() > 0).ifPresent(r -> assumptions.add("The plan replaces with plasma ("
                + Math.round(r.plasmaMl()) + " mL a session): plasma is billed by the units of each plasma product "
                + "recorded as given, and the plan says neither the product nor the units, so it is not in this "
                + "estimate."));
        if (facts.doseGivenMg().isPresent()) {
            assumptions.add("Each day is estimated as planned: " + facts.doseGivenMg().get().stripTrailingZeros()
                    .toPlainString() + " mg of IVIG infused over " + facts.infusionMin().map(m -> m + " min")
                    .orElse("an unplanned time") + "; a session is billed by what is recorded as given and its "
                    + "recorded time.");
        }
        CodeRules.Coding coding = rules.coding(facts);
        assumptions.addAll(coding.notCoded());
        List<Estimate.Line> lines = new ArrayList<>();
        BigDecimal perSession = BigDecimal.ZERO;
        for (CodeRules.CodedLine l : coding.lines()) {
            Optional<BigDecimal> price = store.priceOn(h, l.code().code(), today).map(PriceEntry::price);
            Optional<BigDecimal> amount = price.map(p -> p.multiply(BigDecimal.valueOf(l.units())));
            if (price.isEmpty()) {
                assumptions.add(l.code().code() + " has no price on " + today + " and is left out of the total.");
            }
            perSession = perSession.add(amount.orElse(BigDecimal.ZERO));
            lines.add(new Estimate.Line(l.ruleId(), l.code().code(), l.code().descriptor(), l.units(), price, amount));
        }
        if (lines.isEmpty()) {
            assumptions.add("No code rule bills a " + o.procedureSpec().type().displayName() + " session: the total "
                    + "is zero until billing codes it by hand.");
        }
        if (facts.procedure().equals(Optional.of(ProcedureType.IVIG_INFUSION))) {
            assumptions.add("Only the session's codes are counted: the IVIG drug by its product's code and the "
                    + "infusion by its time; supplies and other drugs are billed separately and are not in this "
                    + "estimate.");
        } else {
            assumptions.add("Only the session codes and the planned 5 % albumin (when the plan gives any) are "
                    + "counted: other supplies, drugs and product processing are billed separately and are not in "
                    + "this estimate.");
        }
        // a donation for another person is never the donor's to pay (docs/sources.md, "who pays for a donation")
        boolean forAnother = donation(o).equals(Optional.of(Donation.ALLOGENEIC));
        List<PayerCoverage> coverages = forAnother ? List.of() : store.coverages(h, o.patientId());
        Optional<PayerCoverage> coverage = coverages.stream().filter(c -> c.inPlanYear(today)).findFirst();
        Optional<PayerCoverage> nextYear = coverage.flatMap(c -> coverages.stream()
                .filter(n -> n.inPlanYear(c.planYearEnd().plusDays(1))).findFirst());
        double intervalHours = o.schedule().map(CourseSchedule::intervalHours).orElse(0.0);
        if (forAnother) {
            assumptions.add("A collection from a donor for another person: the donor pays nothing; the charges go to "
                    + "the recipient's coverage or the donor registry (NMDP: donors never pay for donating), so the "
                    + "donor's share is zero and the donor's coverage is not used.");
        } else if (coverage.isEmpty()) {
            assumptions.add("No coverage holds on " + today + ": the patient is estimated to pay every charge.");
        } else {
            PayerCoverage c = coverage.get();
            assumptions.add("Coverage " + c.payer() + " " + c.plan() + ": the deductible left is paid first, then "
                    + (c.copayPerVisit().signum() > 0 ? "a copay of " + c.copayPerVisit().toPlainString() + " per session"
                            : c.coinsurancePercent().stripTrailingZeros().toPlainString() + " % coinsurance")
                    + ", capped by the out-of-pocket maximum left; the amounts met are as recorded on "
                    + LocalDate.ofInstant(c.createdAt(), clock.getZone()) + ".");
            LocalDate last = sessionDay(today, high - 1, intervalHours);
            if (last.isAfter(c.planYearEnd())) {
                int after = sessionsAfter(today, high, intervalHours, c.planYearEnd());
                assumptions.add("The course may run to " + last + ", past the plan year's end on " + c.planYearEnd()
                        + ": " + after + (after == 1 ? " session falls" : " sessions fall") + " in the next plan "
                        + "year and " + (nextYear.isPresent() ? "are shared by the coverage recorded for it ("
                        + nextYear.get().payer() + " " + nextYear.get().plan() + ", as recorded)"
                        : "are shared by this plan's terms renewed unchanged, the deductible and out-of-pocket "
                        + "maximum starting again with nothing met (no coverage is recorded for that year)") + ".");
            }
            if (c.priorAuthorization().isEmpty()) {
                assumptions.add("No prior authorisation is recorded; the payer may require one.");
            }
        }
        if (low != high) {
            assumptions.add("The number of sessions is a range, " + low + " to " + high + "; totalCharges and "
                    + "patientShare are for " + high + ".");
        }
        Estimate.Scenario lowS = forAnother ? donorPaysNothing(low, perSession)
                : scenario(low, perSession, today, intervalHours, coverage, nextYear);
        Estimate.Scenario highS = forAnother ? donorPaysNothing(high, perSession)
                : scenario(high, perSession, today, intervalHours, coverage, nextYear);
        Optional<PayerCoverage.PriorAuthorization> pa = coverage.flatMap(PayerCoverage::priorAuthorization);
        return new Estimate(o.id(), o.patientId(), currency, today, ordered, lines, PatientShare.cents(perSession), lowS,
                highS, coverage.map(PayerCoverage::id), pa.map(PayerCoverage.PriorAuthorization::number),
                pa.map(p -> p.holdsOn(today)).orElse(false), assumptions, forAnother);
    }

    /** The charges of {@code sessions} sessions of a donation for another person, of which the donor pays nothing. */
    private static Estimate.Scenario donorPaysNothing(int sessions, BigDecimal perSession) {
        BigDecimal total = PatientShare.cents(perSession.multiply(BigDecimal.valueOf(sessions)));
        BigDecimal zero = PatientShare.cents(BigDecimal.ZERO);
        return new Estimate.Scenario(sessions, new PatientShare.Breakdown(total, zero, zero, zero, zero, zero, false), 0);
    }

    /**
     * {@code sessions} sessions from {@code today} at the course's interval: those in the coverage's plan year shared
     * by its terms as met so far, those after its end by the next year's coverage when one is recorded, else by the
     * same terms renewed with nothing met (the deductible and out-of-pocket maximum start again each plan year).
     */
    static Estimate.Scenario scenario(int sessions, BigDecimal perSession, LocalDate today, double intervalHours,
            Optional<PayerCoverage> coverage, Optional<PayerCoverage> nextYear) {
        int after = coverage.map(c -> sessionsAfter(today, sessions, intervalHours, c.planYearEnd())).orElse(0);
        PatientShare.Breakdown thisYear = PatientShare.of(Collections.nCopies(sessions - after, perSession),
                coverage.map(PayerCoverage::costSharing));
        if (after == 0) {
            return new Estimate.Scenario(sessions, thisYear, 0);
        }
        CostSharing next = nextYear.map(PayerCoverage::costSharing).orElseGet(() -> coverage.get().renewed());
        return new Estimate.Scenario(sessions, thisYear.plus(PatientShare.of(Collections.nCopies(after, perSession),
                Optional.of(next))), after);
    }

    /** The day of session {@code index} (0 first, today) of a course at {@code intervalHours}. */
    static LocalDate sessionDay(LocalDate today, int index, double intervalHours) {
        return today.plusDays((long) Math.ceil(index * intervalHours / 24.0));
    }

    /** How many of {@code sessions} sessions from today fall after {@code planYearEnd}. */
    static int sessionsAfter(LocalDate today, int sessions, double intervalHours, LocalDate planYearEnd) {
        int n = 0;
        for (int i = 0; i < sessions; i++) {
            if (sessionDay(today, i, intervalHours).isAfter(planYearEnd)) {
                n++;
            }
        }
        return n;
    }

    /**
     * The unit's financial-assistance policy in force (its year's poverty guideline and its tiers): the newest an
     * administrator set, or the one shipped with the server (an EXAMPLE) while none is.
     */
    public AssistancePolicy assistancePolicy(Handle h) {
        return store.assistancePolicies(h, 1).stream().findFirst().map(AssistancePolicy.Version::policy)
                .orElse(assistance);
    }

    /** The policy shipped with the server, which holds until one is set. */
    public AssistancePolicy shippedAssistancePolicy() {
        return assistance;
    }

    /** Every policy set, newest first (the first is in force). */
    public List<AssistancePolicy.Version> assistancePolicies(Handle h) {
        return store.assistancePolicies(h, MAX_LIST);
    }

    /**
     * Sets the unit's policy from now on; the one before is kept as history. Its currency must be the unit's.
     */
    public AssistancePolicy.Version setAssistancePolicy(Handle h, Actor by, AssistancePolicy p) {
        if (!p.currency().equals(currency)) {
            throw InvalidInputException.of("currency", MessageKey.NOT_ONE_OF, p.currency(), currency);
        }
        AssistancePolicy.Version v = new AssistancePolicy.Version(Ids.next(), p, Times.now(clock), by.username());
        store.insertAssistancePolicy(h, v);
        return v;
    }

    /**
     * A financial-assistance screen for the patient of an order: what the household qualifies for under the unit's
     * policy, and the order's estimate with the discount taken off the patient's share. Nothing is stored: the
     * screen is a calculation the coordinator shows the patient (the request is audited as a read of the order).
     */
    public Screen screen(Handle h, String orderId, int householdSize, BigDecimal annualIncome) {
        Estimate e = estimate(h, orderId, Optional.empty(), Optional.empty());
        AssistancePolicy policy = assistancePolicy(h);
        AssistancePolicy.Result r = policy.qualify(householdSize, annualIncome);
        return new Screen(policy, r, e, r.after(e.low().share().patientShare()),
                r.after(e.high().share().patientShare()));
    }

    /**
     * A screen's answer.
     *
     * @param policy the policy applied
     * @param result what the household qualifies for
     * @param estimate the order's estimate before the discount
     * @param lowAfter the patient's share of the fewest sessions after the discount
     * @param highAfter the patient's share of the most sessions after the discount
     */
    public record Screen(AssistancePolicy policy, AssistancePolicy.Result result, Estimate estimate,
            BigDecimal lowAfter, BigDecimal highAfter) {
    }

    // --- coverage check

    /** The coverage rule table. */
    public CoverageRules coverageRules() {
        return coverageRules;
    }

    /**
     * Whether the order's indication is likely covered by the patient's payer and whether prior authorisation is
     * needed and holds, before signing (see {@link CoverageCheck}). The course runs from its first booked session
     * (from today when none is booked) for the sessions ordered at the course's interval, or to its last booked
     * session when that is later; the coverage is the one holding on the first day.
     */
    public CoverageCheck coverageCheck(Handle h, String orderId) {
        OrderRecord o = orders.require(h, orderId);
        List<LocalDate> booked = sessions.list(h, Optional.empty(), Optional.empty(), Optional.of(o.patientId()))
                .stream().filter(s -> s.orderId().equals(o.id()) && s.status().countsAgainstCourse())
                .map(s -> LocalDate.ofInstant(s.plannedStart(), clock.getZone())).sorted().toList();
        int ordered = o.sessionsOrdered();
        double intervalHours = o.schedule().map(CourseSchedule::intervalHours).orElse(0.0);
        LocalDate first = booked.isEmpty() ? today() : booked.get(0);
        LocalDate planned = sessionDay(first, ordered - 1, intervalHours);
        LocalDate last = booked.isEmpty() || planned.isAfter(booked.get(booked.size() - 1)) ? planned
                : booked.get(booked.size() - 1);
        String every = ordered == 1 ? "one session" : ordered + " sessions every " + Math.round(intervalHours) + " h";
        String basis = (booked.isEmpty() ? "no session is booked yet, so it is counted from today, " + first
                : "from its first booked session on " + first + " (" + booked.size() + " booked)") + ": " + every
                + ", " + first + " to " + last;
        CoverageCheck.Course course = new CoverageCheck.Course(first, last, ordered, basis);
        if (donation(o).equals(Optional.of(Donation.ALLOGENEIC))) {
            return CoverageCheck.donationForAnother(o.id(), o.patientId(), o.indication().code(),
                    o.procedureSpec().type(), o.guideline(), course);
        }
        List<PayerCoverage> coverages = store.coverages(h, o.patientId());
        Optional<PayerCoverage> coverage = coverages.stream().filter(c -> c.inPlanYear(first)).findFirst();
        Optional<PayerCoverage> lastDay = coverages.stream().filter(c -> c.inPlanYear(last)).findFirst();
        return CoverageCheck.decide(coverageRules, o.id(), o.patientId(), o.indication().code(),
                o.procedureSpec().type(), o.guideline(), course, coverage, lastDay);
    }

    /** The patient of an order (a not-found refusal when there is none), for the audit entry. */
    public String patientOfOrder(Handle h, String orderId) {
        return orders.require(h, orderId).patientId();
    }
}
