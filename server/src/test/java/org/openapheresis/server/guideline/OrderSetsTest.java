package org.openapheresis.server.guideline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Order sets, field by field: what each part of a prescription box fills, from which words, and what is left as
 * text because the box gives two values or none for the row's modality.
 */
class OrderSetsTest {

    private static final Guidelines G = Guidelines.load();

    private static OrderSet set(String id) {
        return G.orderSet(G.row(id).orElseThrow());
    }

    private static Map<String, Object> values(OrderSet s) {
        return s.prefill().stream().collect(Collectors.toMap(OrderSet.Prefill::field, OrderSet.Prefill::value));
    }

    private static OrderSet.Prefill field(OrderSet s, String field) {
        return s.prefill().stream().filter(p -> p.field().equals(field)).findFirst()
                .orElseThrow(() -> new AssertionError(field + " not prefilled: " + s));
    }

    @Test
    void ms_relapse_fills_plasma_volumes_albumin_five_sessions_every_other_day() {
        OrderSet ms = set("ms-relapse");
        assertThat(values(ms)).containsExactlyInAnyOrderEntriesOf(Map.of("procedure.plasmaVolumes", 1.0,
                "procedure.replacement.albuminPercent", 100.0, "procedure.replacement.plasmaPercent", 0.0,
                "schedule.sessions", 5.0, "schedule.intervalHours", 48.0));
        assertThat(field(ms, "procedure.plasmaVolumes").note())
                .isEqualTo("from ASFA 2023 fact sheet: \"TPE: 1-1.5 TPV; tryptophan-IA: 2-2.5 L (manufacturer); "
                        + "regenerative IA: up to 2.5 TPV\" (volume; the range's lower end)");
        assertThat(field(ms, "schedule.sessions").words()).isEqualTo("Acute attack/relapse: 5-7 over 10-14 days");
        assertThat(field(ms, "schedule.intervalHours").note()).contains("every 2 days: 5 over 10 days");
        assertThat(ms.asText()).extracting(OrderSet.BoxPart::part).containsExactly("duration", "stopping");
        assertThat(ms.boxSource()).startsWith("UNVERIFIED");
    }

    @Test
    void a_box_part_labelled_by_another_indication_fills_nothing() {
        // MS chronic progressive: the frequency is labelled "Acute attack/relapse", so neither the interval nor the
        // sessions come from it; the sessions come from the box's unlabelled duration ("5-7 TPE or IA")
        OrderSet progressive = set("multiple-sclerosis-chronic-primary-secondary-progressive-tpe");
        assertThat(values(progressive)).doesNotContainKey("schedule.intervalHours")
                .containsEntry("procedure.plasmaVolumes", 1.0).containsEntry("schedule.sessions", 5.0);
        assertThat(field(progressive, "schedule.sessions").part()).isEqualTo("duration");
        assertThat(progressive.asText()).extracting(OrderSet.BoxPart::part).contains("frequency");
    }

    @Test
    void a_replacement_of_two_fluids_is_left_as_text() {
        OrderSet gbs = set("gbs");
        assertThat(values(gbs)).doesNotContainKeys("procedure.replacement.albuminPercent",
                "procedure.replacement.plasmaPercent").containsEntry("procedure.plasmaVolumes", 1.0)
                .containsEntry("schedule.sessions", 5.0).containsEntry("schedule.intervalHours", 48.0);
        assertThat(gbs.asText()).contains(new OrderSet.BoxPart("replacement", "TPE: albumin or plasma; IA: NA"));
    }

    @Test
    void plasma_only_replacement_fills_plasma_percent() {
        OrderSet inhibitors = set("coagulation-factor-deficiency-inhibitors-tpe");
        assertThat(values(inhibitors)).containsEntry("procedure.replacement.plasmaPercent", 100.0)
                .containsEntry("procedure.replacement.albuminPercent", 0.0)
                .containsEntry("schedule.intervalHours", 24.0);
    }

    @Test
    void immunoadsorption_reads_its_own_segment_and_up_to_is_not_a_value() {
        assertThat(values(set("coagulation-factor-deficiency-inhibitors-ia"))).containsEntry("procedure.plasmaVolumesProcessed",
                2.0).doesNotContainKey("procedure.plasmaVolumes");
        assertThat(values(set("acute-inflammatory-demyelinating-polyradiculoneuropathy-primary-ia")))
                .doesNotContainKey("procedure.plasmaVolumesProcessed");
    }

    @Test
    void leukocytapheresis_fills_blood_volumes_and_a_daily_interval() {
        assertThat(values(set("hyperleukocytosis"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "procedure.bloodVolumesProcessed", 1.5, "schedule.intervalHours", 24.0));
    }

    @Test
    void ulcerative_colitis_fills_the_adacolumn_volume_weekly_for_five_weeks() {
        OrderSet uc = set("inflammatory-bowel-disease-ulcerative-colitis-gma");
        assertThat(values(uc)).containsExactlyInAnyOrderEntriesOf(Map.of("procedure.processedVolumeMl", 1800.0,
                "schedule.intervalHours", 168.0, "schedule.sessions", 5.0));
    }

    @Test
    void photopheresis_for_chronic_gvhd_chooses_the_planners_asfa_schedule() {
        assertThat(values(set("graft-versus-host-disease-chronic-ecp"))).containsEntry("procedure.regimen", "asfa-cgvhd");
        assertThat(values(set("graft-versus-host-disease-acute-ecp"))).containsEntry("procedure.regimen", "asfa-agvhd");
    }

    @Test
    void red_cell_exchange_for_sickle_cell_fills_one_session_and_leaves_the_volume_as_text() {
        OrderSet stroke = set("sickle-cell-disease-acute-stroke-rbcx");
        assertThat(values(stroke)).containsExactlyInAnyOrderEntriesOf(Map.of("schedule.sessions", 1.0));
        assertThat(stroke.asText()).extracting(OrderSet.BoxPart::part).contains("volume", "replacement");
    }

    @Test
    void a_row_without_a_box_fills_nothing() {
        OrderSet quinine = set("thrombotic-microangiopathy-drug-induced-quinine-tpe");
        assertThat(quinine.prefill()).isEmpty();
        assertThat(quinine.asText()).isEmpty();
    }

    @Test
    void every_prefilled_value_names_the_words_it_came_from_and_every_row_reads_without_failing() {
        for (GuidelineRow r : G.rows()) {
            OrderSet s = G.orderSet(r);
            for (OrderSet.Prefill p : s.prefill()) {
                assertThat(p.note()).as(r.id() + " " + p.field()).startsWith("from ASFA 2023 fact sheet: \"")
                        .contains(p.words());
                assertThat(p.words()).as(r.id()).isNotBlank();
            }
        }
    }
}
