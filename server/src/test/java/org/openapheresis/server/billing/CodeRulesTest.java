package org.openapheresis.server.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openapheresis.procedure.ProcedureSpec;
import org.openapheresis.procedure.ProcedureType;

/** Each code rule from a worked record: what the record shows, and the one code (or none) it bills. */
class CodeRulesTest {

    private static final CodeRules RULES = CodeRules.load();
    private static final Optional<String> MS = Optional.of("G35.A");

    /** The codes and units the facts earn, as {@code code x units}, and the rules that gave them. */
    private static List<String> coded(BillableFacts f) {
        return RULES.code(f).stream().map(l -> l.code().code() + " x" + l.units() + " by " + l.ruleId()).toList();
    }

    private static BillableFacts removal(RemovedComponent removed) {
        return new BillableFacts(Trigger.SESSION_COMPLETED, Optional.empty(), Optional.of(removed), Optional.empty(),
                Optional.empty(), MS);
    }

    @Test
    @CodesRule("TA_PLASMA")
    void a_completed_plasma_exchange_codes_36514_once() {
        BillableFacts f = BillableFacts.session(Trigger.SESSION_COMPLETED, ProcedureType.PLASMA_EXCHANGE,
                Optional.empty(), MS);
        assertThat(coded(f)).containsExactly("36514 x1 by TA_PLASMA");
        assertThat(RULES.code(f).get(0).diagnosisCode()).contains("G35.A");
    }

    @Test
    @CodesRule("TA_WHITE_CELLS")
    void a_completed_leukocytapheresis_codes_36511_once() {
        BillableFacts f = BillableFacts.session(Trigger.SESSION_COMPLETED, ProcedureType.LEUKOCYTAPHERESIS,
                Optional.empty(), Optional.of("C92.00"));
        assertThat(coded(f)).containsExactly("36511 x1 by TA_WHITE_CELLS");
    }

    @Test
    @CodesRule("TA_RED_CELLS")
    void a_therapeutic_removal_of_red_cells_codes_36512() {
        assertThat(coded(removal(RemovedComponent.RED_CELLS))).containsExactly("36512 x1 by TA_RED_CELLS");
    }

    @Test
    @CodesRule("TA_PLATELETS")
    void a_therapeutic_removal_of_platelets_codes_36513() {
        assertThat(coded(removal(RemovedComponent.PLATELETS))).containsExactly("36513 x1 by TA_PLATELETS");
    }

    @Test
    @CodesRule("TA_SELECTIVE_ADSORPTION")
    void a_selective_adsorption_codes_36516_alone_and_not_36514_for_the_reinfusion() {
        assertThat(coded(removal(RemovedComponent.SELECTIVE_ADSORPTION)))
                .containsExactly("36516 x1 by TA_SELECTIVE_ADSORPTION");
    }

    @Test
    void an_immunoadsorption_session_removes_by_selective_adsorption_and_codes_36516() {
        assertThat(coded(BillableFacts.session(Trigger.SESSION_COMPLETED, ProcedureType.IMMUNOADSORPTION,
                Optional.empty(), MS))).containsExactly("36516 x1 by TA_SELECTIVE_ADSORPTION");
    }

    @Test
    void an_adsorptive_cytapheresis_session_codes_nothing_until_its_code_is_confirmed() {
        assertThat(coded(BillableFacts.session(Trigger.SESSION_COMPLETED, ProcedureType.ADSORPTIVE_CYTAPHERESIS,
                Optional.empty(), MS))).isEmpty();
    }

    @Test
    @CodesRule("PHOTOPHERESIS")
    void a_photopheresis_treatment_codes_36522_once() {
        assertThat(coded(BillableFacts.session(Trigger.SESSION_COMPLETED, ProcedureType.PHOTOPHERESIS,
                Optional.empty(), MS))).containsExactly("36522 x1 by PHOTOPHERESIS");
        assertThat(RULES.code("36522").orElseThrow().descriptor()).isEqualTo("Photopheresis, extracorporeal");
    }

    @Test
    @CodesRule("HPC_HARVEST_AUTOLOGOUS")
    void an_hpc_collection_without_a_recipient_codes_38206_per_collection() {
        BillableFacts f = BillableFacts.session(Trigger.SESSION_COMPLETED, ProcedureType.HPC_COLLECTION,
                Optional.of(Donation.AUTOLOGOUS), Optional.of("C90.00"));
        assertThat(coded(f)).containsExactly("38206 x1 by HPC_HARVEST_AUTOLOGOUS");
    }

