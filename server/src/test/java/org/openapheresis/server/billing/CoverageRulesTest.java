package org.openapheresis.server.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openapheresis.procedure.ProcedureType;
import org.openapheresis.server.guideline.GuidelineMatch;
import org.openapheresis.server.guideline.GuidelineRow;
import org.openapheresis.server.guideline.Guidelines;

/**
 * Each coverage rule from a worked record: a payer kind, an order's ICD-10 code, procedure and guideline row, and
 * the answer the check gives, with the rule that gave it. Then the cases no rule answers, which must say "ask
 * billing" and never "covered".
 */
class CoverageRulesTest {

    private static final Guidelines TABLE = Guidelines.load();
    private static final CoverageRules RULES = CoverageRules.load(TABLE);
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    /** Five sessions every 48 h from Monday 2 March 2026: 2 to 10 March. */
    private static final CoverageCheck.Course COURSE = new CoverageCheck.Course(MONDAY, MONDAY.plusDays(8), 5,
            "five sessions every 48 h");

    /** The guideline block an order matched to this row carries. */
    private static GuidelineMatch row(String id) {
        GuidelineRow r = TABLE.row(id).orElseThrow(() -> new AssertionError("no row " + id));
        return new GuidelineMatch(true, r.id(), r.indication(), r.category(), r.grade(), r.prescription(),
                r.verified(), TABLE.table().source(), TABLE.table().note(), r.asfaModality(), r.source(),
                r.verificationText(), null);
    }

