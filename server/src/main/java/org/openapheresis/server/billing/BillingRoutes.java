package org.openapheresis.server.billing;

import static org.openapheresis.server.access.Permission.CHARGES_CORRECT;
import static org.openapheresis.server.access.Permission.CHARGES_READ;
import static org.openapheresis.server.access.Permission.COVERAGE_CHECK_READ;
import static org.openapheresis.server.access.Permission.COVERAGE_WRITE;
import static org.openapheresis.server.access.Permission.PRICE_LIST_EDIT;
import static org.openapheresis.server.access.Permission.PRICE_LIST_READ;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.openapheresis.contract.Node;
import org.openapheresis.server.db.Unique;
import org.openapheresis.server.http.Call;
import org.openapheresis.server.http.FeatureRoutes;
import org.openapheresis.server.http.Route;
import org.openapheresis.server.session.SessionService;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Range;

/**
 * The billing routes: the price list ({@code /api/price-list}), charge items ({@code /api/charges}, their
 * correction and CSV export, and billing a completed session again), coverages
 * ({@code /api/patients/{id}/coverages}) and an order's estimate ({@code /api/orders/{id}/estimate}). Every answer
 * carries codes and amounts, never clinical values.
 */
public final class BillingRoutes implements FeatureRoutes {

    /** Most prices one change sets. */
    static final int MAX_PRICES = 200;
    private static final Range SESSIONS = Range.of(1, 30);

    private final BillingService billing;
    private final SessionService sessions;