    @Test
    @CodesRule("HPC_HARVEST_ALLOGENEIC")
    void an_hpc_collection_for_a_recipient_codes_38205_per_collection() {
        BillableFacts f = BillableFacts.session(Trigger.SESSION_COMPLETED, ProcedureType.HPC_COLLECTION,
                Optional.of(Donation.ALLOGENEIC), Optional.of("Z52.001"));
        assertThat(coded(f)).containsExactly("38205 x1 by HPC_HARVEST_ALLOGENEIC");
    }

    @Test
    @CodesRule("ABORTED_SESSION")
    void an_aborted_plasma_exchange_codes_nothing_and_names_the_unit_rule() {
        BillableFacts f = BillableFacts.session(Trigger.SESSION_ABORTED, ProcedureType.PLASMA_EXCHANGE,
                Optional.empty(), MS);
        assertThat(coded(f)).isEmpty();
        assertThat(RULES.matching(f)).extracting(CodeRule::id).containsExactly("ABORTED_SESSION");
        assertThat(RULES.matching(f).get(0).unitRule()).isTrue();
    }

    @Test
    @CodesRule("HPC_CRYOPRESERVATION")
    void cryopreserving_an_hpc_product_codes_38207() {
        assertThat(coded(BillableFacts.product(Trigger.PRODUCT_CRYOPRESERVED, "hpc", Donation.AUTOLOGOUS, MS)))
                .containsExactly("38207 x1 by HPC_CRYOPRESERVATION");
    }

    @Test
    @CodesRule("HPC_THAW")
    void thawing_an_hpc_product_codes_38208_without_washing() {
        assertThat(coded(BillableFacts.product(Trigger.PRODUCT_THAWED, "hpc", Donation.ALLOGENEIC, MS)))
                .containsExactly("38208 x1 by HPC_THAW");
        assertThat(RULES.code("38208").orElseThrow().descriptor()).contains("without washing");
    }

    @Test
    @CodesRule("HPC_T_CELL_DEPLETION")
    void t_cell_depleting_an_hpc_product_codes_38210_and_a_lymphocyte_product_nothing() {
        assertThat(coded(BillableFacts.product(Trigger.PRODUCT_T_CELL_DEPLETED, "hpc", Donation.ALLOGENEIC, MS)))
                .containsExactly("38210 x1 by HPC_T_CELL_DEPLETION");
        assertThat(coded(BillableFacts.product(Trigger.PRODUCT_T_CELL_DEPLETED, "lymphocytes", Donation.ALLOGENEIC,
                MS))).as("38205-38215 are HPC preparation codes").isEmpty();
    }

    @Test
    @CodesRule("HPC_VOLUME_REDUCTION")
    void volume_reducing_an_hpc_product_codes_38215_cell_concentration() {
        assertThat(coded(BillableFacts.product(Trigger.PRODUCT_VOLUME_REDUCED, "hpc", Donation.AUTOLOGOUS, MS)))
                .containsExactly("38215 x1 by HPC_VOLUME_REDUCTION");
        assertThat(RULES.code("38215").orElseThrow().descriptor()).contains("concentration in plasma");
    }

    @Test
    @CodesRule("HPC_INFUSION_AUTOLOGOUS")
    void infusing_an_autologous_hpc_product_codes_38241_and_an_allogeneic_one_nothing() {
        assertThat(coded(BillableFacts.product(Trigger.PRODUCT_INFUSED, "hpc", Donation.AUTOLOGOUS, MS)))
                .containsExactly("38241 x1 by HPC_INFUSION_AUTOLOGOUS");
        // 38240 (allogeneic HPC transplantation) is known only from summaries: not coded until checked
        assertThat(coded(BillableFacts.product(Trigger.PRODUCT_INFUSED, "hpc", Donation.ALLOGENEIC, MS))).isEmpty();
    }

    @Test
    @CodesRule("DLI")
    void infusing_donor_lymphocytes_codes_38242() {
        assertThat(coded(BillableFacts.product(Trigger.PRODUCT_INFUSED, "lymphocytes", Donation.ALLOGENEIC, MS)))
                .containsExactly("38242 x1 by DLI");
    }

