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
 * @param verdict the answer
 * @param rule the rule that matched, if any
 * @param priorAuthorizationNeeded what the rule says of prior authorisation; empty without a rule
 * @param priorAuthorization whether a prior authorisation is recorded and holds for the course
 * @param askBilling true when the check cannot answer and billing must (no rule, an UNVERIFIED rule, no payer kind)
 * @param summary the answer in one sentence
 * @param reasons each step in words
 */
public record CoverageCheck(String orderId, String patientId, String icd10, ProcedureType procedure,
        GuidelineMatch guideline, Course course, Optional<PayerCoverage> coverage, Verdict verdict,
        Optional<CoverageRule> rule, Optional<CoverageRule.PriorAuthorizationNeed> priorAuthorizationNeeded,
        AuthorizationState priorAuthorization, boolean askBilling, String summary, List<String> reasons) {

    public CoverageCheck {
        Objects.requireNonNull(verdict, "verdict");
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
        NO_COVERAGE("no-coverage");

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
     * A prior authorisation on the coverage, and whether it holds for the course.
     *
     * @param status whether it holds
     * @param authorization the one recorded, if any
     */
    public record AuthorizationState(AuthorizationStatus status, Optional<PayerCoverage.PriorAuthorization> authorization) {

        static AuthorizationState of(Optional<PayerCoverage> coverage, Course course) {
            Optional<PayerCoverage.PriorAuthorization> pa = coverage.flatMap(PayerCoverage::priorAuthorization);
            if (pa.isEmpty()) {
                return new AuthorizationState(AuthorizationStatus.NONE, pa);
            }
            boolean holds = pa.get().holdsOn(course.firstDay()) && pa.get().holdsOn(course.lastDay());
            return new AuthorizationState(holds ? AuthorizationStatus.VALID_FOR_COURSE
                    : AuthorizationStatus.NOT_VALID_FOR_COURSE, pa);
        }
    }

    /**
     * The check of an order's facts against the rules, for the coverage holding on the course's first day.
     *
     * @param coverage the coverage holding on the course's first day, if any
     */
    static CoverageCheck decide(CoverageRules rules, String orderId, String patientId, String icd10,
            ProcedureType procedure, GuidelineMatch guideline, Course course, Optional<PayerCoverage> coverage) {
        List<String> reasons = new ArrayList<>();
        reasons.add(guidelineSentence(guideline, icd10, procedure));
        reasons.add("The course: " + course.basis() + ".");
        AuthorizationState pa = AuthorizationState.of(coverage, course);
        if (coverage.isEmpty()) {
            reasons.add("No coverage holds on " + course.firstDay() + ", the course's first day.");
            return new CoverageCheck(orderId, patientId, icd10, procedure, guideline, course, coverage,
                    Verdict.NO_COVERAGE, Optional.empty(), Optional.empty(), pa, false, "No coverage on record for "
                    + course.firstDay() + ": the patient pays (self pay); see the estimate and financial assistance.",
                    reasons);
        }
        PayerCoverage c = coverage.get();
        reasons.add("Coverage: " + c.payer() + ", " + c.plan() + " (plan year " + c.planYearStart() + " to "
                + c.planYearEnd() + ")" + c.payerKind().map(k -> ", payer kind " + k.code()).orElse("") + ".");
        if (course.lastDay().isAfter(c.planYearEnd())) {
            reasons.add("The course runs to " + course.lastDay() + ", past the plan year's end on " + c.planYearEnd()
                    + ": the sessions after it need the next plan year's coverage and authorisation.");
        }
        reasons.add(authorizationSentence(pa, course));
        if (c.payerKind().isEmpty()) {
            reasons.add("The coverage's payer kind (medicare, medicaid, commercial, other) is not recorded, and the "
                    + "rules are by payer kind.");
            return new CoverageCheck(orderId, patientId, icd10, procedure, guideline, course, coverage, Verdict.NO_RULE,
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
            return new CoverageCheck(orderId, patientId, icd10, procedure, guideline, course, coverage, Verdict.NO_RULE,
                    Optional.empty(), Optional.empty(), pa, true, "No rule — ask billing: no coverage rule matches this "
                    + "payer and indication.", reasons);
        }
        CoverageRule r = match.get();
        reasons.add("Rule " + r.id() + " (" + r.basis().code() + ", " + r.status().code() + "): " + r.source()
                + r.condition().map(k -> "; condition: " + k).orElse("") + ".");
        if (r.status() == CoverageRule.Status.UNVERIFIED) {
            reasons.add("The rule is UNVERIFIED (its source was not read in the published text), so the check does "
                    + "not say covered.");
            return new CoverageCheck(orderId, patientId, icd10, procedure, guideline, course, coverage,
                    Verdict.NOT_CONFIRMED, match, Optional.of(r.priorAuthorization()), pa, true, "Not confirmed — ask "
                    + "billing: the rule " + r.id() + " is UNVERIFIED.", reasons);
        }
        Verdict verdict = switch (r.covered()) {
            case COVERED -> Verdict.COVERED;
            case IF_AUTHORIZED -> Verdict.IF_AUTHORIZED;
            case NOT_COVERED -> Verdict.NOT_COVERED;
        };
        return new CoverageCheck(orderId, patientId, icd10, procedure, guideline, course, coverage, verdict, match,
                Optional.of(r.priorAuthorization()), pa, r.priorAuthorization() == CoverageRule.PriorAuthorizationNeed
                        .NOT_STATED && verdict != Verdict.NOT_COVERED, summary(r, verdict, pa), reasons);
    }

    private static String summary(CoverageRule r, Verdict verdict, AuthorizationState pa) {
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
                case VALID_FOR_COURSE -> "prior authorisation needed and " + pa.authorization().get().number()
                        + " holds for the course";
                case NOT_VALID_FOR_COURSE -> "prior authorisation needed: " + pa.authorization().get().number()
                        + " does not hold on every day of the course";
                case NONE -> "prior authorisation needed and none is recorded: ask for one before the course";
            };
        };
        return covered + "; " + auth + ".";
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

    private static String authorizationSentence(AuthorizationState pa, Course course) {
        return switch (pa.status()) {
            case NONE -> "No prior authorisation is recorded on the coverage.";
            case VALID_FOR_COURSE -> "Prior authorisation " + pa.authorization().get().number() + " holds from "
                    + pa.authorization().get().validFrom() + " to " + pa.authorization().get().validTo()
                    + ", every day of the course (" + course.firstDay() + " to " + course.lastDay() + ").";
            case NOT_VALID_FOR_COURSE -> "Prior authorisation " + pa.authorization().get().number() + " holds from "
                    + pa.authorization().get().validFrom() + " to " + pa.authorization().get().validTo()
                    + ", not every day of the course (" + course.firstDay() + " to " + course.lastDay() + ").";
        };
    }
}
