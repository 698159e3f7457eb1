package org.openapheresis.server.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openapheresis.server.session.Vocabulary;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/**
 * One coverage of a patient for a plan year, as the payer states it; amounts in {@code currency}.
 *
 * @param id id
 * @param patientId the patient
 * @param payer e.g. the insurer
 * @param payerKind what kind of payer (the coverage rules are by kind); empty when not recorded (coverages recorded
 *     before the kind was asked for), and the coverage check then answers "no rule — ask billing"
 * @param plan the plan's name
 * @param memberId the patient's member id with the payer
 * @param network whether the unit is in the plan's network, when known
 * @param planYearStart first day of the plan year
 * @param planYearEnd last day of the plan year (inclusive)
 * @param deductible the plan year's deductible
 * @param deductibleMet what the patient has paid towards it so far
 * @param coinsurancePercent the patient's percentage after the deductible, 0..100
 * @param copayPerVisit the patient's fixed amount per visit after the deductible, 0 when none
 * @param outOfPocketMax the plan year's out-of-pocket maximum
 * @param outOfPocketMet what the patient has paid towards it so far
 * @param currency ISO 4217 code
 * @param priorAuthorization the prior authorisation for the unit's procedures, when there is one
 * @param createdAt recorded at
 * @param createdBy recorded by
 */
public record PayerCoverage(String id, String patientId, String payer, Optional<PayerKind> payerKind, String plan,
        String memberId, Optional<Network> network, LocalDate planYearStart, LocalDate planYearEnd, BigDecimal deductible,
        BigDecimal deductibleMet, BigDecimal coinsurancePercent, BigDecimal copayPerVisit, BigDecimal outOfPocketMax,
        BigDecimal outOfPocketMet, String currency, Optional<PriorAuthorization> priorAuthorization,
        Instant createdAt, String createdBy) {

    /** Whether the unit is in the plan's network. */
    public enum Network {
        IN_NETWORK("in-network"), OUT_OF_NETWORK("out-of-network");

        private final String code;

        Network(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        @Override
        public String toString() {
            return code;
        }

        public static Optional<Network> fromCode(String code) {
            return Vocabulary.fromCode(Network.class, code);
        }

        public static List<String> codes() {
            return Vocabulary.codes(Network.class);
        }
    }

    /**
     * A prior authorisation and the days it holds.
     *
     * @param number the payer's authorisation number
     * @param validFrom first day
     * @param validTo last day (inclusive)
     */
    public record PriorAuthorization(String number, LocalDate validFrom, LocalDate validTo) {
        public PriorAuthorization {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(validFrom, "validFrom");
            Objects.requireNonNull(validTo, "validTo");
            if (validTo.isBefore(validFrom)) {
                throw InvalidInputException.of("priorAuthorization.validTo", MessageKey.INVALID, validTo
                        + " is before validFrom " + validFrom);
            }
        }

        public boolean holdsOn(LocalDate day) {
            return !day.isBefore(validFrom) && !day.isAfter(validTo);
        }
    }

    public PayerCoverage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(payer, "payer");
        Objects.requireNonNull(payerKind, "payerKind");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(planYearStart, "planYearStart");
        Objects.requireNonNull(planYearEnd, "planYearEnd");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(priorAuthorization, "priorAuthorization");
        List<Problem> problems = new ArrayList<>();
        if (planYearEnd.isBefore(planYearStart)) {
            problems.add(Problem.of("planYearEnd", MessageKey.INVALID, planYearEnd + " is before planYearStart "
                    + planYearStart));
        }
        Money.notNegative(problems, "deductible", deductible);
        Money.notNegative(problems, "deductibleMet", deductibleMet);
        Money.notNegative(problems, "copayPerVisit", copayPerVisit);
        Money.notNegative(problems, "outOfPocketMax", outOfPocketMax);
        Money.notNegative(problems, "outOfPocketMet", outOfPocketMet);
        if (coinsurancePercent.signum() < 0 || coinsurancePercent.compareTo(CostSharing.HUNDRED) > 0) {
            problems.add(Problem.of("coinsurancePercent", MessageKey.OUT_OF_RANGE, coinsurancePercent.toPlainString()
                    + " %", "0 %", "100 %"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("the coverage is refused", problems);
        }
    }

    /** True when the day lies in the plan year. */
    public boolean inPlanYear(LocalDate day) {
        return !day.isBefore(planYearStart) && !day.isAfter(planYearEnd);
    }

    /**
     * The terms at the start of the next plan year if the plan renews unchanged: the whole deductible and the whole
     * out-of-pocket maximum again, nothing met (an assumption the estimate states).
     */
    public CostSharing renewed() {
        return CostSharing.of(deductible, BigDecimal.ZERO, coinsurancePercent, copayPerVisit, outOfPocketMax,
                BigDecimal.ZERO);
    }

    /** The terms as met so far, for {@link PatientShare}. */
    public CostSharing costSharing() {
        return CostSharing.of(deductible, deductibleMet, coinsurancePercent, copayPerVisit, outOfPocketMax,
                outOfPocketMet);
    }
}
