package org.openapheresis.server.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a course is likely to cost and what the patient is likely to pay, with how it was reached.
 *
 * @param orderId the order
 * @param patientId its patient
 * @param currency ISO 4217 code of every amount
 * @param pricedOn the day whose prices and coverage were used
 * @param sessionsOrdered the sessions the order prescribes
 * @param lines the codes one session earns, with their prices
 * @param chargePerSession the sum of the priced lines
 * @param low the fewest sessions of the range
 * @param high the most sessions of the range (the ordered count when no range is asked)
 * @param coverageId the coverage used; empty when the patient has none holding on {@code pricedOn}
 * @param priorAuthorization the coverage's prior authorisation number, when recorded
 * @param priorAuthorizationHolds whether it holds on {@code pricedOn}
 * @param assumptions what the estimate assumes, in words
 * @param donationForAnother the order collects cells from a donor for another person: the donor pays nothing (the
 *     recipient's coverage or the donor registry pays the charges), so the share is zero and no coverage of the
 *     donor is used
 */
public record Estimate(String orderId, String patientId, String currency, LocalDate pricedOn, int sessionsOrdered,
        List<Line> lines, BigDecimal chargePerSession, Scenario low, Scenario high, Optional<String> coverageId,
        Optional<String> priorAuthorization, boolean priorAuthorizationHolds, List<String> assumptions,
        boolean donationForAnother) {

    public Estimate {
        lines = List.copyOf(lines);
        assumptions = List.copyOf(assumptions);
    }

    /**
     * One code of a session.
     *
     * @param ruleId the code rule
     * @param code the code
     * @param descriptor its checked descriptor
     * @param unitsPerSession units per session
     * @param unitPrice the price list's price on the day; empty when none holds
     * @param amountPerSession units × price; empty with the price
     */
    public record Line(String ruleId, String code, String descriptor, int unitsPerSession,
            Optional<BigDecimal> unitPrice, Optional<BigDecimal> amountPerSession) {
    }

    /**
     * A number of sessions and what they give.
     *
     * @param sessions how many
     * @param share the charges and the patient's share, with its parts (both plan years' when the course crosses
     *     the end of the coverage's plan year)
     * @param sessionsInNextPlanYear of which sessions fall after the plan year's end, shared by the next year's terms
     */
    public record Scenario(int sessions, PatientShare.Breakdown share, int sessionsInNextPlanYear) {
    }
}
