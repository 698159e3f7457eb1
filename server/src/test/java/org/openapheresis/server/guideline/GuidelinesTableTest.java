package org.openapheresis.server.guideline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The ASFA 2023 indications table as it loads: every row well formed and sourced, the counts per category and per
 * verification level as the file was built (a changed count must be a deliberate change), and the seven rows the
 * server shipped before the whole table kept with their categories.
 */
class GuidelinesTableTest {

    private static final Guidelines G = Guidelines.load();
    private static final Set<String> PLANNED = Set.of("plasma-exchange", "leukocytapheresis", "red-cell-exchange",
            "photopheresis", "adsorptive-cytapheresis", "immunoadsorption");

    private static List<GuidelineRow> asfaRows() {
        return G.rows().stream().filter(r -> r.verification() != Verification.NOT_ASFA).toList();
    }

    @Test
    void every_asfa_row_has_disease_procedure_category_grade_source_and_verification() {
        Pattern page = Pattern.compile("ASFA 2023 \\(doi:10\\.1002/jca\\.22043\\) Table 1; fact sheet p\\.\\d{2,3}");
        for (GuidelineRow r : asfaRows()) {
            assertThat(r.disease()).as(r.id()).isNotBlank();
            assertThat(r.indication()).as(r.id()).startsWith(r.disease());
            assertThat(r.procedureType()).as(r.id()).isIn(PLANNED);
            assertThat(r.asfaModality()).as(r.id()).isNotBlank();
            assertThat(r.category()).as(r.id()).isIn("I", "II", "III", "IV");
            assertThat(r.grade()).as(r.id()).matches("[12][ABC]");
            assertThat(r.source()).as(r.id()).matches(page);
            assertThat(r.verificationText()).as(r.id()).isNotBlank();
            assertThat(r.prescription()).as(r.id()).isNotBlank();
            assertThat(r.id()).as(r.id()).matches("[a-z0-9-]+").hasSizeLessThanOrEqualTo(80);
        }
    }

    @Test
    void counts_per_category_and_per_verification_level_are_those_of_the_file() {
        assertThat(asfaRows()).hasSize(177);
        Map<String, Long> byCategory = asfaRows().stream().collect(Collectors.groupingBy(GuidelineRow::category,
                Collectors.counting()));
        assertThat(byCategory).containsExactlyInAnyOrderEntriesOf(Map.of("I", 31L, "II", 42L, "III", 100L, "IV", 4L));
        Map<Verification, Long> byLevel = asfaRows().stream().collect(Collectors.groupingBy(GuidelineRow::verification,
                Collectors.counting()));
        assertThat(byLevel).containsExactlyInAnyOrderEntriesOf(Map.of(Verification.TWO_SECONDARY_SOURCES, 27L,
                Verification.CATEGORY_CONFIRMED, 3L, Verification.ONE_TRANSCRIPTION, 147L));
        assertThat(G.table().notPlannedHere()).hasSize(12)
                .allSatisfy(n -> assertThat(n.asfaModality()).doesNotContain("TPE").doesNotContain("ECP"));
        assertThat(asfaRows().stream().filter(GuidelineRow::categoryIv).map(GuidelineRow::id))
                .containsExactlyInAnyOrder("psoriasis-tpe", "red-blood-cell-alloimmunization-pregnancy-rhd-prophylaxis-after-rbcx",
                        "thrombotic-microangiopathy-drug-induced-gemcitabine-tpe", "thrombotic-microangiopathy-drug-induced-quinine-tpe");
    }

    @Test
    void only_rows_two_secondary_copies_agree_on_are_marked_verified_and_the_rest_say_unverified() {
        for (GuidelineRow r : asfaRows()) {
            assertThat(r.verified()).as(r.id()).isEqualTo(r.verification() == Verification.TWO_SECONDARY_SOURCES);
            if (r.verification() == Verification.ONE_TRANSCRIPTION) {
                assertThat(r.verificationText()).as(r.id()).startsWith("UNVERIFIED: one transcription of Table 1");
            }
            assertThat(r.verificationText()).as(r.id()).contains("not checked against the paper");
        }
        assertThat(G.row("gbs").orElseThrow().verified()).isTrue();
        assertThat(G.row("ms-relapse").orElseThrow().verified()).as("one transcription only").isFalse();
    }

    @Test
    void the_seven_rows_shipped_before_keep_their_ids_procedures_and_categories() {
        Map<String, GuidelineRow> byId = G.rows().stream().collect(Collectors.toMap(GuidelineRow::id,
                Function.identity()));
        record Was(String procedure, String category, String grade, String code) {
        }
        Map<String, Was> was = Map.of(
                "ms-relapse", new Was("plasma-exchange", "II", "1A", "G35"),
                "gbs", new Was("plasma-exchange", "I", "1A", "G61.0"),
                "myasthenia-gravis-acute", new Was("plasma-exchange", "I", "1B", "G70.0"),
                "ttp", new Was("plasma-exchange", "I", "1A", "M31.19"),
                "hyperleukocytosis", new Was("leukocytapheresis", "III", "2B", "D72.82"),
                "hpc-collection", new Was("hpc-collection", null, null, "Z52.001"),
                "dli", new Was("lymphocyte-collection", null, null, "Z52.001"));
        was.forEach((id, w) -> {
            GuidelineRow r = byId.get(id);
            assertThat(r).as(id).isNotNull();
            assertThat(r.procedureType()).as(id).isEqualTo(w.procedure());
            assertThat(r.category()).as(id).isEqualTo(w.category());
            assertThat(r.grade()).as(id).isEqualTo(w.grade());
            assertThat(r.icd10()).as(id).contains(w.code());
        });
        assertThat(G.rows().stream().filter(r -> r.verification() == Verification.NOT_ASFA).map(GuidelineRow::id))
                .containsExactlyInAnyOrder("hpc-collection", "dli");
    }

    @Test
    void a_code_matches_the_row_of_its_longest_prefix_and_a_row_without_codes_takes_any_code() {
        assertThat(G.match("D57.03", "red-cell-exchange")).get().extracting(GuidelineRow::id)
                .isEqualTo("sickle-cell-disease-acute-stroke-rbcx");
        assertThat(G.match("D57.1", "red-cell-exchange")).get().extracting(GuidelineRow::id)
                .isEqualTo("sickle-cell-disease-acute-other-complications-rbcx");
        assertThat(G.match("G35.A", "plasma-exchange")).get().extracting(GuidelineRow::id).isEqualTo("ms-relapse");
        GuidelineRow gemcitabine = G.row("thrombotic-microangiopathy-drug-induced-gemcitabine-tpe").orElseThrow();
        assertThat(gemcitabine.icd10()).isEmpty();
        assertThat(gemcitabine.acceptsCode("D59.3")).isTrue();
        assertThat(G.row("gbs").orElseThrow().acceptsCode("G35")).isFalse();
    }
}