    public BillingRoutes(BillingService billing, SessionService sessions) {
        this.billing = billing;
        this.sessions = sessions;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/api/price-list", PRICE_LIST_READ, "The unit's price list: every price with its period "
                        + "(closed ones are the history), code, description, price and currency", this::priceList),
                Route.put("/api/price-list", PRICE_LIST_EDIT, "Set prices: each closes the period of its code's "
                        + "current price on the day before it starts, and is added; nothing is overwritten",
                        priceExample(), this::setPrices).audit(),
                Route.get("/api/charges", CHARGES_READ, "Charge items by service day (?patientId=&from=&to=, ISO "
                        + "dates, inclusive), each with the item that corrects it, if any; a donor's collection for "
                        + "another person is an acquisition charge held for the recipient (listed and totalled with "
                        + "the recipient's, revenue code 0815)", this::charges).audit(),
                Route.get("/api/charges/export", CHARGES_READ, "The charge items of a period as CSV (?from=&to=; "
                        + "default: this month)", this::export).audit(),
                Route.post("/api/charges/{id}/corrections", CHARGES_CORRECT, "Correct a charge item: a new item "
                        + "naming it, with the reason; the corrected item is kept as it was",
                        Map.of("units", 1, "unitPrice", 1200.00, "reason", "price list entry was wrong on that day"),
                        this::correct).audit().created()
                        .error(409, "the item was corrected already (key CHARGE_ALREADY_CORRECTED; correctedBy names "
                                + "the later item)"),
                Route.action("/api/sessions/{id}/charges", CHARGES_CORRECT, "Bill a completed session by the code "
                        + "rules (idempotent: a session billed already answers its items)", this::bill).audit()
                        .error(409, "the session is not completed (key WRONG_STATUS)"),
                Route.post("/api/patients/{id}/coverages", COVERAGE_WRITE, "Record a coverage of the patient for a "
                        + "plan year (amounts in the unit's currency)", coverageExample(), this::addCoverage).audit()
                        .created(),
                Route.get("/api/patients/{id}/coverages", CHARGES_READ, "The patient's coverages, the latest plan "
                        + "year first", this::coverages).audit(),
                Route.get("/api/orders/{id}/estimate", CHARGES_READ, "What the order's course is likely to cost and "
                        + "the patient's share (?sessionsLow=&sessionsHigh= for a range), with the lines and "
                        + "assumptions behind it", this::estimate).audit(),
                Route.get("/api/orders/{id}/coverage-check", COVERAGE_CHECK_READ, "Before signing: the order's "
                        + "guideline category, whether the patient's payer covers the indication by the coverage rules "
                        + "(the rule and its source; a published fact or the unit's own rule), and whether prior "
                        + "authorisation is needed and holds on every day of the course; no rule: ask billing",
                        this::coverageCheck).audit(),
                Route.get("/api/assistance-policy", PRICE_LIST_READ, "The unit's financial-assistance policy in force "
                        + "(the poverty guideline of its year and the discount tiers; the shipped EXAMPLE until an "
                        + "administrator sets one) and every version set before it", this::assistancePolicy),
                Route.put("/api/assistance-policy", PRICE_LIST_EDIT, "Set the unit's financial-assistance policy from "
                        + "now on (the one before is kept): the guideline's year, its figure for one person and for "
                        + "each additional person, the tiers (strictly increasing bounds, discounts 0-100 %) and the "
                        + "source", policyExample(), this::setAssistancePolicy).audit(),
                Route.post("/api/orders/{id}/assistance-screen", CHARGES_READ, "A financial-assistance screen: the "
                        + "household's income in percent of the poverty guideline of the unit's policy, the discount "
                        + "it qualifies for and the order's estimate after it (nothing is stored)",
                        Map.of("householdSize", 3, "annualIncome", 41000), this::screen).audit());
    }

    static Map<String, Object> policyExample() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("year", 2025);
        m.put("guidelineFirstPerson", 15650);
        m.put("guidelinePerAdditionalPerson", 5500);
        m.put("tiers", List.of(Map.of("upToPercentOfGuideline", 200, "discountPercent", 100),
                Map.of("upToPercentOfGuideline", 400, "discountPercent", 50)));
        m.put("source", "HHS poverty guidelines 2025; tiers: the hospital's financial assistance policy of 2026");
        return m;
    }

    // --- the financial-assistance policy

    private static final int MAX_TIERS = 20;
    private static final Range POLICY_YEAR = Range.of(1965, 2200);

    private void assistancePolicy(Call call) {
        Map<String, Object> m = new LinkedHashMap<>();
        call.read(h -> {
            List<AssistancePolicy.Version> set = billing.assistancePolicies(h);
            m.put("policy", policyJson(set.isEmpty() ? billing.shippedAssistancePolicy() : set.get(0).policy()));
            m.put("shipped", set.isEmpty());
            m.put("setAt", set.isEmpty() ? null : set.get(0).setAt());
            m.put("setBy", set.isEmpty() ? null : set.get(0).setBy());
            m.put("history", set.stream().skip(1).map(v -> {
                Map<String, Object> x = new LinkedHashMap<>(policyJson(v.policy()));
                x.put("setAt", v.setAt());
                x.put("setBy", v.setBy());
                return x;
            }).toList());
            return m;
        });
        call.answer(m);
    }

    private void setAssistancePolicy(Call call) {
        Node f = call.body();
        java.util.OptionalInt year = f.integer("year", POLICY_YEAR, true);
        Optional<BigDecimal> first = Money.read(f, "guidelineFirstPerson", true);
        Optional<BigDecimal> additional = Money.read(f, "guidelinePerAdditionalPerson", true);
        first.filter(v -> v.signum() <= 0).ifPresent(v -> f.add("guidelineFirstPerson", MessageKey.INVALID,
                v.toPlainString() + " is not above 0"));
        additional.filter(v -> v.signum() < 0).ifPresent(v -> f.add("guidelinePerAdditionalPerson",
                MessageKey.INVALID, v.toPlainString() + " is negative"));
        List<AssistancePolicy.Tier> tiers = new ArrayList<>();
        f.objects("tiers", true, MAX_TIERS).ifPresent(items -> {
            if (items.isEmpty()) {
                f.add("tiers", MessageKey.EMPTY_LIST);
            }
            BigDecimal before = BigDecimal.ZERO;
            for (Node t : items) {
                Optional<BigDecimal> upTo = Money.read(t, "upToPercentOfGuideline", true);
                Optional<BigDecimal> discount = Money.read(t, "discountPercent", true);
                t.rejectUnknown();
                if (upTo.isPresent() && upTo.get().compareTo(before) <= 0) {
                    t.add("upToPercentOfGuideline", MessageKey.INVALID, upTo.get().toPlainString() + " is not above "
                            + (before.signum() == 0 ? "0" : "the tier before it (" + before.toPlainString() + ")"));
                }
                if (discount.isPresent() && (discount.get().signum() < 0
                        || discount.get().compareTo(CostSharing.HUNDRED) > 0)) {
                    t.add("discountPercent", MessageKey.OUT_OF_RANGE, discount.get().toPlainString(), 0, 100);
                }
                if (upTo.isPresent() && discount.isPresent()) {
                    if (upTo.get().compareTo(before) > 0 && discount.get().signum() >= 0
                            && discount.get().compareTo(CostSharing.HUNDRED) <= 0) {
                        tiers.add(new AssistancePolicy.Tier(upTo.get(), discount.get()));
                    }
                    before = upTo.get().max(before);
                }
            }
        });
        Optional<String> source = f.text("source", true, 1000);
        f.rejectUnknown();
        f.throwIfProblems();
        AssistancePolicy p = new AssistancePolicy(year.getAsInt(), first.get(), additional.get(), billing.currency(),
                tiers, source.get());
        AssistancePolicy.Version v = call.write(h -> billing.setAssistancePolicy(h, call.actor(), p));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("policy", policyJson(v.policy()));
        m.put("shipped", false);
        m.put("setAt", v.setAt());
        m.put("setBy", v.setBy());
        call.answer(m);
    }

    static Map<String, Object> policyJson(AssistancePolicy p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("year", p.year());
        m.put("guidelineFirstPerson", p.guidelineFirstPerson());
        m.put("guidelinePerAdditionalPerson", p.guidelinePerAdditionalPerson());
        m.put("currency", p.currency());
        m.put("tiers", p.tiers().stream().map(BillingRoutes::tierJson).toList());
        m.put("source", p.source());
        return m;
    }

    static Map<String, Object> tierJson(AssistancePolicy.Tier t) {
        return Map.of("upToPercentOfGuideline", t.upToPercentOfGuideline(), "discountPercent", t.discountPercent());
    }

    static Map<String, Object> priceExample() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("code", "36514");
        e.put("description", "Therapeutic plasma exchange, per session");
        e.put("price", 1000.00);
        e.put("currency", "USD");
        e.put("effectiveFrom", "2026-01-01");
        return Map.of("entries", List.of(e));
    }

    static Map<String, Object> coverageExample() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("payer", "Example Health");
        m.put("payerKind", "commercial");
        m.put("plan", "Silver 3000");
        m.put("memberId", "EH-1234");
        m.put("network", "in-network");
        m.put("planYearStart", "2026-01-01");
        m.put("planYearEnd", "2026-12-31");
        m.put("deductible", 3000);
        m.put("deductibleMet", 2000);
        m.put("coinsurancePercent", 20);
        m.put("copayPerVisit", 0);
        m.put("outOfPocketMax", 6000);
        m.put("outOfPocketMet", 2000);
        m.put("priorAuthorization", Map.of("number", "PA-77", "validFrom", "2026-03-01", "validTo", "2026-06-30"));
        return m;
    }

    // --- price list

    private void priceList(Call call) {
        LocalDate today = LocalDate.now(java.time.Clock.fixed(call.now(), call.zone()));
        List<PriceEntry> all = call.read(billing::priceList);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("currency", billing.currency());
        m.put("entries", all.stream().map(p -> json(p, today)).toList());
        call.answer(m);
    }

    private void setPrices(Call call) {
        Node f = call.body();
        List<BillingService.NewPrice> prices = new ArrayList<>();
        f.objects("entries", true, MAX_PRICES).ifPresent(items -> {
            if (items.isEmpty()) {
                f.add("entries", MessageKey.EMPTY_LIST);
            }
            for (Node e : items) {
                Optional<String> code = e.text("code", true, 10);
                Optional<String> description = e.text("description", false, 400);
                Optional<BigDecimal> price = Money.read(e, "price", true);
                Optional<String> currency = e.text("currency", true, 3);
                Optional<LocalDate> from = e.date("effectiveFrom", true);
                Optional<LocalDate> to = e.date("effectiveTo", false);
                e.rejectUnknown();
                if (code.isPresent() && price.isPresent() && currency.isPresent() && from.isPresent()) {
                    // the record's own checks (a negative price, a period ending before it starts), named here
                    e.build(() -> new PriceEntry("-", code.get(), "-", price.get(), currency.get(), from.get(), to,
                            false, call.now(), "-")).ifPresent(ok -> prices.add(new BillingService.NewPrice(code.get(),
                                    description, price.get(), currency.get(), from.get(), to)));
                }
            }
        });
        boolean example = f.bool("example", false).orElse(false);
        f.rejectUnknown();
        f.throwIfProblems();
        LocalDate today = LocalDate.ofInstant(call.now(), call.zone());
        List<PriceEntry> made = call.write(h -> billing.setPrices(h, call.actor(), prices, example));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("currency", billing.currency());
        m.put("made", made.stream().map(p -> json(p, today)).toList());
        m.put("entries", call.read(billing::priceList).stream().map(p -> json(p, today)).toList());
        call.answer(m);
    }

    static Map<String, Object> json(PriceEntry p, LocalDate today) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("code", p.code());
        m.put("description", p.description());
        m.put("price", p.price());
        m.put("currency", p.currency());
        m.put("effectiveFrom", p.effectiveFrom());
        m.put("effectiveTo", p.effectiveTo().orElse(null));
        m.put("current", p.holdsOn(today));
        m.put("example", p.example());
        m.put("createdAt", p.createdAt());
        m.put("createdBy", p.createdBy());
        return m;
    }

    // --- charges

    private static void requireOrder(Optional<LocalDate> from, Optional<LocalDate> to) {
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw InvalidInputException.of("to", MessageKey.INVALID, to.get() + " is before from " + from.get());
        }
    }

    private void charges(Call call) {
        Optional<String> patientId = call.idQuery("patientId");
        Optional<LocalDate> from = call.dateQuery("from");
        Optional<LocalDate> to = call.dateQuery("to");
        requireOrder(from, to);
        patientId.ifPresent(call::concerns);
        List<ChargeItem.View> items = call.read(h -> billing.charges(h, patientId, from, to));
        // a recipient's list shows the donors' acquisition charges: each donor's record is read too
        patientId.ifPresent(p -> items.stream().map(v -> v.item().patientId()).filter(other -> !other.equals(p))
                .forEach(call::alsoConcerns));
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        int unpriced = 0;
        for (ChargeItem.View v : items) {
            // one patient's totals are of their account: a donor's acquisition charges are the recipient's
            if (v.current() && (patientId.isEmpty() || v.account().equals(patientId))) {
                if (v.item().amount().isPresent()) {
                    totals.merge(v.item().currency(), v.item().amount().get(), BigDecimal::add);
                } else if (v.item().units() > 0) {
                    unpriced++;
                }
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", items.stream().map(BillingRoutes::chargeJson).toList());
        m.put("totals", totals);
        m.put("unpricedCurrentItems", unpriced);
        call.answer(m);
    }

    static Map<String, Object> chargeJson(ChargeItem.View v) {
        ChargeItem c = v.item();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("patientId", c.patientId());
        m.put("sessionId", c.sessionId().orElse(null));
        m.put("orderId", c.orderId().orElse(null));
        m.put("serviceDate", c.serviceDate());
        m.put("code", c.code());
        m.put("codeSystem", c.codeSystem());
        m.put("descriptor", c.descriptor());
        m.put("rule", c.ruleId().orElse(null));
        m.put("diagnosisCode", c.diagnosisCode().orElse(null));
        m.put("units", c.units());
        m.put("unitPrice", c.unitPrice().orElse(null));
        m.put("amount", c.amount().orElse(null));
        m.put("currency", c.currency());
        m.put("priced", c.unitPrice().isPresent());
        m.put("current", v.current());
        m.put("correctedBy", v.correctedBy().orElse(null));
        m.put("corrects", c.corrects().orElse(null));
        m.put("correctionReason", c.correctionReason().orElse(null));
        m.put("createdAt", c.createdAt());
        m.put("createdBy", c.createdBy());
        m.put("acquisition", v.acquisition().map(a -> {
            Map<String, Object> held = new LinkedHashMap<>();
            held.put("recipientId", a.recipientId().orElse(null));
            held.put("revenueCode", ChargeItem.Acquisition.REVENUE_CODE);
            held.put("rule", "A donor acquisition charge: never billed to the donor; held until the recipient's "
                    + "transplant and reported on the recipient's claim under revenue code "
                    + ChargeItem.Acquisition.REVENUE_CODE + (a.recipientId().isPresent() ? ""
                    : ". No recipient yet: the charge becomes the recipient's once the lab registers the collection's "
                    + "product for a patient of this unit; for a recipient cared for elsewhere, the transplant centre "
                    + "or the donor registry pays"));
            return held;
        }).orElse(null));
        return m;
    }

    private void export(Call call) {
        LocalDate today = LocalDate.ofInstant(call.now(), call.zone());
        LocalDate from = call.dateQuery("from").orElse(today.withDayOfMonth(1));
        LocalDate to = call.dateQuery("to").orElse(today);
        requireOrder(Optional.of(from), Optional.of(to));
        String csv = call.read(h -> billing.csv(h, from, to));
        call.ctx().status(200).contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"charges-" + from + "-" + to + ".csv\"").result(csv);
    }

    private void correct(Call call) {
        String id = call.param("id");
        Node f = call.body();
        java.util.OptionalInt units = f.integer("units", Range.of(0, BillingService.MAX_UNITS), true);
        Optional<String> code = f.text("code", false, 10);
        Optional<BigDecimal> unitPrice = Money.read(f, "unitPrice", false);
        Optional<String> reason = f.text("reason", true, 1000);
        f.rejectUnknown();
        f.throwIfProblems();
        BillingService.Correction c = new BillingService.Correction(units.getAsInt(), code, unitPrice, reason.get());
        call.answer(chargeJson(call.write(h -> {
            call.concerns(billing.patientOfCharge(h, id));
            return billing.correct(h, call.actor(), id, c);
        })));
    }

    private void bill(Call call) {
        String id = call.param("id");
        call.noBody();
        Supplier<List<ChargeItem>> once = () -> call.write(h -> {
            var s = sessions.require(h, id);
            call.concerns(s.patientId());
            return billing.chargeSession(h, call.actor(), s);
        });
        List<ChargeItem> items;
        try {
            items = once.get();
        } catch (RuntimeException e) {
            if (!Unique.isViolation(e)) {
                throw e;
            }
            items = once.get(); // another request or server billed it at the same moment: answer its items
        }
        call.answer(Map.of("sessionId", id, "items", items.stream()
                .map(i -> chargeJson(new ChargeItem.View(i, Optional.empty()))).toList()));
    }

    // --- coverages

    private void addCoverage(Call call) {
        String patientId = call.param("id");
        call.concerns(patientId);
        Node f = call.body();
        Optional<String> payer = f.text("payer", true, 200);
        Optional<PayerKind> payerKind = f.oneOf("payerKind", false, PayerKind.codes()).flatMap(PayerKind::fromCode);
        Optional<String> plan = f.text("plan", true, 200);
        Optional<String> member = f.text("memberId", true, 100);
        Optional<PayerCoverage.Network> network = f.oneOf("network", false, PayerCoverage.Network.codes())
                .flatMap(PayerCoverage.Network::fromCode);
        Optional<LocalDate> start = f.date("planYearStart", true);
        Optional<LocalDate> end = f.date("planYearEnd", true);
        Optional<BigDecimal> deductible = Money.read(f, "deductible", true);
        Optional<BigDecimal> deductibleMet = Money.read(f, "deductibleMet", true);
        Optional<BigDecimal> coinsurance = Money.read(f, "coinsurancePercent", true);
        Optional<BigDecimal> copay = Money.read(f, "copayPerVisit", true);
        Optional<BigDecimal> oopMax = Money.read(f, "outOfPocketMax", true);
        Optional<BigDecimal> oopMet = Money.read(f, "outOfPocketMet", true);
        Optional<PayerCoverage.PriorAuthorization> pa = f.child("priorAuthorization", false).flatMap(p -> {
            Optional<String> number = p.text("number", true, 60);
            Optional<LocalDate> from = p.date("validFrom", true);
            Optional<LocalDate> to = p.date("validTo", true);
            p.rejectUnknown();
            return number.isEmpty() || from.isEmpty() || to.isEmpty() ? Optional.empty()
                    : f.build(() -> new PayerCoverage.PriorAuthorization(number.get(), from.get(), to.get()));
        });
        f.rejectUnknown();
        f.throwIfProblems();
        // the coverage's own checks (plan year order, coinsurance 0..100, no negative amount) name their fields
        new PayerCoverage("-", patientId, payer.get(), payerKind, plan.get(), member.get(), network, start.get(),
                end.get(), deductible.get(), deductibleMet.get(), coinsurance.get(), copay.get(), oopMax.get(), oopMet.get(),
                billing.currency(), pa, call.now(), "-");
        BillingService.NewCoverage n = new BillingService.NewCoverage(payer.get(), payerKind, plan.get(), member.get(),
                network, start.get(), end.get(), deductible.get(), deductibleMet.get(), coinsurance.get(), copay.get(),
                oopMax.get(), oopMet.get(), pa);
        call.answer(coverageJson(call.write(h -> billing.addCoverage(h, call.actor(), patientId, n))));
    }

    private void coverages(Call call) {
        String patientId = call.param("id");
        call.concerns(patientId);
        call.answer(call.read(h -> billing.coverages(h, patientId)).stream().map(BillingRoutes::coverageJson).toList());
    }

    static Map<String, Object> coverageJson(PayerCoverage c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("patientId", c.patientId());
        m.put("payer", c.payer());
        m.put("payerKind", c.payerKind().map(PayerKind::code).orElse(null));
        m.put("plan", c.plan());
        m.put("memberId", c.memberId());
        m.put("network", c.network().map(PayerCoverage.Network::code).orElse(null));
        m.put("planYearStart", c.planYearStart());
        m.put("planYearEnd", c.planYearEnd());
        m.put("deductible", c.deductible());
        m.put("deductibleMet", c.deductibleMet());
        m.put("coinsurancePercent", c.coinsurancePercent());
        m.put("copayPerVisit", c.copayPerVisit());
        m.put("outOfPocketMax", c.outOfPocketMax());
        m.put("outOfPocketMet", c.outOfPocketMet());
        m.put("currency", c.currency());
        m.put("priorAuthorization", c.priorAuthorization().map(p -> Map.of("number", p.number(), "validFrom",
                p.validFrom(), "validTo", p.validTo())).orElse(null));
        m.put("createdAt", c.createdAt());
        m.put("createdBy", c.createdBy());
        return m;
    }

    // --- estimate

    private void estimate(Call call) {
        String orderId = call.param("id");
        Optional<Integer> low = box(call.wholeNumberQuery("sessionsLow", SESSIONS));
        Optional<Integer> high = box(call.wholeNumberQuery("sessionsHigh", SESSIONS));
        Estimate e = call.read(h -> {
            call.concerns(billing.patientOfOrder(h, orderId));
            return billing.estimate(h, orderId, low, high);
        });
        call.answer(json(e));
    }

    // --- coverage check

    private void coverageCheck(Call call) {
        String orderId = call.param("id");
        CoverageCheck c = call.read(h -> {
            call.concerns(billing.patientOfOrder(h, orderId));
            return billing.coverageCheck(h, orderId);
        });
        call.answer(json(c));
    }

    static Map<String, Object> json(CoverageCheck c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orderId", c.orderId());
        m.put("patientId", c.patientId());
        m.put("icd10", c.icd10());
        m.put("procedureType", c.procedure().code());
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("matched", c.guideline().matched());
        g.put("row", c.guideline().id());
        g.put("indication", c.guideline().indication());
        g.put("category", c.guideline().category());
        g.put("grade", c.guideline().grade());
        g.put("source", c.guideline().rowSource() != null ? c.guideline().rowSource() : c.guideline().source());
        m.put("guideline", g);
        m.put("course", Map.of("firstDay", c.course().firstDay(), "lastDay", c.course().lastDay(), "sessions",
                c.course().sessions(), "basis", c.course().basis()));
        m.put("coverage", c.coverage().map(BillingRoutes::coverageBrief).orElse(null));
        m.put("nextPlanYearCoverage", c.nextPlanYear().map(BillingRoutes::coverageBrief).orElse(null));
        m.put("verdict", c.verdict().code());
        m.put("rule", c.rule().map(r -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", r.id());
            x.put("basis", r.basis().code());
            x.put("status", r.status().code());
            // the payer kinds the rule is written for, as the rule table lists them ("medicare,medicare-advantage")
            x.put("payerKind", String.join(",", r.payers().stream().sorted().map(PayerKind::code).toList()));
            x.put("procedure", r.procedure().map(org.openapheresis.procedure.ProcedureType::code).orElse("*"));
            x.put("indication", r.indication().text());
            x.put("covered", r.covered().code());
            x.put("priorAuthorization", r.priorAuthorization().code());
            x.put("condition", r.condition().orElse(null));
            x.put("source", r.source());
            return x;
        }).orElse(null));
        m.put("priorAuthorizationNeeded", c.priorAuthorizationNeeded().map(CoverageRule.PriorAuthorizationNeed::code)
                .orElse(null));
        Map<String, Object> pa = new LinkedHashMap<>();
        pa.put("status", c.priorAuthorization().status().code());
        c.priorAuthorization().authorization().ifPresent(p -> {
            pa.put("number", p.number());
            pa.put("validFrom", p.validFrom());
            pa.put("validTo", p.validTo());
        });
        c.priorAuthorization().nextPlanYear().ifPresent(p -> pa.put("nextPlanYear", Map.of("number", p.number(),
                "validFrom", p.validFrom(), "validTo", p.validTo())));
        m.put("priorAuthorization", pa);
        m.put("askBilling", c.askBilling());
        m.put("summary", c.summary());
        m.put("reasons", c.reasons());
        return m;
    }

    private static Map<String, Object> coverageBrief(PayerCoverage v) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("id", v.id());
        x.put("payer", v.payer());
        x.put("payerKind", v.payerKind().map(PayerKind::code).orElse(null));
        x.put("plan", v.plan());
        x.put("planYearStart", v.planYearStart());
        x.put("planYearEnd", v.planYearEnd());
        return x;
    }

    private static final Range HOUSEHOLD = Range.of(1, AssistancePolicy.MAX_HOUSEHOLD);

    private void screen(Call call) {
        String orderId = call.param("id");
        Node f = call.body();
        java.util.OptionalInt size = f.integer("householdSize", HOUSEHOLD, true);
        Optional<BigDecimal> income = Money.read(f, "annualIncome", true);
        if (income.isPresent() && income.get().signum() < 0) {
            f.add("annualIncome", MessageKey.OUT_OF_RANGE, income.get().toPlainString(), 0, "any");
        }
        f.rejectUnknown();
        f.throwIfProblems();
        BillingService.Screen s = call.read(h -> {
            call.concerns(billing.patientOfOrder(h, orderId));
            return billing.screen(h, orderId, size.getAsInt(), income.get());
        });
        AssistancePolicy.Result r = s.result();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orderId", orderId);
        m.put("currency", s.policy().currency());
        m.put("policyYear", s.policy().year());
        m.put("policySource", s.policy().source());
        m.put("householdSize", r.householdSize());
        m.put("annualIncome", r.annualIncome());
        m.put("povertyGuideline", r.guideline());
        m.put("percentOfGuideline", r.percentOfGuideline());
        m.put("discountPercent", r.discountPercent());
        m.put("tier", r.tier().map(BillingRoutes::tierJson).orElse(null));
        m.put("tiers", s.policy().tiers().stream().map(BillingRoutes::tierJson).toList());
        m.put("patientShare", s.estimate().high().share().patientShare());
        m.put("patientShareAfter", s.highAfter());
        m.put("range", Map.of("low", Map.of("sessions", s.estimate().low().sessions(), "patientShare",
                s.estimate().low().share().patientShare(), "patientShareAfter", s.lowAfter()), "high",
                Map.of("sessions", s.estimate().high().sessions(), "patientShare",
                        s.estimate().high().share().patientShare(), "patientShareAfter", s.highAfter())));
        call.answer(m);
    }

    private static Optional<Integer> box(java.util.OptionalInt i) {
        return i.isPresent() ? Optional.of(i.getAsInt()) : Optional.empty();
    }

    static Map<String, Object> json(Estimate e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orderId", e.orderId());
        m.put("patientId", e.patientId());
        m.put("currency", e.currency());
        m.put("pricedOn", e.pricedOn());
        m.put("sessionsOrdered", e.sessionsOrdered());
        m.put("totalCharges", e.high().share().totalCharges());
        m.put("patientShare", e.high().share().patientShare());
        m.put("chargePerSession", e.chargePerSession());
        m.put("range", Map.of("low", json(e.low()), "high", json(e.high())));
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Estimate.Line l : e.lines()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("rule", l.ruleId());
            x.put("code", l.code());
            x.put("descriptor", l.descriptor());
            x.put("unitsPerSession", l.unitsPerSession());
            x.put("unitPrice", l.unitPrice().orElse(null));
            x.put("amountPerSession", l.amountPerSession().orElse(null));
            x.put("sessions", e.high().sessions());
            x.put("amount", l.amountPerSession().map(a -> a.multiply(BigDecimal.valueOf(e.high().sessions())))
                    .orElse(null));
            lines.add(x);
        }
        m.put("lines", lines);
        m.put("coverageId", e.coverageId().orElse(null));
        m.put("donationForAnother", e.donationForAnother());
        m.put("priorAuthorization", e.priorAuthorization().orElse(null));
        m.put("priorAuthorizationHolds", e.priorAuthorizationHolds());
        m.put("assumptions", e.assumptions());
        return m;
    }

    private static Map<String, Object> json(Estimate.Scenario s) {
        PatientShare.Breakdown b = s.share();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sessions", s.sessions());
        m.put("sessionsInNextPlanYear", s.sessionsInNextPlanYear());
        m.put("totalCharges", b.totalCharges());
        m.put("patientShare", b.patientShare());
        m.put("deductiblePart", b.deductiblePart());
        m.put("coinsurancePart", b.coinsurancePart());
        m.put("copayPart", b.copayPart());
        m.put("uncoveredPart", b.uncoveredPart());
        m.put("cappedByOutOfPocketMax", b.cappedByOutOfPocketMax());
        return m;
    }
}
