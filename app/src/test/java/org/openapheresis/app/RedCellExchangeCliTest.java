package org.openapheresis.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openapheresis.app.CellExamplesCliTest.codes;
import static org.openapheresis.app.CellExamplesCliTest.example;
import static org.openapheresis.app.CellExamplesCliTest.map;
import static org.openapheresis.app.CellExamplesCliTest.num;
import static org.openapheresis.app.CellExamplesCliTest.run;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The red cell exchange example through the CLI: the replacement names the units, HbS reaches its target. */
class RedCellExchangeCliTest {

    @Test
    void red_cell_exchange_example_gives_red_cells_units_and_the_predicted_hbs() {
        CellExamplesCliTest.Run r = run("plan", example("sickle-cell-red-cell-exchange.json").toString());
        assertThat(r.exit()).isZero();
        Map<String, Object> p = r.json();
        Map<String, Object> replacement = map(p, "replacement");
        assertThat(num(replacement, "redCellsMl")).isPositive();
        assertThat(num(replacement, "redCellUnits")).isGreaterThan(4);
        assertThat(num(replacement, "depletionFluidMl")).isPositive();
        assertThat(num(map(map(p, "predicted"), "hbs"), "post")).isEqualTo(30);
        assertThat(codes(p)).contains("RED_CELL_EXCHANGE_UNITS_SHORT");
    }

    @Test
    void the_text_report_names_the_donor_red_cells() {
        CellExamplesCliTest.Run r = run("plan", example("sickle-cell-red-cell-exchange.json").toString(), "--format",
                "text");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Donor red cells").contains("units of 300 mL");
    }
}
