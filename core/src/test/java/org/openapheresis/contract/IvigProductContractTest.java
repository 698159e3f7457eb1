package org.openapheresis.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.openapheresis.procedure.CellRequests.adultMale80kg;
import static org.openapheresis.procedure.CellRequests.obj;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openapheresis.procedure.CellRequests;
import org.openapheresis.procedure.PlanRequest;
import org.openapheresis.procedure.ProcedureSpec;
import org.openapheresis.procedure.ProcedureType;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/** The IVIG product an order names: read, written back, refused when unknown, offered by the catalogue. */
class IvigProductContractTest {

    private static PlanRequest read(Object product) {
        var procedure = obj("type", "ivig-infusion", "doseGPerKg", 2, "days", 5, "productPercent", 10);
        if (product != null) {
            procedure.put("product", product);
        }
        return PlanRequestReader.read(CellRequests.request(adultMale80kg(obj()), procedure));
    }

    @Test
    void a_named_product_is_read_and_round_trips_through_the_writer() {
        PlanRequest r = read("gamunex-c");
        assertThat(((ProcedureSpec.IvigInfusion) r.procedure()).product())
                .contains(ProcedureSpec.IvigProduct.GAMUNEX_C);
        assertThat(PlanRequestReader.read(PlanRequestWriter.request(r))).isEqualTo(r);
    }

    @Test
    void an_order_without_a_product_still_reads_and_names_none() {
        PlanRequest r = read(null);
        assertThat(((ProcedureSpec.IvigInfusion) r.procedure()).product()).isEqualTo(Optional.empty());
        assertThat(PlanRequestReader.read(PlanRequestWriter.request(r))).isEqualTo(r);
    }

    @Test
    void an_unknown_product_is_refused_naming_the_field_and_the_choices() {
        var e = catchThrowableOfType(InvalidInputException.class, () -> read("octagam"));
        assertThat(e.problems()).extracting(Problem::field).containsExactly("procedure.product");
        assertThat(e.problems().get(0).key()).isEqualTo(MessageKey.NOT_ONE_OF);
        assertThat(e.problems().get(0).message()).contains("privigen").contains("gammagard-liquid");
    }

    @Test
    void the_catalogue_offers_every_product_and_a_first_choice_naming_none() {
        ProcedureCatalog.DoseField f = ProcedureCatalog.entry(ProcedureType.IVIG_INFUSION).doseFields().stream()
                .filter(d -> d.field().equals("procedure.product")).findFirst().orElseThrow();
        assertThat(f.kind()).isEqualTo(ProcedureCatalog.Kind.CHOICE);
        assertThat(f.initial()).isEmpty();
        assertThat(f.choices()).extracting(ProcedureCatalog.Choice::code).containsExactly("", "privigen", "gamunex-c",
                "gammaked", "gammagard-liquid", "other");
    }
}
