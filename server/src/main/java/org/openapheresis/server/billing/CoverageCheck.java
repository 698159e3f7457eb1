package org.openapheresis.server.billing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openapheresis.procedure.ProcedureType;
import org.openapheresis.server.guideline.GuidelineMatch;

/**
 * Whether an order's indication is likely covered by the patient's payer, before the physician signs: the guideline
 * category, the coverage holding on the course's first day, the coverage rule that matched (with its source, and
 * whether it is a published fact or the unit's own rule), whether prior authorisation is needed, and whether one is
 * recorded that holds on every day of the course. The reasons say each step in words.
 *
 * @param orderId the order
 * @param patientId its patient
 * @param icd10 the order's ICD-10 code
 * @param procedure the ordered procedure
 * @param guideline the order's guideline block (category, grade, row)
 * @param course the days the course runs
 * @param coverage the coverage holding on the course's first day, if any
 * @param nextPlanYear when the course runs past that coverage's plan year, the coverage holding on its last day, if
 *     one is recorded (its payer kind and prior authorisation are checked too)
 * @param verdict the answer
 * @param rule the rule that matched, if any
 * @param priorAuthorizationNeeded what the rule says of prior authorisation; empty without a rule
 * @param priorAuthorization whether a prior authorisation is recorded and holds for the course
 * @param askBilling true when the check cannot answer and billing must (no rule, an UNVERIFIED rule, no payer kind)
 * @param summary the answer in one sentence
 * @param reasons each step in words
 */
