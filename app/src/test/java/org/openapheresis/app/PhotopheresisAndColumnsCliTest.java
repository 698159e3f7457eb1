package org.openapheresis.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openapheresis.app.CellExamplesCliTest.example;
import static org.openapheresis.app.CellExamplesCliTest.map;
import static org.openapheresis.app.CellExamplesCliTest.num;
import static org.openapheresis.app.CellExamplesCliTest.run;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The photopheresis, Adacolumn and immunoadsorption examples through the CLI, as JSON and as text. */
class PhotopheresisAndColumnsCliTest {

    @Test
    void photopheresis_example_gives_the_label_methoxsalen_and_the_chronic_gvhd_schedule() {
        CellExamplesCliTest.Run r = run("plan", example("chronic-gvhd-photopheresis.json").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        Map<String, Object> p = r.json();
        Map<String, Object> ecp = map(p, "photopheresis");
        assertThat(num(ecp, "methoxsalenMl")).isEqualTo(4.1);
        assertThat(num(ecp, "uvaDoseJPerCm2")).isEqualTo(2);
        Map<String, Object> schedule = map(p, "treatmentSchedule");
        assertThat(num(schedule, "sessions")).isEqualTo(18);
        assertThat((List<?>) schedule.get("sessionDays")).hasSize(18);
        assertThat(p).doesNotContainKey("column");
        assertThat(p.get("replacement")).isNull();
    }

    @Test
    void adacolumn_example_runs_60_minutes_and_counts_the_cells_adsorbed() {
        CellExamplesCliTest.Run r = run("plan", example("ulcerative-colitis-adacolumn.json").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        Map<String, Object> p = r.json();
        assertThat(num(p, "durationMin")).isEqualTo(60);
        assertThat(num(map(p, "column"), "granulocytesAdsorbed")).isPositive();
        assertThat(num(map(p, "treatmentSchedule"), "sessions")).isEqualTo(5);
    }

    @Test
    void immunoadsorption_example_lowers_igg_without_replacement() {
        CellExamplesCliTest.Run r = run("plan", example("ms-relapse-immunoadsorption.json").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        Map<String, Object> p = r.json();
        assertThat(num(map(map(p, "predicted"), "igg"), "changePercent")).isLessThan(-50);
        assertThat(num(map(p, "column"), "iggRemovedGrams")).isPositive();
        assertThat(p.get("replacement")).isNull();
    }

    @Test
    void the_text_reports_name_the_methoxsalen_the_column_and_the_schedule() {
        CellExamplesCliTest.Run ecp = run("plan", example("chronic-gvhd-photopheresis.json").toString(), "--format",
                "text");
        assertThat(ecp.exit()).as(ecp.err()).isZero();
        assertThat(ecp.out()).contains("Methoxsalen (UVADEX)").contains("4.1 mL").contains("Treatment schedule");
        CellExamplesCliTest.Run gma = run("plan", example("ulcerative-colitis-adacolumn.json").toString(), "--format",
                "text");
        assertThat(gma.exit()).as(gma.err()).isZero();
        assertThat(gma.out()).contains("Column (adacolumn)").contains("Granulocytes adsorbed");
        CellExamplesCliTest.Run ia = run("plan", example("ms-relapse-immunoadsorption.json").toString(), "--format",
                "text");
        assertThat(ia.exit()).as(ia.err()).isZero();
        assertThat(ia.out()).contains("Plasma through the column").contains("IgG removed");
    }
}