    @Test
    void collections_with_no_checked_code_code_nothing() {
        for (ProcedureType t : List.of(ProcedureType.GRANULOCYTE_COLLECTION, ProcedureType.LYMPHOCYTE_COLLECTION)) {
            assertThat(coded(BillableFacts.session(Trigger.SESSION_COMPLETED, t, Optional.of(Donation.ALLOGENEIC),
                    MS))).as(t.code()).isEmpty();
        }
    }

    private static final Optional<String> CIDP = Optional.of("G61.81");

    /** A completed IVIG day of {@code grams} of the product, infused over {@code minutes}. */
    private static BillableFacts ivig(String product, String grams, long minutes) {
        return BillableFacts.ivig(Trigger.SESSION_COMPLETED, Optional.ofNullable(product),
                Optional.of(new BigDecimal(grams).multiply(BigDecimal.valueOf(1000))), Optional.of(minutes), CIDP);
    }

    @Test
    @CodesRule("IVIG_PRIVIGEN")
    void thirty_grams_of_privigen_code_j1459_in_60_units_of_500_mg() {
        assertThat(coded(ivig("privigen", "30", 45))).containsExactly("J1459 x60 by IVIG_PRIVIGEN",
                "96365 x1 by IVIG_INFUSION_FIRST_HOUR");
    }

    @Test
    @CodesRule("IVIG_GAMUNEX_C")
    void gamunex_c_codes_j1561() {
        assertThat(coded(ivig("gamunex-c", "27.5", 45))).contains("J1561 x55 by IVIG_GAMUNEX_C");
    }

    @Test
    @CodesRule("IVIG_GAMMAKED")
    void gammaked_codes_j1561_the_code_it_shares_with_gamunex_c() {
        assertThat(coded(ivig("gammaked", "20", 45))).contains("J1561 x40 by IVIG_GAMMAKED");
        assertThat(RULES.code("J1561").orElseThrow().descriptor()).contains("Gamunex-C/Gammaked").endsWith("500 mg");
    }

    @Test
    @CodesRule("IVIG_GAMMAGARD_LIQUID")
    void gammagard_liquid_codes_j1569() {
        assertThat(coded(ivig("gammagard-liquid", "35", 45))).contains("J1569 x70 by IVIG_GAMMAGARD_LIQUID");
    }

    @Test
    @CodesRule("IVIG_INFUSION_FIRST_HOUR")
    void an_infusion_of_16_min_codes_96365_once_and_one_of_15_min_codes_no_infusion() {
        assertThat(coded(ivig("privigen", "1", 16))).contains("96365 x1 by IVIG_INFUSION_FIRST_HOUR");
        CodeRules.Coding push = RULES.coding(ivig("privigen", "1", 15));
        assertThat(push.lines()).extracting(l -> l.code().code()).containsExactly("J1459");
        assertThat(push.notCoded()).anySatisfy(r -> assertThat(r).startsWith("96365").contains("15 min or less"));
    }

    @Test
    @CodesRule("IVIG_INFUSION_ADDITIONAL_HOURS")
    void an_infusion_of_91_min_codes_one_additional_hour_96366() {
        assertThat(coded(ivig("privigen", "30", 91))).containsExactly("J1459 x60 by IVIG_PRIVIGEN",
                "96365 x1 by IVIG_INFUSION_FIRST_HOUR", "96366 x1 by IVIG_INFUSION_ADDITIONAL_HOURS");
    }

    @Test
    void the_additional_hours_follow_the_time_thresholds_at_60_90_91_150_151_and_211_min() {
        Map<Long, Integer> additional = new LinkedHashMap<>();
        for (long min : new long[] {15, 16, 60, 61, 90, 91, 150, 151, 210, 211}) {
            additional.put(min, RULES.code(ivig("privigen", "10", min)).stream()
                    .filter(l -> l.code().code().equals("96366")).mapToInt(CodeRules.CodedLine::units).sum());
        }
        assertThat(additional).containsExactly(Map.entry(15L, 0), Map.entry(16L, 0), Map.entry(60L, 0),
                Map.entry(61L, 0), Map.entry(90L, 0), Map.entry(91L, 1), Map.entry(150L, 1), Map.entry(151L, 2),
                Map.entry(210L, 2), Map.entry(211L, 3));
    }

