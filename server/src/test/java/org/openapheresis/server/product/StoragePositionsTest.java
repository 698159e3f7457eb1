package org.openapheresis.server.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openapheresis.server.access.Role;
import org.openapheresis.server.support.Api;
import org.openapheresis.server.support.Databases;
import org.openapheresis.server.support.Unit;
import org.openapheresis.server.support.UnitPerDatabase;

/**
 * Storage positions over HTTP on H2 and PostgreSQL: a unit laid out in containers of rows × columns positions; a
 * product stored in a named free position (by container id and position, or by a location written as text), refused
 * with the field named when the position is taken, outside its grid, or its unit's temperature class does not fit
 * the product; moving, taking out and issuing free the position; the position map says which positions are free and
 * which DIN is in each other; each change is in the product's custody with who and when.
 */
class StoragePositionsTest {

    private static final UnitPerDatabase UNITS = new UnitPerDatabase();

    @AfterAll
    static void close() {
        UNITS.close();
    }

    /** A new storage unit of the kind, with a unique name; answers its id. */
    @SuppressWarnings("unchecked")
    private static String storageUnit(Unit u, String name, String kind, double lowestC, double highestC) {
        return (String) ((Map<String, Object>) Unit.expect(u.api.post("/api/storage-units", u.token(Role.LAB), Map.of(
                "name", name, "kind", kind, "lowestC", lowestC, "highestC", highestC)), 201).map().get("unit")).get("id");
    }

    private static String container(Unit u, String unitId, String name, int rows, int columns) {
        return Unit.expect(u.api.post("/api/storage-units/" + unitId + "/containers", u.token(Role.LAB), Map.of("name",
                name, "rows", rows, "columns", columns)), 201).id();
    }

    /** A product in quarantine, cryopreserved (10 % DMSO): a product a liquid nitrogen tank may hold. */
    private static String frozenProduct(Unit u) {
        String id = u.quarantinedProduct();
        Unit.expect(u.productStep(u.token(Role.LAB), id, Map.of("type", "cryopreserved", "dmsoPercent", 10, "expiresAt",
                Instant.now().plus(Duration.ofDays(3650)).toString())), 200);
        return id;
    }

