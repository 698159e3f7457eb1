package org.openapheresis.server.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openapheresis.server.access.Role;
import org.openapheresis.server.support.Api;
import org.openapheresis.server.support.Databases;
import org.openapheresis.server.support.Unit;

/** The unit's ISBT 128 facility identification number: set by the administrator, a wrong one refused naming it. */
class FacilityTest {

    private Unit unit;

    @AfterEach
    void close() {
        if (unit != null) {
            unit.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_new_unit_has_no_fin_a_wrong_one_is_refused_naming_the_field_and_only_the_administrator_sets_it() {
        unit = Unit.start(Databases.Kind.H2);
        String admin = unit.token(Role.ADMIN);
        assertThat(Unit.expect(unit.api.get("/api/facility", unit.token(Role.LAB)), 200).map()).containsEntry("fin", "");
        for (Map.Entry<String, String> wrong : Map.of("A99", "WRONG_LENGTH", "a9999", "CHARACTER_NOT_ALLOWED",
                "A99999", "TOO_LONG").entrySet()) {
            Api.Answer refused = unit.api.put("/api/facility", admin, Map.of("fin", wrong.getKey(), "name", "Unit"));
            assertThat(refused.status()).as(wrong.getKey()).isEqualTo(422);
            assertThat((List<Map<String, Object>>) refused.map().get("problems")).as(wrong.getKey())
                    .singleElement().satisfies(p -> assertThat(p).containsEntry("field", "fin")
                            .containsEntry("key", wrong.getValue()));
        }
        assertThat(unit.api.put("/api/facility", unit.token(Role.LAB), Map.of("fin", "G1234", "name", "Unit"))
                .status()).isEqualTo(403);
        assertThat(Unit.expect(unit.api.get("/api/facility", admin), 200).map()).containsEntry("fin", "");

        Unit.expect(unit.api.put("/api/facility", admin, Map.of("fin", "G1234", "name", "Cell therapy lab")), 200);
        assertThat(Unit.expect(unit.api.get("/api/facility", unit.token(Role.NURSE)), 200).map())
                .containsEntry("fin", "G1234").containsEntry("name", "Cell therapy lab").containsEntry("setBy", "admin");
    }
}
