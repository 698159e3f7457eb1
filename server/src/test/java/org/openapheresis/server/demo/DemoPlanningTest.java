package org.openapheresis.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openapheresis.server.OpenApheresisServer;
import org.openapheresis.server.support.Api;
import org.openapheresis.server.support.Databases;

/**
 * The demo unit's week as the planner sees it: the myasthenia course asks for pre-procedure labs, the IVIG patient
 * has preferred times, and a proposal over the next two weeks says which labs to draw on arrival.
 */
class DemoPlanningTest {

    @Test
    @SuppressWarnings("unchecked")
    void the_demo_has_an_order_with_pre_procedure_labs_a_patient_with_preferred_times_and_the_proposal_names_them() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OpenApheresisServer server = OpenApheresisServer.start(Databases.config(Databases.Kind.H2).withDemo(true),
                new PrintStream(out, true, StandardCharsets.UTF_8))) {
            Matcher m = Pattern.compile("Demo staff password \\(shown only once\\): (\\S+)").matcher(
                    out.toString(StandardCharsets.UTF_8));
            assertThat(m.find()).isTrue();
            Api api = new Api(server.port());
            String coordinator = api.login("coord.silva", m.group(1));
            List<Map<String, Object>> orders = api.get("/api/orders", coordinator).list();
            Map<String, Object> mg = orders.stream().filter(o -> "G70.01".equals(((Map<?, ?>) o.get("indication"))
                    .get("code"))).findFirst().orElseThrow();
            assertThat((Map<String, Object>) mg.get("preProcedureLabs")).containsEntry("maxAgeHours", 24)
                    .containsEntry("tests", List.of("fibrinogenGPerL", "plateletsE9PerL"));
            String cidp = (String) orders.stream().filter(o -> "G61.81".equals(((Map<?, ?>) o.get("indication"))
                    .get("code"))).findFirst().orElseThrow().get("patientId");
            assertThat((List<?>) api.get("/api/patients/" + cidp + "/preferred-times", coordinator).map()
                    .get("preferredTimes")).hasSize(5);

            LocalDate today = LocalDate.now();
            Api.Answer p = api.post("/api/schedule/proposals", coordinator, Map.of("from", today.toString(), "to",
                    today.plusDays(13).toString(), "spentLimitSeconds", 3));
            assertThat(p.status()).as(p.body()).isEqualTo(201);
            // (not asserted feasible: the demo books some sessions where its own week falls, a Sunday included)
            List<Map<String, Object>> a = (List<Map<String, Object>>) p.map().get("assignments");
            // the course's last labs were drawn at its last session, days ago: every session it still owes is drawn
            // on arrival (none, when the next is due on a closed day and left to a later plan)
            assertThat(a.stream().filter(x -> mg.get("id").equals(x.get("orderId"))).toList()).allSatisfy(x ->
                    assertThat((List<String>) x.get("notes")).anySatisfy(n -> assertThat(n)
                            .startsWith("Draw Fibrinogen, Platelets on arrival")));
            assertThat(a.stream().filter(x -> !mg.get("id").equals(x.get("orderId"))).toList()).allSatisfy(x ->
                    assertThat((List<String>) x.get("notes")).noneSatisfy(n -> assertThat(n).startsWith("Draw")));
        }
    }
}