    private static String unique(String what) {
        return what + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(java.util.Locale.ROOT);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> containerOf(Map<String, Object> map, String id) {
        return ((List<Map<String, Object>>) map.get("containers")).stream().filter(c -> id.equals(c.get("id")))
                .findFirst().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    @SuppressWarnings("unchecked")
    void a_product_is_stored_in_a_named_free_position_and_the_map_shows_its_din_there(Databases.Kind kind) {
        Unit u = UNITS.of(kind).withFacility();
        String lab = u.token(Role.LAB);
        String tankName = unique("LN2");
        String tank = storageUnit(u, tankName, "ln2", -196, -150);
        String box = container(u, tank, " rack 1 /box 3 ", 9, 9);
        String id = frozenProduct(u);

        Map<String, Object> stored = Unit.expect(u.productStep(lab, id, Map.of("type", "stored", "containerId", box,
                "position", "c7", "temperatureC", -185)), 200).map();
        assertThat(stored).containsEntry("location", tankName + " / rack 1 / box 3 / C7");
        assertThat((Map<String, Object>) stored.get("storage")).containsEntry("unitId", tank).containsEntry("containerId",
                box).containsEntry("container", "rack 1 / box 3").containsEntry("position", "C7").containsKey("storedBy");
        Map<String, Object> event = ((List<Map<String, Object>>) stored.get("custody")).get(2);
        assertThat(event).containsEntry("type", "stored").containsEntry("location", tankName + " / rack 1 / box 3 / C7")
                .containsKey("by").containsKey("at");
        assertThat((Map<String, Object>) event.get("details")).containsEntry("containerId", box)
                .containsEntry("position", "C7");

        Map<String, Object> map = Unit.expect(u.api.get("/api/storage-units/" + tank + "/map", u.token(Role.NURSE)), 200)
                .map();
        Map<String, Object> c = containerOf(map, box);
        assertThat(c).containsEntry("name", "rack 1 / box 3").containsEntry("rows", 9).containsEntry("columns", 9)
                .containsEntry("capacity", 81).containsEntry("free", 80);
        assertThat((List<Map<String, Object>>) c.get("occupied")).singleElement().satisfies(o -> assertThat(o)
                .containsEntry("position", "C7").containsEntry("productId", id).containsEntry("din", stored.get("din"))
                .containsEntry("division", "00").containsKey("storedAt").containsKey("storedBy"));
        List<Map<String, Object>> units = u.api.get("/api/storage-units", lab).list();
        Map<String, Object> listed = units.stream().filter(x -> tank.equals(((Map<String, Object>) x.get("unit"))
                .get("id"))).findFirst().orElseThrow();
        assertThat((List<Map<String, Object>>) listed.get("containers")).singleElement().satisfies(x -> assertThat(x)
                .containsEntry("capacity", 81).containsEntry("occupied", 1));

        // the same position for another product is refused, naming the field and the DIN in it
        String other = frozenProduct(u);
        Api.Answer taken = u.productStep(lab, other, Map.of("type", "stored", "containerId", box, "position", "C7"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.map()).containsEntry("key", "POSITION_OCCUPIED").containsEntry("field", "position")
                .containsEntry("occupiedBy", id);
        assertThat(taken.body()).contains((String) stored.get("din"));
        // a location written as text names the position as well, and is held to the same rules
        Api.Answer takenByText = u.productStep(lab, other, Map.of("type", "stored", "location", tankName
                + " / Rack 1 / box 3 / C7"));
        assertThat(takenByText.map()).containsEntry("key", "POSITION_OCCUPIED").containsEntry("field", "location");
        Map<String, Object> byText = Unit.expect(u.productStep(lab, other, Map.of("type", "stored", "location",
                tankName + " / Rack 1 / box 3 / C8")), 200).map();
        assertThat((Map<String, Object>) byText.get("storage")).containsEntry("position", "C8");
        assertThat(byText).containsEntry("location", tankName + " / rack 1 / box 3 / C8");
        assertThat(containerOf(u.api.get("/api/storage-units/" + tank + "/map", lab).map(), box)).containsEntry("free",
                79);
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_position_outside_the_grid_or_a_container_the_unit_lacks_is_refused_naming_the_field(Databases.Kind kind) {
        Unit u = UNITS.of(kind).withFacility();
        String lab = u.token(Role.LAB);
        String tankName = unique("LN2");
        String tank = storageUnit(u, tankName, "ln2", -196, -150);
        String box = container(u, tank, "rack 1 / box 1", 9, 9);
        String id = frozenProduct(u);

        Api.Answer outside = u.productStep(lab, id, Map.of("type", "stored", "containerId", box, "position", "J1"));
        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.body()).contains("\"field\":\"position\"").contains("A1 to I9");
        assertThat(u.productStep(lab, id, Map.of("type", "stored", "containerId", box, "position", "A10")).body())
                .contains("\"field\":\"position\"");
        Api.Answer noPosition = u.productStep(lab, id, Map.of("type", "stored", "containerId", box));
        assertThat(noPosition.status()).isEqualTo(422);
        assertThat(noPosition.body()).contains("\"field\":\"position\"");
        Api.Answer noContainer = u.productStep(lab, id, Map.of("type", "stored", "containerId", "no-such-box",
                "position", "A1"));
        assertThat(noContainer.status()).isEqualTo(422);
        assertThat(noContainer.body()).contains("\"field\":\"containerId\"");
        Api.Answer both = u.productStep(lab, id, Map.of("type", "stored", "containerId", box, "position", "A1",
                "location", tankName + " / rack 1 / box 1 / A1"));
        assertThat(both.status()).isEqualTo(422);
        assertThat(both.body()).contains("\"field\":\"location\"");
        // a unit laid out in containers takes no location that names none of its positions
        Api.Answer wrongBox = u.productStep(lab, id, Map.of("type", "stored", "location", tankName + " / rack 9 / box 9 / A1"));
        assertThat(wrongBox.status()).isEqualTo(422);
        assertThat(wrongBox.body()).contains("\"field\":\"location\"").contains("rack 1 / box 1");
        Api.Answer noPlace = u.productStep(lab, id, Map.of("type", "stored", "location", tankName + " / rack 1"));
        assertThat(noPlace.status()).isEqualTo(422);
        assertThat(noPlace.body()).contains("\"field\":\"location\"").contains("unit / container / position");
        Api.Answer notAStore = u.productStep(lab, id, Map.of("type", "removed", "containerId", box, "position", "A1"));
        assertThat(notAStore.status()).isEqualTo(422);
        assertThat(notAStore.body()).contains("\"field\":\"containerId\"");
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_unit_whose_temperature_class_does_not_fit_the_product_is_refused(Databases.Kind kind) {
        Unit u = UNITS.of(kind).withFacility();
        String lab = u.token(Role.LAB);
        String tank = storageUnit(u, unique("LN2"), "ln2", -196, -150);
        String box = container(u, tank, "rack 1 / box 1", 9, 9);
        String fridge = storageUnit(u, unique("FRIDGE"), "refrigerator", 2, 8);
        String shelf = container(u, fridge, "shelf 1", 1, 6);

        String fresh = u.quarantinedProduct();
        // the store step's picker asks which units may take the product: the tank says why not, the fridge may
        Map<String, Map<String, Object>> fit = new java.util.HashMap<>();
        for (Map<String, Object> x : Unit.expect(u.api.get("/api/storage-units?productId=" + fresh, lab), 200).list()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> unit = (Map<String, Object>) x.get("unit");
            fit.put((String) unit.get("id"), x);
        }
        assertThat((String) fit.get(tank).get("unfitFor")).contains("fresh").contains("cryopreservation");
        assertThat(fit.get(fridge).get("unfitFor")).isNull();
        assertThat(Unit.expect(u.api.get("/api/storage-units?productId=" + java.util.UUID.randomUUID(), lab), 404)
                .body()).contains("product");
        Api.Answer freshInTank = u.productStep(lab, fresh, Map.of("type", "stored", "containerId", box, "position", "A1"));
        assertThat(freshInTank.status()).isEqualTo(409);
        assertThat(freshInTank.map()).containsEntry("key", "STORAGE_UNIT_UNFIT").containsEntry("field", "containerId")
                .containsEntry("unitKind", "ln2");
        assertThat(freshInTank.body()).contains("fresh").contains("cryopreservation");
        Unit.expect(u.productStep(lab, fresh, Map.of("type", "stored", "containerId", shelf, "position", "A2")), 200);
        // frozen while on the refrigerator's shelf would leave a frozen product at 2-8 °C: taken out first
        Api.Answer frozenOnShelf = u.productStep(lab, fresh, Map.of("type", "cryopreserved", "dmsoPercent", 10,
                "expiresAt", Instant.now().plus(Duration.ofDays(3650)).toString()));
        assertThat(frozenOnShelf.status()).isEqualTo(409);
        assertThat(frozenOnShelf.body()).contains("take it out first");

        String frozen = frozenProduct(u);
        Api.Answer frozenInFridge = u.productStep(lab, frozen, Map.of("type", "stored", "containerId", shelf, "position",
                "A1"));
        assertThat(frozenInFridge.map()).containsEntry("key", "STORAGE_UNIT_UNFIT").containsEntry("field", "containerId");
        assertThat(frozenInFridge.body()).contains("cryopreserved");
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    @SuppressWarnings("unchecked")
    void moving_taking_out_and_issuing_free_the_position_each_in_the_custody(Databases.Kind kind) {
        Unit u = UNITS.of(kind).withFacility();
        String lab = u.token(Role.LAB);
        String tankName = unique("LN2");
        String tank = storageUnit(u, tankName, "ln2", -196, -150);
        String box1 = container(u, tank, "rack 1 / box 1", 9, 9);
        String box2 = container(u, tank, "rack 1 / box 2", 10, 10);
        String id = frozenProduct(u);

        Api.Answer moveUnstored = u.productStep(lab, id, Map.of("type", "moved", "containerId", box2, "position", "A1"));
        assertThat(moveUnstored.status()).isEqualTo(409);
        Unit.expect(u.productStep(lab, id, Map.of("type", "stored", "containerId", box1, "position", "A1")), 200);
        Map<String, Object> moved = Unit.expect(u.productStep(lab, id, Map.of("type", "moved", "containerId", box2,
                "position", "J10")), 200).map();
        assertThat((Map<String, Object>) moved.get("storage")).containsEntry("containerId", box2)
                .containsEntry("position", "J10");
        List<Map<String, Object>> custody = (List<Map<String, Object>>) moved.get("custody");
        Map<String, Object> move = custody.get(custody.size() - 1);
        assertThat(move).containsEntry("type", "moved").containsEntry("location", tankName + " / rack 1 / box 2 / J10");
        assertThat((Map<String, Object>) move.get("details")).containsEntry("from", tankName + " / rack 1 / box 1 / A1")
                .containsEntry("position", "J10");
        Map<String, Object> map = u.api.get("/api/storage-units/" + tank + "/map", lab).map();
        assertThat(containerOf(map, box1)).containsEntry("free", 81);
        assertThat(containerOf(map, box2)).containsEntry("free", 99);

        // the position it left takes another product
        String other = frozenProduct(u);
        Unit.expect(u.productStep(lab, other, Map.of("type", "stored", "containerId", box1, "position", "A1")), 200);
        Map<String, Object> out = Unit.expect(u.productStep(lab, other, Map.of("type", "removed")), 200).map();
        assertThat(out).doesNotContainKey("storage").containsEntry("location", null);
        List<Map<String, Object>> otherCustody = (List<Map<String, Object>>) out.get("custody");
        assertThat((Map<String, Object>) otherCustody.get(otherCustody.size() - 1).get("details"))
                .containsEntry("positionFreed", tankName + " / rack 1 / box 1 / A1");

        // released and issued: the bag leaves its position
        Unit.expect(u.productStep(lab, id, Map.of("type", "release-prepared")), 200);
        Unit.expect(u.productStep(u.secondLab(), id, Map.of("type", "release-verified")), 200);
        Api.Answer thawInTank = u.productStep(lab, id, Map.of("type", "thawed", "expiresAt", Instant.now().plus(
                Duration.ofHours(2)).toString()));
        assertThat(thawInTank.status()).as("thawed in the tank").isEqualTo(409);
        assertThat(thawInTank.body()).contains("take it out first");
        Unit.expect(u.productStep(lab, id, Map.of("type", "issued", "issuedTo", "Ward 5, bed 12")), 200);
        map = u.api.get("/api/storage-units/" + tank + "/map", lab).map();
        assertThat(containerOf(map, box1)).containsEntry("free", 81);
        assertThat(containerOf(map, box2)).containsEntry("free", 100);
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_container_needs_a_name_of_its_own_and_a_grid_the_positions_can_name(Databases.Kind kind) {
        Unit u = UNITS.of(kind).withFacility();
        String lab = u.token(Role.LAB);
        String tank = storageUnit(u, unique("LN2"), "ln2", -196, -150);
        String containers = "/api/storage-units/" + tank + "/containers";
        Map<String, Object> made = Unit.expect(u.api.post(containers, lab, Map.of("name", "rack 1 / box 1", "rows", 9,
                "columns", 9)), 201).map();
        assertThat(made).containsEntry("unitId", tank).containsEntry("createdBy", made.get("createdBy")).containsKey("createdAt");
        Api.Answer again = u.api.post(containers, lab, Map.of("name", "Rack 1/Box 1", "rows", 9, "columns", 9));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.body()).contains("\"field\":\"name\"").contains("TAKEN");
        Api.Answer tooManyRows = u.api.post(containers, lab, Map.of("name", "rack 2", "rows", 27, "columns", 9));
        assertThat(tooManyRows.status()).isEqualTo(422);
        assertThat(tooManyRows.body()).contains("\"field\":\"rows\"");
        assertThat(u.api.post(containers, u.token(Role.NURSE), Map.of("name", "rack 3", "rows", 9, "columns", 9))
                .status()).as("only the lab lays out storage").isEqualTo(403);
        assertThat(u.api.post("/api/storage-units/no-such-unit/containers", lab, Map.of("name", "rack 3", "rows", 9,
                "columns", 9)).status()).isEqualTo(404);
        assertThat(u.api.get("/api/storage-units/no-such-unit/map", lab).status()).isEqualTo(404);
    }
}