    /** A coverage of the kind for 2026, optionally with a prior authorisation. */
    private static PayerCoverage coverage(Optional<PayerKind> kind, Optional<PayerCoverage.PriorAuthorization> pa) {
        return new PayerCoverage("cov-1", "p1", "Example payer", kind, "Example plan", "M-1", Optional.empty(),
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), new BigDecimal("500"), BigDecimal.ZERO,
                new BigDecimal("20"), BigDecimal.ZERO, new BigDecimal("5000"), BigDecimal.ZERO, "USD", pa,
                Instant.parse("2026-01-05T09:00:00Z"), "billing.novak");
    }

    private static CoverageCheck check(PayerKind kind, String icd10, ProcedureType procedure, GuidelineMatch g,
            Optional<PayerCoverage.PriorAuthorization> pa) {
        return CoverageCheck.decide(RULES, "o1", "p1", icd10, procedure, g, COURSE,
                Optional.of(coverage(Optional.of(kind), pa)), Optional.empty());
    }

    private static CoverageCheck check(PayerKind kind, String icd10, ProcedureType procedure, String rowId) {
        return check(kind, icd10, procedure, row(rowId), Optional.empty());
    }

    /** {@code verdict by RULE}, or {@code verdict} when no rule answered. */
    private static String answer(CoverageCheck c) {
        return c.verdict().code() + c.rule().map(r -> " by " + r.id()).orElse("");
    }

    private static final Optional<PayerCoverage.PriorAuthorization> PA_FOR_MARCH = Optional.of(
            new PayerCoverage.PriorAuthorization("PA-77", LocalDate.of(2026, 2, 20), LocalDate.of(2026, 3, 31)));

    // --- NCD 110.14 (facts)

    @Test
    @ChecksCoverageRule("NCD_110_14_MYASTHENIA")
    void medicare_covers_plasma_exchange_for_myasthenia_gravis_with_exacerbation_by_ncd_110_14() {
        CoverageCheck c = check(PayerKind.MEDICARE, "G70.01", ProcedureType.PLASMA_EXCHANGE, "myasthenia-gravis-acute");
        assertThat(answer(c)).isEqualTo("covered by NCD_110_14_MYASTHENIA");
        assertThat(c.rule().get().basis()).isEqualTo(CoverageRule.Basis.FACT);
        assertThat(c.rule().get().source()).contains("NCD 110.14").contains("acquired myasthenia gravis");
        // the NCD says nothing of prior authorisation: the check says so and sends the question to billing
        assertThat(c.priorAuthorizationNeeded()).contains(CoverageRule.PriorAuthorizationNeed.NOT_STATED);
        assertThat(c.askBilling()).isTrue();
        assertThat(c.summary()).startsWith("Covered by NCD_110_14_MYASTHENIA").contains("ask billing");
        assertThat(c.reasons()).anySatisfy(r -> assertThat(r).contains("ASFA category I"));
    }

    @Test
    void medicare_plasma_exchange_rule_does_not_cover_immunoadsorption_for_myasthenia() {
        CoverageCheck c = check(PayerKind.MEDICARE, "G70.01", ProcedureType.IMMUNOADSORPTION,
                "myasthenia-gravis-acute-short-term-treatment-ia");
        assertThat(answer(c)).isEqualTo("no-rule");
        assertThat(c.summary()).startsWith("No rule — ask billing");
    }

    @Test
    @ChecksCoverageRule("NCD_110_14_LEUKEMIA")
    void medicare_covers_leukapheresis_for_acute_myeloid_leukaemia_with_hyperleukocytosis() {
        CoverageCheck c = check(PayerKind.MEDICARE, "C92.00", ProcedureType.LEUKOCYTAPHERESIS, "hyperleukocytosis");
        assertThat(answer(c)).isEqualTo("covered by NCD_110_14_LEUKEMIA");
        // ASFA rates it category III; the NCD covers it all the same: both are shown
        assertThat(c.guideline().category()).isEqualTo("III");
        // a raised white cell count that is not leukaemia is not the NCD's line
        assertThat(answer(check(PayerKind.MEDICARE, "D72.829", ProcedureType.LEUKOCYTAPHERESIS, "hyperleukocytosis")))
                .isEqualTo("no-rule");
    }

    @Test
    @ChecksCoverageRule("NCD_110_14_WALDENSTROM")
    void medicare_covers_plasma_exchange_for_symptomatic_hyperviscosity_in_waldenstrom_macroglobulinaemia() {
        assertThat(answer(check(PayerKind.MEDICARE, "C88.0", ProcedureType.PLASMA_EXCHANGE,
                "hyperviscosity-hypergammaglobulinemia-symptomatic-tpe"))).isEqualTo("covered by NCD_110_14_WALDENSTROM");
    }

    @Test
    @ChecksCoverageRule("NCD_110_14_HYPERGLOBULINEMIA")
    void medicare_covers_plasma_exchange_for_myeloma_cast_nephropathy_and_cryoglobulinaemia_but_not_their_ia() {
        assertThat(answer(check(PayerKind.MEDICARE, "C90.00", ProcedureType.PLASMA_EXCHANGE,
                "myeloma-cast-nephropathy-tpe"))).isEqualTo("covered by NCD_110_14_HYPERGLOBULINEMIA");
        assertThat(answer(check(PayerKind.MEDICARE, "D89.1", ProcedureType.PLASMA_EXCHANGE,
                "cryoglobulinemia-severe-symptomatic-tpe"))).isEqualTo("covered by NCD_110_14_HYPERGLOBULINEMIA");
        assertThat(answer(check(PayerKind.MEDICARE, "D89.1", ProcedureType.IMMUNOADSORPTION, "cryoglobulinemia-ia")))
                .isEqualTo("no-rule");
    }

    @Test
    @ChecksCoverageRule("NCD_110_14_TTP")
    void medicare_covers_plasma_exchange_for_ttp_as_a_last_resort_and_says_the_condition() {
        CoverageCheck c = check(PayerKind.MEDICARE, "M31.19", ProcedureType.PLASMA_EXCHANGE, "ttp");
        assertThat(answer(c)).isEqualTo("covered by NCD_110_14_TTP");
        assertThat(c.rule().get().condition()).contains("as a last resort treatment (the NCD's words)");
        assertThat(c.summary()).contains("as a last resort treatment");
    }

    @Test
    @ChecksCoverageRule("NCD_110_14_GOODPASTURE")
    void medicare_covers_plasma_exchange_for_anti_gbm_disease_with_alveolar_haemorrhage_as_goodpasture_syndrome() {
        assertThat(answer(check(PayerKind.MEDICARE, "M31.0", ProcedureType.PLASMA_EXCHANGE,
                "anti-glomerular-basement-membrane-disease-diffuse-alveolar-tpe")))
                .isEqualTo("covered by NCD_110_14_GOODPASTURE");
    }

    @Test
    @ChecksCoverageRule("NCD_110_14_GUILLAIN_BARRE")
    void an_unverified_ncd_line_for_guillain_barre_is_not_confirmed_and_sends_the_question_to_billing() {
        CoverageCheck c = check(PayerKind.MEDICARE, "G61.0", ProcedureType.PLASMA_EXCHANGE, "gbs");
        assertThat(answer(c)).isEqualTo("not-confirmed by NCD_110_14_GUILLAIN_BARRE");
        assertThat(c.askBilling()).isTrue();
        assertThat(c.summary()).startsWith("Not confirmed — ask billing").contains("UNVERIFIED");
    }

    @Test
    @ChecksCoverageRule("NCD_110_14_CHRONIC_POLYNEUROPATHY")
    void an_unverified_ncd_line_for_cidp_is_not_confirmed() {
        CoverageCheck c = check(PayerKind.MEDICARE, "G61.81", ProcedureType.PLASMA_EXCHANGE,
                "chronic-inflammatory-demyelinating-polyradiculoneuropathy-tpe");
        assertThat(answer(c)).isEqualTo("not-confirmed by NCD_110_14_CHRONIC_POLYNEUROPATHY");
        assertThat(c.verdict()).isNotEqualTo(CoverageCheck.Verdict.COVERED);
    }

    @Test
    void medicare_has_no_rule_for_plasma_exchange_in_an_ms_relapse_the_ncd_does_not_list() {
        CoverageCheck c = check(PayerKind.MEDICARE, "G35.A", ProcedureType.PLASMA_EXCHANGE, "ms-relapse");
        assertThat(answer(c)).isEqualTo("no-rule");
        assertThat(c.askBilling()).isTrue();
        assertThat(c.reasons()).anySatisfy(r -> assertThat(r).contains("No coverage rule is written for a medicare "
                + "payer"));
    }

    // --- NCD 110.4 (facts)

    @Test
    @ChecksCoverageRule("NCD_110_4_CTCL")
    void medicare_covers_photopheresis_for_sezary_syndrome_skin_manifestations() {
        CoverageCheck c = check(PayerKind.MEDICARE, "C84.10", ProcedureType.PHOTOPHERESIS,
                "cutaneous-t-cell-lymphoma-erythrodermic-mycosis-fungoides-sezary-ecp");
        assertThat(answer(c)).isEqualTo("covered by NCD_110_4_CTCL");
        assertThat(c.rule().get().condition().orElseThrow()).contains("not responded to other therapy");
    }

    @Test
    @ChecksCoverageRule("NCD_110_4_CARDIAC_REJECTION")
    void medicare_covers_photopheresis_for_cellular_rejection_of_a_heart_transplant_but_not_its_prophylaxis() {
        assertThat(answer(check(PayerKind.MEDICARE, "T86.21", ProcedureType.PHOTOPHERESIS,
                "transplantation-heart-cellular-rejection-ecp"))).isEqualTo("covered by NCD_110_4_CARDIAC_REJECTION");
        assertThat(answer(check(PayerKind.MEDICARE, "T86.21", ProcedureType.PHOTOPHERESIS,
                "transplantation-heart-rejection-prophylaxis-ecp"))).isEqualTo("not-covered by NCD_110_4_OTHER");
    }

    @Test
    @ChecksCoverageRule("NCD_110_4_CHRONIC_GVHD")
    void medicare_covers_photopheresis_for_refractory_chronic_gvhd() {
        CoverageCheck c = check(PayerKind.MEDICARE, "D89.811", ProcedureType.PHOTOPHERESIS,
                "graft-versus-host-disease-chronic-ecp");
        assertThat(answer(c)).isEqualTo("covered by NCD_110_4_CHRONIC_GVHD");
        assertThat(c.summary()).contains("refractory to standard immunosuppressive drug treatment");
    }

    @Test
    @ChecksCoverageRule("NCD_110_4_BOS_STUDY_ONLY")
    void medicare_covers_photopheresis_for_bronchiolitis_obliterans_only_within_a_study() {
        CoverageCheck c = check(PayerKind.MEDICARE, "J44.9", ProcedureType.PHOTOPHERESIS,
                "transplantation-lung-bronchiolitis-obliterans-syndrome-ecp");
        assertThat(answer(c)).isEqualTo("covered by NCD_110_4_BOS_STUDY_ONLY");
        assertThat(c.summary()).contains("only within a clinical research study");
    }

    @Test
    @ChecksCoverageRule("NCD_110_4_OTHER")
    void medicare_does_not_cover_photopheresis_for_acute_gvhd_all_other_indications_being_non_covered() {
        CoverageCheck c = check(PayerKind.MEDICARE, "D89.810", ProcedureType.PHOTOPHERESIS,
                "graft-versus-host-disease-acute-ecp");
        assertThat(answer(c)).isEqualTo("not-covered by NCD_110_4_OTHER");
        assertThat(c.askBilling()).isFalse();
        assertThat(c.summary()).startsWith("Not covered by NCD_110_4_OTHER");
    }

    // --- the unit's own rules (EXAMPLE)

    @Test
    @ChecksCoverageRule("UNIT_COMMERCIAL_CATEGORY_I")
    void a_commercial_plan_covers_category_i_ttp_without_prior_authorisation_by_the_units_example_rule() {
        CoverageCheck c = check(PayerKind.COMMERCIAL, "M31.19", ProcedureType.PLASMA_EXCHANGE, "ttp");
        assertThat(answer(c)).isEqualTo("covered by UNIT_COMMERCIAL_CATEGORY_I");
        assertThat(c.rule().get().basis()).isEqualTo(CoverageRule.Basis.UNIT_RULE);
        assertThat(c.rule().get().status()).isEqualTo(CoverageRule.Status.EXAMPLE);
        assertThat(c.priorAuthorizationNeeded()).contains(CoverageRule.PriorAuthorizationNeed.NOT_REQUIRED);
        assertThat(c.summary()).contains("the unit's rule").contains("(EXAMPLE)").contains("no prior authorisation");
    }

    @Test
    @ChecksCoverageRule("UNIT_COMMERCIAL_CATEGORY_II")
    void a_commercial_plan_covers_a_category_ii_ms_relapse_with_a_prior_authorisation_holding_for_the_course() {
        CoverageCheck with = check(PayerKind.COMMERCIAL, "G35.A", ProcedureType.PLASMA_EXCHANGE, row("ms-relapse"),
                PA_FOR_MARCH);
        assertThat(answer(with)).isEqualTo("covered by UNIT_COMMERCIAL_CATEGORY_II");
        assertThat(with.priorAuthorization().status()).isEqualTo(CoverageCheck.AuthorizationStatus.VALID_FOR_COURSE);
        assertThat(with.summary()).contains("PA-77 holds for the course");
        CoverageCheck without = check(PayerKind.COMMERCIAL, "G35.A", ProcedureType.PLASMA_EXCHANGE, "ms-relapse");
        assertThat(without.priorAuthorization().status()).isEqualTo(CoverageCheck.AuthorizationStatus.NONE);
        assertThat(without.summary()).contains("prior authorisation needed and none is recorded");
    }

    @Test
    @ChecksCoverageRule("UNIT_COMMERCIAL_CATEGORY_III")
    void a_commercial_plan_covers_a_category_iii_progressive_ms_only_if_authorised() {
        CoverageCheck c = check(PayerKind.COMMERCIAL, "G35.A", ProcedureType.PLASMA_EXCHANGE,
                "multiple-sclerosis-chronic-primary-secondary-progressive-tpe");
        assertThat(answer(c)).isEqualTo("if-authorized by UNIT_COMMERCIAL_CATEGORY_III");
        assertThat(c.summary()).startsWith("Covered only if the payer authorises it in advance");
    }

    @Test
    @ChecksCoverageRule("UNIT_COMMERCIAL_CATEGORY_IV")
    void a_commercial_plan_is_expected_to_refuse_category_iv_psoriasis_unless_authorised() {
        CoverageCheck c = check(PayerKind.COMMERCIAL, "L40.0", ProcedureType.PLASMA_EXCHANGE, "psoriasis-tpe");
        assertThat(answer(c)).isEqualTo("not-covered by UNIT_COMMERCIAL_CATEGORY_IV");
        assertThat(c.priorAuthorizationNeeded()).contains(CoverageRule.PriorAuthorizationNeed.REQUIRED);
    }

    // --- what no rule answers

    @Test
    void a_commercial_hpc_collection_has_no_asfa_category_and_no_rule() {
        CoverageCheck c = check(PayerKind.COMMERCIAL, "Z52.091", ProcedureType.HPC_COLLECTION, "hpc-collection");
        assertThat(answer(c)).isEqualTo("no-rule");
        assertThat(c.reasons().get(0)).contains("no ASFA category");
    }

    // --- Medicare Advantage (42 CFR 422.101: an NCD's coverage binds it; its non-coverage does not)

    @Test
    void a_medicare_advantage_plan_covers_what_an_ncd_covers_and_is_asked_about_prior_authorisation() {
        CoverageCheck c = check(PayerKind.MEDICARE_ADVANTAGE, "G70.01", ProcedureType.PLASMA_EXCHANGE,
                "myasthenia-gravis-acute");
        assertThat(answer(c)).isEqualTo("covered by NCD_110_14_MYASTHENIA");
        assertThat(c.askBilling()).isTrue();
        assertThat(c.reasons()).anySatisfy(r -> assertThat(r).contains("Medicare Advantage").contains("422.101")
                .contains("422.138"));
        assertThat(check(PayerKind.MEDICARE, "G70.01", ProcedureType.PLASMA_EXCHANGE, "myasthenia-gravis-acute")
                .reasons()).noneSatisfy(r -> assertThat(r).contains("Medicare Advantage"));
        assertThat(answer(check(PayerKind.MEDICARE_ADVANTAGE, "C84.10", ProcedureType.PHOTOPHERESIS,
                "cutaneous-t-cell-lymphoma-erythrodermic-mycosis-fungoides-sezary-ecp")))
                .isEqualTo("covered by NCD_110_4_CTCL");
    }

    @Test
    void an_ncds_non_coverage_and_its_study_only_coverage_do_not_answer_for_a_medicare_advantage_plan() {
        CoverageCheck acute = check(PayerKind.MEDICARE_ADVANTAGE, "D89.810", ProcedureType.PHOTOPHERESIS,
                "graft-versus-host-disease-acute-ecp");
        assertThat(answer(acute)).as("the plan may offer more than Medicare").isEqualTo("no-rule");
        assertThat(acute.askBilling()).isTrue();
        assertThat(answer(check(PayerKind.MEDICARE_ADVANTAGE, "J44.9", ProcedureType.PHOTOPHERESIS,
                "transplantation-lung-bronchiolitis-obliterans-syndrome-ecp"))).isEqualTo("no-rule");
    }

    @Test
    void medicaid_and_other_payers_have_no_rule_and_are_asked_of_billing() {
        for (PayerKind k : new PayerKind[] {PayerKind.MEDICAID, PayerKind.OTHER}) {
            CoverageCheck c = check(k, "G70.01", ProcedureType.PLASMA_EXCHANGE, "myasthenia-gravis-acute");
            assertThat(answer(c)).as(k.code()).isEqualTo("no-rule");
            assertThat(c.askBilling()).isTrue();
        }
    }

    @Test
    void a_coverage_without_its_payer_kind_is_no_rule_ask_billing() {
        CoverageCheck c = CoverageCheck.decide(RULES, "o1", "p1", "M31.19", ProcedureType.PLASMA_EXCHANGE, row("ttp"),
                COURSE, Optional.of(coverage(Optional.empty(), Optional.empty())), Optional.empty());
        assertThat(answer(c)).isEqualTo("no-rule");
        assertThat(c.summary()).isEqualTo("No rule — ask billing: the coverage's payer kind is not recorded.");
    }

    @Test
    void no_coverage_on_the_first_day_is_self_pay() {
        CoverageCheck c = CoverageCheck.decide(RULES, "o1", "p1", "M31.19", ProcedureType.PLASMA_EXCHANGE, row("ttp"),
                COURSE, Optional.empty(), Optional.empty());
        assertThat(answer(c)).isEqualTo("no-coverage");
        assertThat(c.summary()).contains("self pay");
    }

    @Test
    void an_authorisation_ending_on_5_march_does_not_hold_for_a_course_running_to_10_march() {
        Optional<PayerCoverage.PriorAuthorization> ends = Optional.of(new PayerCoverage.PriorAuthorization("PA-9",
                LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 5)));
        CoverageCheck c = check(PayerKind.COMMERCIAL, "G35.A", ProcedureType.PLASMA_EXCHANGE, row("ms-relapse"), ends);
        assertThat(c.priorAuthorization().status()).isEqualTo(CoverageCheck.AuthorizationStatus.NOT_VALID_FOR_COURSE);
        assertThat(c.summary()).contains("PA-9 does not hold on every day of the course");
        assertThat(c.reasons()).anySatisfy(r -> assertThat(r).contains("not every day of the course (2026-03-02 to "
                + "2026-03-10)"));
    }

    @Test
    void every_rule_has_its_own_test_and_every_test_names_a_rule() {
        Set<String> tested = Arrays.stream(CoverageRulesTest.class.getDeclaredMethods())
                .map(m -> m.getAnnotation(ChecksCoverageRule.class)).filter(a -> a != null)
                .map(ChecksCoverageRule::value).collect(Collectors.toSet());
        Set<String> rules = RULES.rules().stream().map(CoverageRule::id).collect(Collectors.toSet());
        assertThat(rules).as("rules without a test").isSubsetOf(tested);
        assertThat(tested).as("tests naming no rule").isSubsetOf(rules);
        assertThat(Arrays.stream(CoverageRulesTest.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(ChecksCoverageRule.class)).count()).isEqualTo(rules.size());
    }

    @Test
    void facts_and_the_units_rules_are_kept_apart_and_each_names_its_source() {
        assertThat(RULES.rules()).allSatisfy(r -> {
            assertThat(r.source()).isNotBlank();
            if (r.basis() == CoverageRule.Basis.FACT) {
                assertThat(r.source()).as(r.id()).containsAnyOf("NCD 110.14", "NCD 110.4");
                assertThat(r.status()).isIn(CoverageRule.Status.VERIFIED, CoverageRule.Status.UNVERIFIED);
            } else {
                assertThat(r.source()).as(r.id()).startsWith("UNIT RULE");
                assertThat(r.status()).isIn(CoverageRule.Status.EXAMPLE, CoverageRule.Status.UNIT_RULE);
            }
        });
        // an UNVERIFIED fact says so in its source
        assertThat(RULES.rules()).filteredOn(r -> r.status() == CoverageRule.Status.UNVERIFIED)
                .isNotEmpty().allSatisfy(r -> assertThat(r.source()).contains("UNVERIFIED"));
    }

    // --- a course running into the next plan year

    /** Five exchanges from 28 December 2026 to 5 January 2027. */
    private static final CoverageCheck.Course NEW_YEAR = new CoverageCheck.Course(LocalDate.of(2026, 12, 28),
            LocalDate.of(2027, 1, 5), 5, "five sessions every 48 h");

    private static PayerCoverage yearOf(int year, String id, PayerKind kind, Optional<PayerCoverage.PriorAuthorization> pa) {
        return new PayerCoverage(id, "p1", "Example payer", Optional.of(kind), "Example plan", "M-1", Optional.empty(),
                LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), new BigDecimal("500"), BigDecimal.ZERO,
                new BigDecimal("20"), BigDecimal.ZERO, new BigDecimal("5000"), BigDecimal.ZERO, "USD", pa,
                Instant.parse(year - 1 + "-12-05T09:00:00Z"), "billing.novak");
    }

    private static Optional<PayerCoverage.PriorAuthorization> pa(String number, String from, String to) {
        return Optional.of(new PayerCoverage.PriorAuthorization(number, LocalDate.parse(from), LocalDate.parse(to)));
    }

    private static CoverageCheck newYear(PayerCoverage first, Optional<PayerCoverage> next) {
        return CoverageCheck.decide(RULES, "o1", "p1", "G35.A", ProcedureType.PLASMA_EXCHANGE, row("ms-relapse"),
                NEW_YEAR, Optional.of(first), next);
    }

    @Test
    void a_course_into_the_next_plan_year_is_authorised_when_each_year_has_its_authorisation() {
        CoverageCheck c = newYear(yearOf(2026, "c26", PayerKind.COMMERCIAL, pa("PA-1", "2026-12-01", "2026-12-31")),
                Optional.of(yearOf(2027, "c27", PayerKind.COMMERCIAL, pa("PA-2", "2027-01-01", "2027-03-31"))));
        assertThat(c.nextPlanYear().map(PayerCoverage::id)).contains("c27");
        assertThat(c.priorAuthorization().status()).isEqualTo(CoverageCheck.AuthorizationStatus.VALID_FOR_COURSE);
        assertThat(c.summary()).contains("PA-1 and PA-2 hold for the course");
        assertThat(c.askBilling()).isFalse();
        assertThat(c.reasons()).anySatisfy(r -> assertThat(r).startsWith("The next plan year's coverage: Example payer")
                .contains("2027-01-01 to 2027-12-31").contains("payer kind commercial"));
    }

    @Test
    void without_the_next_years_authorisation_the_days_after_the_plan_years_end_are_named() {
        CoverageCheck c = newYear(yearOf(2026, "c26", PayerKind.COMMERCIAL, pa("PA-1", "2026-12-01", "2026-12-31")),
                Optional.of(yearOf(2027, "c27", PayerKind.COMMERCIAL, Optional.empty())));
        assertThat(c.priorAuthorization().status()).isEqualTo(CoverageCheck.AuthorizationStatus.NOT_VALID_FOR_COURSE);
        assertThat(c.summary()).contains("PA-1 does not hold on every day of the course");
        assertThat(c.reasons()).anySatisfy(r -> assertThat(r)
                .contains("the days after 2026-12-31 need the next plan year's authorisation"));
        // one authorisation lasting into the next year serves both
        CoverageCheck lasting = newYear(yearOf(2026, "c26", PayerKind.COMMERCIAL,
                pa("PA-1", "2026-12-01", "2027-02-28")), Optional.of(yearOf(2027, "c27", PayerKind.COMMERCIAL,
                Optional.empty())));
        assertThat(lasting.priorAuthorization().status())
                .isEqualTo(CoverageCheck.AuthorizationStatus.VALID_FOR_COURSE);
    }

    @Test
    void a_next_plan_year_with_another_kind_of_payer_is_asked_of_billing() {
        CoverageCheck c = newYear(yearOf(2026, "c26", PayerKind.COMMERCIAL, pa("PA-1", "2026-12-01", "2027-01-31")),
                Optional.of(yearOf(2027, "c27", PayerKind.MEDICARE, Optional.empty())));
        assertThat(answer(c)).isEqualTo("covered by UNIT_COMMERCIAL_CATEGORY_II");
        assertThat(c.askBilling()).isTrue();
        assertThat(c.summary()).endsWith("; the next plan year's payer differs: ask billing.");
    }

    @Test
    void no_coverage_for_the_next_plan_year_is_said_and_a_coverage_the_course_does_not_reach_is_ignored() {
        CoverageCheck none = newYear(yearOf(2026, "c26", PayerKind.COMMERCIAL, pa("PA-1", "2026-12-01", "2026-12-31")),
                Optional.empty());
        assertThat(none.nextPlanYear()).isEmpty();
        assertThat(none.reasons()).anySatisfy(r -> assertThat(r).startsWith("No coverage is recorded for 2027-01-05"));
        // the course of March stays inside 2026: a 2027 coverage passed along plays no part
        CoverageCheck march = CoverageCheck.decide(RULES, "o1", "p1", "G35.A", ProcedureType.PLASMA_EXCHANGE,
                row("ms-relapse"), COURSE, Optional.of(coverage(Optional.of(PayerKind.COMMERCIAL), PA_FOR_MARCH)),
                Optional.of(yearOf(2027, "c27", PayerKind.MEDICARE, Optional.empty())));
        assertThat(march.nextPlanYear()).isEmpty();
        assertThat(march.askBilling()).isFalse();
    }
}