    @Test
    void an_ivig_dose_not_a_multiple_of_500_mg_rounds_up_to_the_units_that_cover_it() {
        assertThat(coded(ivig("privigen", "30.2", 45))).contains("J1459 x61 by IVIG_PRIVIGEN");
        assertThat(coded(ivig("privigen", "30.5", 45))).contains("J1459 x61 by IVIG_PRIVIGEN");
        assertThat(coded(ivig("privigen", "30.501", 45))).contains("J1459 x62 by IVIG_PRIVIGEN");
        assertThat(coded(ivig("privigen", "0.1", 45))).contains("J1459 x1 by IVIG_PRIVIGEN");
    }

    @Test
    void an_ivig_product_without_a_checked_code_codes_the_infusion_only_and_says_why() {
        CodeRules.Coding other = RULES.coding(ivig("other", "30", 91));
        assertThat(other.lines()).extracting(l -> l.code().code()).containsExactly("96365", "96366");
        assertThat(other.notCoded()).containsExactly("The IVIG product other has no checked HCPCS code in the unit's "
                + "rule table: the drug is not coded; billing codes it by hand.");
        CodeRules.Coding unnamed = RULES.coding(ivig(null, "30", 91));
        assertThat(unnamed.lines()).extracting(l -> l.code().code()).containsExactly("96365", "96366");
        assertThat(unnamed.notCoded()).singleElement().asString().startsWith("The order names no IVIG product");
    }

    @Test
    void an_ivig_session_with_no_dose_recorded_codes_no_drug_and_says_so() {
        CodeRules.Coding none = RULES.coding(BillableFacts.ivig(Trigger.SESSION_COMPLETED, Optional.of("privigen"),
                Optional.empty(), Optional.of(45L), CIDP));
        assertThat(none.lines()).extracting(l -> l.code().code()).containsExactly("96365");
        assertThat(none.notCoded()).singleElement().asString().startsWith("J1459").contains("no dose");
    }

    @Test
    void every_ivig_product_an_order_can_name_but_other_has_a_drug_rule() {
        Set<String> coded = RULES.rules().stream().filter(r -> r.units().basis() == UnitCount.Basis.DRUG_DOSE)
                .map(r -> r.productKind().orElseThrow()).collect(Collectors.toSet());
        Set<String> named = Arrays.stream(ProcedureSpec.IvigProduct.values()).map(ProcedureSpec.IvigProduct::code)
                .filter(c -> !c.equals("other")).collect(Collectors.toSet());
        assertThat(coded).isEqualTo(named);
    }

    @Test
    @CodesRule("ALBUMIN_5_SUPPLY")
    void five_percent_albumin_given_codes_p9045_per_250_ml_container_rounded_up_and_plasma_codes_no_supply() {
        BillableFacts exchange = BillableFacts.session(Trigger.SESSION_COMPLETED, ProcedureType.PLASMA_EXCHANGE,
                Optional.empty(), MS);
        assertThat(coded(exchange.withFluidsGiven(Map.of("albumin-5", new BigDecimal("3000")))))
                .containsExactly("36514 x1 by TA_PLASMA", "P9045 x12 by ALBUMIN_5_SUPPLY");
        assertThat(coded(exchange.withFluidsGiven(Map.of("albumin-5", new BigDecimal("3000.5")))))
                .contains("P9045 x13 by ALBUMIN_5_SUPPLY");
        assertThat(coded(exchange.withFluidsGiven(Map.of("albumin-5", new BigDecimal("1")))))
                .contains("P9045 x1 by ALBUMIN_5_SUPPLY");
        // plasma, 20 % albumin and nothing given: no supply line, the exchange still coded
        assertThat(coded(exchange.withFluidsGiven(Map.of("plasma", new BigDecimal("3000"), "albumin-20",
                new BigDecimal("100"))))).containsExactly("36514 x1 by TA_PLASMA");
        assertThat(coded(exchange)).containsExactly("36514 x1 by TA_PLASMA");
    }

    /** A TTP exchange that gave these units of plasma products, and 2,000 mL of 5 % albumin. */
    private static List<String> ttpExchangeGiving(Map<String, Integer> units) {
        return coded(BillableFacts.session(Trigger.SESSION_COMPLETED, ProcedureType.PLASMA_EXCHANGE, Optional.empty(),
                Optional.of("M31.19")).withFluidsGiven(Map.of("albumin-5", new BigDecimal("2000")))
                .withFluidUnitsGiven(units));
    }