public record CoverageCheck(String orderId, String patientId, String icd10, ProcedureType procedure,
        GuidelineMatch guideline, Course course, Optional<PayerCoverage> coverage,
        Optional<PayerCoverage> nextPlanYear, Verdict verdict,
        Optional<CoverageRule> rule, Optional<CoverageRule.PriorAuthorizationNeed> priorAuthorizationNeeded,
        AuthorizationState priorAuthorization, boolean askBilling, String summary, List<String> reasons) {

    public CoverageCheck {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(nextPlanYear, "nextPlanYear");
        reasons = List.copyOf(reasons);
    }

    /** The answer. */
    public enum Verdict {
        /** A rule says the payer covers it (a condition may be attached). */
        COVERED("covered"),
        /** Covered only when the payer authorises it in advance. */
        IF_AUTHORIZED("if-authorized"),
        NOT_COVERED("not-covered"),
        /** The rule that matched is UNVERIFIED: ask billing. */
        NOT_CONFIRMED("not-confirmed"),
        /** No rule matches: ask billing. */
        NO_RULE("no-rule"),
        /** No coverage holds on the course's first day: the patient pays. */
        NO_COVERAGE("no-coverage"),
        /** A collection from a donor for another person: the donor pays nothing; the recipient's coverage pays. */
        DONATION_FOR_ANOTHER("donation-for-another");

        private final String code;

        Verdict(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Optional<Verdict> fromCode(String code) {
            return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
        }
    }

    /**
     * The days the course runs.
     *
     * @param firstDay the first session's day
     * @param lastDay the last session's day
     * @param sessions the sessions ordered
     * @param basis how the days were found, in words
     */
    public record Course(LocalDate firstDay, LocalDate lastDay, int sessions, String basis) {
        public Course {
            if (lastDay.isBefore(firstDay)) {
                throw new IllegalArgumentException("the course ends " + lastDay + " before it starts " + firstDay);
            }
        }
    }

    /** Whether a recorded prior authorisation holds for the course. */
    public enum AuthorizationStatus {
        /** It holds on the course's first and last day. */
        VALID_FOR_COURSE("valid-for-course"),
        /** It is recorded, but does not hold on every day of the course. */
        NOT_VALID_FOR_COURSE("not-valid-for-course"),
        NONE("none");

        private final String code;

        AuthorizationStatus(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /**
     * A prior authorisation on the coverage, and whether it holds for the course. A course that runs into the next
     * plan year needs the days of each year authorised: the first year's authorisation from the first day to the
     * plan year's end, and for the days after it either the same authorisation or the next year's coverage's.
     *
     * @param status whether it holds
     * @param authorization the one recorded on the first day's coverage, if any
     * @param nextPlanYear the one recorded on the next plan year's coverage, if any
     */
    public record AuthorizationState(AuthorizationStatus status, Optional<PayerCoverage.PriorAuthorization> authorization,
            Optional<PayerCoverage.PriorAuthorization> nextPlanYear) {

        static AuthorizationState of(Optional<PayerCoverage> coverage, Optional<PayerCoverage> next, Course course) {
            Optional<PayerCoverage.PriorAuthorization> pa = coverage.flatMap(PayerCoverage::priorAuthorization);
            Optional<PayerCoverage.PriorAuthorization> later = next.flatMap(PayerCoverage::priorAuthorization);
            if (pa.isEmpty() && later.isEmpty()) {
                return new AuthorizationState(AuthorizationStatus.NONE, pa, later);
            }
            boolean holds;
            if (next.isEmpty()) {
                holds = pa.isPresent() && pa.get().holdsOn(course.firstDay()) && pa.get().holdsOn(course.lastDay());
            } else {
                LocalDate yearEnd = coverage.get().planYearEnd();
                LocalDate nextFirst = next.get().planYearStart().isAfter(course.firstDay())
                        ? next.get().planYearStart() : course.firstDay();
                boolean firstYear = pa.isPresent() && pa.get().holdsOn(course.firstDay()) && pa.get().holdsOn(yearEnd);
                boolean sameAfter = pa.isPresent() && pa.get().holdsOn(course.lastDay());
                boolean nextAfter = later.isPresent() && later.get().holdsOn(nextFirst)
                        && later.get().holdsOn(course.lastDay());
                holds = firstYear && (sameAfter || nextAfter);
            }
            return new AuthorizationState(holds ? AuthorizationStatus.VALID_FOR_COURSE
                    : AuthorizationStatus.NOT_VALID_FOR_COURSE, pa, later);
        }

        /** The authorisation numbers recorded, "A" or "A and B". */
        String numbers() {
            return java.util.stream.Stream.of(authorization, nextPlanYear).flatMap(Optional::stream)
                    .map(PayerCoverage.PriorAuthorization::number).distinct()
                    .collect(java.util.stream.Collectors.joining(" and "));
        }
    }

    /**
     * The check of a collection from a donor for another person: not the donor's coverage's to pay, nor the donor's
     * (NMDP: donors never pay for donating; the recipient's insurance or the registry pays the donation's medical
     * costs, docs/sources.md); billing checks the recipient's coverage.
     */
    static CoverageCheck donationForAnother(String orderId, String patientId, String icd10, ProcedureType procedure,
            GuidelineMatch guideline, Course course) {
        List<String> reasons = new ArrayList<>();
        reasons.add(guidelineSentence(guideline, icd10, procedure));
        reasons.add("The course: " + course.basis() + ".");
        reasons.add("The order collects from a donor for another person (a recipient is named): the donor's coverage "
                + "is not asked and the donor pays nothing; the recipient's coverage, or the donor registry, pays the "
                + "donation's medical costs.");
        return new CoverageCheck(orderId, patientId, icd10, procedure, guideline, course, Optional.empty(),
                Optional.empty(), Verdict.DONATION_FOR_ANOTHER, Optional.empty(), Optional.empty(),
                AuthorizationState.of(Optional.empty(), Optional.empty(), course), false, "A donation for another "
                + "person: the donor pays nothing; check the recipient's coverage for the collection.", reasons);
    }

    /**
     * The check of an order's facts against the rules, for the coverage holding on the course's first day.
     *
     * @param coverage the coverage holding on the course's first day, if any
     * @param nextPlanYear the coverage holding on the course's last day when that is after the first coverage's plan
     *     year; ignored otherwise
     */
    static CoverageCheck decide(CoverageRules rules, String orderId, String patientId, String icd10,
            ProcedureType procedure, GuidelineMatch guideline, Course course, Optional<PayerCoverage> coverage,
            Optional<PayerCoverage> nextPlanYear) {
        List<String> reasons = new ArrayList<>();
        reasons.add(guidelineSentence(guideline, icd10, procedure));
        reasons.add("The course: " + course.basis() + ".");
        Optional<PayerCoverage> next = coverage.isPresent() && course.lastDay().isAfter(coverage.get().planYearEnd())
                ? nextPlanYear.filter(n -> n.inPlanYear(course.lastDay())) : Optional.empty();
        AuthorizationState pa = AuthorizationState.of(coverage, next, course);
        if (coverage.isEmpty()) {
            reasons.add("No coverage holds on " + course.firstDay() + ", the course's first day.");
            return new CoverageCheck(orderId, patientId, icd10, procedure, guideline, course, coverage, next,
                    Verdict.NO_COVERAGE, Optional.empty(), Optional.empty(), pa, false, "No coverage on record for "
                    + course.firstDay() + ": the patient pays (self pay); see the estimate and financial assistance.",
                    reasons);
        }
        PayerCoverage c = coverage.get();
        reasons.add("Coverage: " + c.payer() + ", " + c.plan() + " (plan year " + c.planYearStart() + " to "
                + c.planYearEnd() + ")" + c.payerKind().map(k -> ", payer kind " + k.code()).orElse("") + ".");
        boolean payerChanges = false;
        if (course.lastDay().isAfter(c.planYearEnd())) {
            reasons.add("The course runs to " + course.lastDay() + ", past the plan year's end on " + c.planYearEnd()
                    + ": the sessions after it need the next plan year's coverage and authorisation.");
            if (next.isEmpty()) {
                reasons.add("No coverage is recorded for " + course.lastDay() + ": record the next plan year's "
                        + "coverage once the payer confirms it.");
            } else {
                PayerCoverage n = next.get();
                reasons.add("The next plan year's coverage: " + n.payer() + ", " + n.plan() + " (plan year "
                        + n.planYearStart() + " to " + n.planYearEnd() + ")" + n.payerKind().map(k -> ", payer kind "
                        + k.code()).orElse(", payer kind not recorded") + ".");
                payerChanges = n.payerKind().isEmpty() || !n.payerKind().equals(c.payerKind());
                if (payerChanges) {
                    reasons.add("The next plan year's payer kind differs from the first's (or is not recorded), so its "
                            + "rules may differ: this check answers for the first plan year only.");
                }
            }
        }
        reasons.add(authorizationSentence(pa, course, c, next));
        if (c.payerKind().isEmpty()) {
            reasons.add("The coverage's payer kind (medicare, medicare-advantage, medicaid, commercial, other) is not recorded, and the "
                    + "rules are by payer kind.");
            return new CoverageCheck(orderId, patientId, icd10, procedure, guideline, course, coverage, next, Verdict.NO_RULE,
                    Optional.empty(), Optional.empty(), pa, true, "No rule — ask billing: the coverage's payer kind is "
                    + "not recorded.", reasons);
        }
        CoverageFacts facts = new CoverageFacts(c.payerKind().get(), procedure, icd10,
                guideline.matched() ? Optional.ofNullable(guideline.id()) : Optional.empty(),
                Optional.ofNullable(guideline.category()));
        Optional<CoverageRule> match = rules.match(facts);
        if (match.isEmpty()) {
            reasons.add("No coverage rule is written for a " + facts.payer().code() + " payer, "
                    + procedure.displayName() + " and ICD-10 " + icd10 + facts.category().map(k -> " (ASFA category "
                    + k + ")").orElse("") + ".");
            return new CoverageCheck(orderId, patientId, icd10, procedure, guideline, course, coverage, next, Verdict.NO_RULE,
                    Optional.empty(), Optional.empty(), pa, true, "No rule — ask billing: no coverage rule matches this "
                    + "payer and indication.", reasons);
        }
        CoverageRule r = match.get();
        reasons.add("Rule " + r.id() + " (" + r.basis().code() + ", " + r.status().code() + "): " + r.source()
                + r.condition().map(k -> "; condition: " + k).orElse("") + ".");
        if (facts.payer() == PayerKind.MEDICARE_ADVANTAGE && r.payers().contains(PayerKind.MEDICARE)) {
            reasons.add("A Medicare Advantage plan must cover what Medicare's national coverage determinations cover "
                    + "(42 CFR 422.101(b)(1)); it may require prior authorisation where traditional Medicare does not "
                    + "(42 CFR 422.138(b)): ask the plan.");
        }
        if (r.status() == CoverageRule.Status.UNVERIFIED) {
            reasons.add("The rule is UNVERIFIED (its source was not read in the published text), so the check does "
                    + "not say covered.");
            return new CoverageCheck(orderId, patientId, icd10, procedure, guideline, course, coverage, next,
                    Verdict.NOT_CONFIRMED, match, Optional.of(r.priorAuthorization()), pa, true, "Not confirmed — ask "
                    + "billing: the rule " + r.id() + " is UNVERIFIED.", reasons);
        }
        Verdict verdict = switch (r.covered()) {
            case COVERED -> Verdict.COVERED;
            case IF_AUTHORIZED -> Verdict.IF_AUTHORIZED;
            case NOT_COVERED -> Verdict.NOT_COVERED;
        };
        boolean askBilling = payerChanges || r.priorAuthorization() == CoverageRule.PriorAuthorizationNeed.NOT_STATED
                && verdict != Verdict.NOT_COVERED;
        return new CoverageCheck(orderId, patientId, icd10, procedure, guideline, course, coverage, next, verdict, match,
                Optional.of(r.priorAuthorization()), pa, askBilling, summary(r, verdict, pa, payerChanges), reasons);
    }

    private static String summary(CoverageRule r, Verdict verdict, AuthorizationState pa, boolean payerChanges) {
        String who = r.basis() == CoverageRule.Basis.FACT ? "by " + r.id() : "by the unit's rule " + r.id()
                + (r.status() == CoverageRule.Status.EXAMPLE ? " (EXAMPLE)" : "");
        String covered = switch (verdict) {
            case COVERED -> "Covered " + who + r.condition().map(k -> ", " + k).orElse("");
            case IF_AUTHORIZED -> "Covered only if the payer authorises it in advance (" + who + ")";
            default -> "Not covered " + who + r.condition().map(k -> ", " + k).orElse("");
        };
        String auth = switch (r.priorAuthorization()) {
            case NOT_REQUIRED -> "no prior authorisation needed";
            case NOT_STATED -> "the rule says nothing of prior authorisation: ask billing whether the plan needs one";
            case REQUIRED -> switch (pa.status()) {
                case VALID_FOR_COURSE -> "prior authorisation needed and " + pa.numbers()
                        + (pa.numbers().contains(" and ") ? " hold" : " holds") + " for the course";
                case NOT_VALID_FOR_COURSE -> "prior authorisation needed: " + pa.numbers()
                        + " do" + (pa.numbers().contains(" and ") ? "" : "es") + " not hold on every day of the course";
                case NONE -> "prior authorisation needed and none is recorded: ask for one before the course";
            };
        };
        return covered + "; " + auth + (payerChanges ? "; the next plan year's payer differs: ask billing" : "") + ".";
    }

    private static String guidelineSentence(GuidelineMatch g, String icd10, ProcedureType procedure) {
        if (!g.matched() || g.category() == null) {
            return "ICD-10 " + icd10 + ", " + procedure.displayName() + ": no ASFA category"
                    + (g.matched() ? " (the row " + g.id() + " is not an ASFA indication)" : " (no row of the "
                    + "indications table matches)") + ".";
        }
        return "ICD-10 " + icd10 + ", " + procedure.displayName() + ": " + g.indication() + ", ASFA category "
                + g.category() + (g.grade() != null ? ", grade " + g.grade() : "") + " (" + (g.rowSource() != null
                ? g.rowSource() : g.source()) + ").";
    }

    private static String authorizationSentence(AuthorizationState pa, Course course, PayerCoverage first,
            Optional<PayerCoverage> next) {
        String days = "(" + course.firstDay() + " to " + course.lastDay() + ")";
        String recorded = java.util.stream.Stream.of(pa.authorization(), pa.nextPlanYear()).flatMap(Optional::stream)
                .distinct().map(a -> a.number() + " holds from " + a.validFrom() + " to " + a.validTo())
                .collect(java.util.stream.Collectors.joining(" and "));
        return switch (pa.status()) {
            case NONE -> "No prior authorisation is recorded on the coverage" + (next.isPresent() ? "s" : "") + ".";
            case VALID_FOR_COURSE -> "Prior authorisation " + recorded + ", every day of the course " + days + ".";
            case NOT_VALID_FOR_COURSE -> "Prior authorisation " + recorded + ", not every day of the course " + days
                    + (next.isPresent() ? missingYear(pa, course, first) : "") + ".";
        };
    }

    /** Which plan year's days are not authorised, for a course running into the next plan year. */
    private static String missingYear(AuthorizationState pa, Course course, PayerCoverage first) {
        boolean firstYear = pa.authorization().filter(a -> a.holdsOn(course.firstDay())
                && a.holdsOn(first.planYearEnd())).isPresent();
        return firstYear ? "; the days after " + first.planYearEnd() + " need the next plan year's authorisation"
                : "; the days to " + first.planYearEnd() + " are not all authorised";
    }
}
