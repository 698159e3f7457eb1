package org.openapheresis.server.billing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.openapheresis.server.db.Times;

/** The price list, charge items and coverages: SQL only, in the caller's handle. Nothing is updated but a period closed. */
public final class BillingStore {

    private static final String PRICE = "id, code, description, price, currency, effective_from, effective_to, example, "
            + "created_at, created_by";
    private static final String CHARGE = "id, origin_key, session_id, order_id, patient_id, rule_id, code, code_system, "
            + "descriptor, diagnosis_code, service_date, units, unit_price, amount, currency, price_entry_id, "
            + "corrects_id, correction_reason, created_at, created_by";
    private static final String COVERAGE = "id, patient_id, payer, payer_kind, plan_name, member_id, network, "
            + "plan_year_start, plan_year_end, deductible, deductible_met, coinsurance_percent, copay_per_visit, "
            + "out_of_pocket_max, out_of_pocket_met, currency, prior_auth_number, prior_auth_valid_from, prior_auth_valid_to, created_at, "
            + "created_by";

    // --- price list

    public void insertPrice(Handle h, PriceEntry p) {
        h.createUpdate("INSERT INTO price_list_entry (" + PRICE + ") VALUES (:id, :code, :description, :price, "
                + ":currency, :from, :to, :example, :at, :by)").bind("id", p.id()).bind("code", p.code())
                .bind("description", p.description()).bind("price", p.price()).bind("currency", p.currency())
                .bind("from", p.effectiveFrom()).bind("to", p.effectiveTo().orElse(null)).bind("example", p.example())
                .bind("at", Times.toDb(p.createdAt())).bind("by", p.createdBy()).execute();
    }

    /** The code's entries, latest start first, under their row locks until the transaction ends. */
    public List<PriceEntry> lockPrices(Handle h, String code) {
        return h.createQuery("SELECT " + PRICE + " FROM price_list_entry WHERE code = :code ORDER BY effective_from DESC "
                + "FOR UPDATE").bind("code", code).map((rs, c) -> price(rs)).list();
    }

    /** Closes an open period on its last day; false when it was closed already. */
    public boolean closePrice(Handle h, String id, LocalDate lastDay, Instant at, String by) {
        return h.createUpdate("UPDATE price_list_entry SET effective_to = :to, closed_at = :at, closed_by = :by "
                + "WHERE id = :id AND effective_to IS NULL").bind("id", id).bind("to", lastDay)
                .bind("at", Times.toDb(at)).bind("by", by).execute() == 1;
    }

    /** Every entry, by code and start. */
    public List<PriceEntry> prices(Handle h) {
        return h.createQuery("SELECT " + PRICE + " FROM price_list_entry ORDER BY code, effective_from")
                .map((rs, c) -> price(rs)).list();
    }

    /** The entry of the code holding on the day, if any. */
    public Optional<PriceEntry> priceOn(Handle h, String code, LocalDate day) {
        return h.createQuery("SELECT " + PRICE + " FROM price_list_entry WHERE code = :code AND effective_from <= :day "
                + "AND (effective_to IS NULL OR effective_to >= :day) ORDER BY effective_from DESC")
                .bind("code", code).bind("day", day).setMaxRows(1).map((rs, c) -> price(rs)).findFirst();
    }

    private static PriceEntry price(ResultSet rs) throws SQLException {
        return new PriceEntry(rs.getString("id"), rs.getString("code"), rs.getString("description"),
                rs.getBigDecimal("price"), rs.getString("currency").strip(), rs.getObject("effective_from", LocalDate.class),
                Optional.ofNullable(rs.getObject("effective_to", LocalDate.class)), rs.getBoolean("example"),
                Times.fromDb(rs.getObject("created_at", LocalDateTime.class)), rs.getString("created_by"));
    }

    // --- charges

    public void insertCharge(Handle h, ChargeItem c) {
        h.createUpdate("INSERT INTO charge_item (" + CHARGE + ") VALUES (:id, :origin, :session, :order, :patient, "
                + ":rule, :code, :system, :descriptor, :dx, :day, :units, :unitPrice, :amount, :currency, :priceEntry, "
                + ":corrects, :reason, :at, :by)").bind("id", c.id()).bind("origin", c.originKey().orElse(null))
                .bind("session", c.sessionId().orElse(null)).bind("order", c.orderId().orElse(null))
                .bind("patient", c.patientId()).bind("rule", c.ruleId().orElse(null)).bind("code", c.code())
                .bind("system", c.codeSystem()).bind("descriptor", c.descriptor())
                .bind("dx", c.diagnosisCode().orElse(null)).bind("day", c.serviceDate()).bind("units", c.units())
                .bind("unitPrice", c.unitPrice().orElse(null)).bind("amount", c.amount().orElse(null))
                .bind("currency", c.currency()).bind("priceEntry", c.priceEntryId().orElse(null))
                .bind("corrects", c.corrects().orElse(null)).bind("reason", c.correctionReason().orElse(null))
                .bind("at", Times.toDb(c.createdAt())).bind("by", c.createdBy()).execute();
    }