    @Test
    @CodesRule("PLASMA_FFP_SUPPLY")
    void fresh_frozen_plasma_given_codes_p9017_per_unit_recorded() {
        assertThat(ttpExchangeGiving(Map.of("plasma-ffp", 12))).containsExactly("36514 x1 by TA_PLASMA",
                "P9045 x8 by ALBUMIN_5_SUPPLY", "P9017 x12 by PLASMA_FFP_SUPPLY");
        assertThat(ttpExchangeGiving(Map.of())).as("no plasma product given: no plasma line")
                .containsExactly("36514 x1 by TA_PLASMA", "P9045 x8 by ALBUMIN_5_SUPPLY");
    }

    @Test
    @CodesRule("PLASMA_FP24_SUPPLY")
    void plasma_frozen_within_24_hours_given_codes_p9059_per_unit_recorded() {
        assertThat(ttpExchangeGiving(Map.of("plasma-fp24", 10))).contains("P9059 x10 by PLASMA_FP24_SUPPLY")
                .noneMatch(l -> l.startsWith("P9017"));
    }

    @Test
    @CodesRule("PLASMA_SD_SUPPLY")
    void pooled_solvent_detergent_plasma_given_codes_p9023_per_unit_recorded() {
        assertThat(ttpExchangeGiving(Map.of("plasma-sd", 14))).contains("P9023 x14 by PLASMA_SD_SUPPLY");
    }

    @Test
    @CodesRule("PLASMA_CRYO_POOR_SUPPLY")
    void cryoprecipitate_reduced_plasma_given_codes_p9044_per_unit_and_two_products_code_two_lines() {
        assertThat(ttpExchangeGiving(Map.of("plasma-cryo-poor", 6, "plasma-ffp", 6)))
                .contains("P9044 x6 by PLASMA_CRYO_POOR_SUPPLY", "P9017 x6 by PLASMA_FFP_SUPPLY");
    }

    @Test
    void a_plasma_unit_count_parses_its_fluid() {
        UnitCount c = UnitCount.parse("fluid-units/plasma-ffp").orElseThrow();
        assertThat(c.basis()).isEqualTo(UnitCount.Basis.FLUID_UNITS);
        assertThat(c.fluid()).contains("plasma-ffp");
        assertThat(UnitCount.parse("fluid-units/")).isEmpty();
    }

    @Test
    void a_fluid_unit_count_parses_its_fluid_and_container_and_refuses_what_is_not_one() {
        UnitCount c = UnitCount.parse("fluid-ml/albumin-5/250").orElseThrow();
        assertThat(c.basis()).isEqualTo(UnitCount.Basis.FLUID_CONTAINERS);
        assertThat(c.fluid()).contains("albumin-5");
        assertThat(c.mlPerUnit()).isEqualTo(250);
        assertThat(UnitCount.parse("fluid-ml/albumin-5/0")).isEmpty();
        assertThat(UnitCount.parse("fluid-ml//250")).isEmpty();
        assertThat(UnitCount.parse("fluid-ml/albumin-5")).isEmpty();
    }

    @Test
    void every_rule_has_its_own_test_and_every_test_names_a_rule() {
        Set<String> tested = Arrays.stream(CodeRulesTest.class.getDeclaredMethods())
                .map(m -> m.getAnnotation(CodesRule.class)).filter(a -> a != null).map(CodesRule::value)
                .collect(Collectors.toSet());
        Set<String> rules = RULES.rules().stream().map(CodeRule::id).collect(Collectors.toSet());
        assertThat(rules).as("rules without a test").isSubsetOf(tested);
        assertThat(tested).as("tests naming no rule").isSubsetOf(rules);
        long annotated = Arrays.stream(CodeRulesTest.class.getDeclaredMethods())
                .filter((Method m) -> m.isAnnotationPresent(CodesRule.class)).count();
        assertThat(annotated).as("one test per rule").isEqualTo(rules.size());
    }

    @Test
    void every_rule_has_a_source_and_every_code_a_checked_descriptor_and_its_source() {
        assertThat(RULES.rules()).allSatisfy(r -> assertThat(r.source()).isNotBlank());
        assertThat(RULES.codes().values()).allSatisfy(c -> {
            assertThat(c.descriptor()).isNotBlank();
            assertThat(c.source()).isNotBlank();
        });
        // codes known only from summaries stay out until their descriptor is checked
        assertThat(RULES.codes()).doesNotContainKeys("38209", "38240");
    }
}