    /** The items coded from a session (not their corrections). */
    public List<ChargeItem> chargesOfSession(Handle h, String sessionId) {
        return h.createQuery("SELECT " + CHARGE + " FROM charge_item WHERE session_id = :s AND origin_key IS NOT NULL "
                + "ORDER BY origin_key").bind("s", sessionId).map((rs, c) -> charge(rs)).list();
    }

    public Optional<ChargeItem> charge(Handle h, String id) {
        return h.createQuery("SELECT " + CHARGE + " FROM charge_item WHERE id = :id").bind("id", id)
                .map((rs, c) -> charge(rs)).findOne();
    }

    /** Takes the item's row lock until the transaction ends: corrections of one item are made one at a time. */
    public Optional<String> lockCharge(Handle h, String id) {
        return h.createQuery("SELECT id FROM charge_item WHERE id = :id FOR UPDATE").bind("id", id).mapTo(String.class)
                .findOne();
    }

    public Optional<String> correctionOf(Handle h, String id) {
        return h.createQuery("SELECT id FROM charge_item WHERE corrects_id = :id").bind("id", id).mapTo(String.class)
                .findOne();
    }

    /**
     * Items of service days in the range (either end open), of one patient or all, by day, with who corrects each.
     */
    public List<ChargeItem.View> charges(Handle h, Optional<String> patientId, Optional<LocalDate> from,
            Optional<LocalDate> to, int limit) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        patientId.ifPresent(p -> where.append(" AND c.patient_id = :patient"));
        from.ifPresent(f -> where.append(" AND c.service_date >= :from"));
        to.ifPresent(t -> where.append(" AND c.service_date <= :to"));
        var q = h.createQuery("SELECT " + prefixed("c") + ", k.id AS corrected_by FROM charge_item c "
                + "LEFT JOIN charge_item k ON k.corrects_id = c.id" + where
                + " ORDER BY c.service_date, c.created_at, c.id");
        patientId.ifPresent(p -> q.bind("patient", p));
        from.ifPresent(f -> q.bind("from", f));
        to.ifPresent(t -> q.bind("to", t));
        return q.setMaxRows(limit).map((rs, c) -> new ChargeItem.View(charge(rs),
                Optional.ofNullable(rs.getString("corrected_by")))).list();
    }

    /** Items of the given sessions, of service days in the range (either end open), by day. */
    public List<ChargeItem.View> chargesOfSessions(Handle h, List<String> sessionIds, Optional<LocalDate> from,
            Optional<LocalDate> to, int limit) {
        if (sessionIds.isEmpty()) {
            return List.of();
        }
        StringBuilder where = new StringBuilder(" WHERE c.session_id IN (<sessions>)");
        from.ifPresent(f -> where.append(" AND c.service_date >= :from"));
        to.ifPresent(t -> where.append(" AND c.service_date <= :to"));
        var q = h.createQuery("SELECT " + prefixed("c") + ", k.id AS corrected_by FROM charge_item c "
                + "LEFT JOIN charge_item k ON k.corrects_id = c.id" + where
                + " ORDER BY c.service_date, c.created_at, c.id").bindList("sessions", sessionIds);
        from.ifPresent(f -> q.bind("from", f));
        to.ifPresent(t -> q.bind("to", t));
        return q.setMaxRows(limit).map((rs, c) -> new ChargeItem.View(charge(rs),
                Optional.ofNullable(rs.getString("corrected_by")))).list();
    }

    private static String prefixed(String alias) {
        return String.join(", ", java.util.Arrays.stream(CHARGE.split(", ")).map(c -> alias + "." + c).toList());
    }

    private static ChargeItem charge(ResultSet rs) throws SQLException {
        return new ChargeItem(rs.getString("id"), Optional.ofNullable(rs.getString("origin_key")),
                Optional.ofNullable(rs.getString("session_id")), Optional.ofNullable(rs.getString("order_id")),
                rs.getString("patient_id"), Optional.ofNullable(rs.getString("rule_id")), rs.getString("code"),
                rs.getString("code_system"), rs.getString("descriptor"),
                Optional.ofNullable(rs.getString("diagnosis_code")), rs.getObject("service_date", LocalDate.class),
                rs.getInt("units"), Optional.ofNullable(rs.getBigDecimal("unit_price")),
                Optional.ofNullable(rs.getBigDecimal("amount")), rs.getString("currency").strip(),
                Optional.ofNullable(rs.getString("price_entry_id")), Optional.ofNullable(rs.getString("corrects_id")),
                Optional.ofNullable(rs.getString("correction_reason")),
                Times.fromDb(rs.getObject("created_at", LocalDateTime.class)), rs.getString("created_by"));
    }

    // --- the financial-assistance policy

    public void insertAssistancePolicy(Handle h, AssistancePolicy.Version v) {
        AssistancePolicy p = v.policy();
        h.createUpdate("INSERT INTO assistance_policy (id, guideline_year, guideline_first_person, "
                + "guideline_per_additional_person, currency, tiers, source, set_at, set_by) VALUES (:id, :year, "
                + ":first, :additional, :currency, :tiers, :source, :at, :by)").bind("id", v.id())
                .bind("year", p.year()).bind("first", p.guidelineFirstPerson())
                .bind("additional", p.guidelinePerAdditionalPerson()).bind("currency", p.currency())
                .bind("tiers", p.tiersText()).bind("source", p.source()).bind("at", Times.toDb(v.setAt()))
                .bind("by", v.setBy()).execute();
    }

    /** Every policy set, newest first. */
    public List<AssistancePolicy.Version> assistancePolicies(Handle h, int limit) {
        return h.createQuery("SELECT id, guideline_year, guideline_first_person, guideline_per_additional_person, "
                + "currency, tiers, source, set_at, set_by FROM assistance_policy ORDER BY set_at DESC, id DESC")
                .setMaxRows(limit).map((rs, c) -> new AssistancePolicy.Version(rs.getString("id"),
                        new AssistancePolicy(rs.getInt("guideline_year"), rs.getBigDecimal("guideline_first_person"),
                                rs.getBigDecimal("guideline_per_additional_person"), rs.getString("currency").strip(),
                                AssistancePolicy.tiersOf(rs.getString("tiers")), rs.getString("source")),
                        Times.fromDb(rs.getObject("set_at", LocalDateTime.class)), rs.getString("set_by"))).list();
    }

    // --- coverages

    public void insertCoverage(Handle h, PayerCoverage c) {
        Optional<PayerCoverage.PriorAuthorization> pa = c.priorAuthorization();
        h.createUpdate("INSERT INTO coverage (" + COVERAGE + ") VALUES (:id, :patient, :payer, :payerKind, :plan, "
                + ":member, :network, :start, :end, :deductible, :deductibleMet, :coinsurance, :copay, :oopMax, :oopMet, :currency, "
                + ":pa, :paFrom, :paTo, :at, :by)").bindMap(Map.of("id", c.id(), "patient", c.patientId(),
                        "payer", c.payer(), "plan", c.plan(), "member", c.memberId(), "start", c.planYearStart(),
                        "end", c.planYearEnd(), "deductible", c.deductible(), "deductibleMet", c.deductibleMet(),
                        "coinsurance", c.coinsurancePercent()))
                .bind("payerKind", c.payerKind().map(PayerKind::code).orElse(null))
                .bind("network", c.network().map(PayerCoverage.Network::code).orElse(null))
                .bind("copay", c.copayPerVisit()).bind("oopMax", c.outOfPocketMax()).bind("oopMet", c.outOfPocketMet())
                .bind("currency", c.currency()).bind("pa", pa.map(PayerCoverage.PriorAuthorization::number).orElse(null))
                .bind("paFrom", pa.map(PayerCoverage.PriorAuthorization::validFrom).orElse(null))
                .bind("paTo", pa.map(PayerCoverage.PriorAuthorization::validTo).orElse(null))
                .bind("at", Times.toDb(c.createdAt())).bind("by", c.createdBy()).execute();
    }

    /** The patient's coverages, the latest plan year first, the latest recorded first within it. */
    public List<PayerCoverage> coverages(Handle h, String patientId) {
        return h.createQuery("SELECT " + COVERAGE + " FROM coverage WHERE patient_id = :p "
                + "ORDER BY plan_year_start DESC, created_at DESC, id").bind("p", patientId)
                .map((rs, c) -> coverage(rs)).list();
    }

    /** One coverage by its id. */
    public Optional<PayerCoverage> coverage(Handle h, String id) {
        return h.createQuery("SELECT " + COVERAGE + " FROM coverage WHERE id = :id").bind("id", id)
                .map((rs, c) -> coverage(rs)).findOne();
    }

    private static PayerCoverage coverage(ResultSet rs) throws SQLException {
        String pa = rs.getString("prior_auth_number");
        Optional<PayerCoverage.PriorAuthorization> auth = pa == null ? Optional.empty()
                : Optional.of(new PayerCoverage.PriorAuthorization(pa, rs.getObject("prior_auth_valid_from", LocalDate.class),
                        rs.getObject("prior_auth_valid_to", LocalDate.class)));
        return new PayerCoverage(rs.getString("id"), rs.getString("patient_id"), rs.getString("payer"),
                Optional.ofNullable(rs.getString("payer_kind")).flatMap(PayerKind::fromCode), rs.getString("plan_name"),
                rs.getString("member_id"),
                Optional.ofNullable(rs.getString("network")).flatMap(PayerCoverage.Network::fromCode),
                rs.getObject("plan_year_start", LocalDate.class), rs.getObject("plan_year_end", LocalDate.class),
                rs.getBigDecimal("deductible"), rs.getBigDecimal("deductible_met"), rs.getBigDecimal("coinsurance_percent"),
                rs.getBigDecimal("copay_per_visit"), rs.getBigDecimal("out_of_pocket_max"),
                rs.getBigDecimal("out_of_pocket_met"), rs.getString("currency").strip(), auth,
                Times.fromDb(rs.getObject("created_at", LocalDateTime.class)), rs.getString("created_by"));
    }
}
