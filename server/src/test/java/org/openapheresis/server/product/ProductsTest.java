package org.openapheresis.server.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openapheresis.isbt128.Din;
import org.openapheresis.server.access.Role;
import org.openapheresis.server.support.Api;
import org.openapheresis.server.support.Databases;
import org.openapheresis.server.support.Unit;
import org.openapheresis.server.support.UnitPerDatabase;

/**
 * A cell product's life over HTTP: made from a completed collection with the facility's next DIN, released by two
 * people, stored, frozen, issued, thawed and infused after a bedside check that refuses the wrong product, patient
 * or state; divided into aliquots that keep the DIN; granulocytes held to their published limits.
 */
class ProductsTest {

    private static final UnitPerDatabase UNITS = new UnitPerDatabase();

    @AfterAll
    static void close() {
        UNITS.close();
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    @SuppressWarnings("unchecked")
    void an_autologous_hpc_product_goes_from_collection_through_two_person_release_to_a_checked_infusion(
            Databases.Kind kind) {
        Unit u = UNITS.of(kind).withFacility();
        String lab = u.token(Role.LAB);
        String nurse = u.token(Role.NURSE);
        String patient = u.registeredPerson("AUTO", "patient", 70);
        String session = u.completedCollection(patient, "hpc-collection", Map.of("cd34PerKg", 4e6), null, Map.of("volumeMl", 200,
                "cd34PerUl", 1000, "wbcE9PerL", 180, "hematocritPercent", 3));
        Map<String, Object> create = new LinkedHashMap<>(Map.of("sessionId", session, "descriptionCode", "S1128",
                "expiresAt", Instant.now().plus(Duration.ofDays(2)).toString(), "anticoagulant", "ACD-A", "abo", "O",
                "rh", "pos"));
        assertThat(u.api.post("/api/products", nurse, create).status()).as("only the lab makes products").isEqualTo(403);
        Map<String, Object> p = Unit.expect(u.api.post("/api/products", lab, create), 201).map();
        Din din = Din.parsePrinted("din", (String) p.get("din"));
        assertThat(din.facility()).isEqualTo("A9999");
        assertThat(p.get("checkCharacter")).isEqualTo(String.valueOf(din.checkCharacter()));
        assertThat(p).containsEntry("status", "quarantine").containsEntry("division", "00")
                .containsEntry("productCode", "S11281" + "00").containsEntry("autologous", true)
                .containsEntry("recipientId", patient).containsEntry("collectionType", "1");
        assertThat(((Number) p.get("cd34Total")).doubleValue()).isEqualTo(2.0e8);
        assertThat((List<Map<String, Object>>) p.get("custody")).extracting(e -> e.get("type")).containsExactly("collected");
        String id = (String) p.get("id");

        Api.Answer label = u.api.get("/api/products/" + id + "/label.pdf", nurse);
        assertThat(label.status()).isEqualTo(200);
        assertThat(label.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(label.body()).startsWith("%PDF");

        Api.Answer again = u.api.post("/api/products", lab, create);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("PRODUCT_EXISTS_FOR_SESSION");
        Map<String, Object> unknownCode = new LinkedHashMap<>(create);
        unknownCode.put("descriptionCode", "S9999");
        assertThat(u.api.post("/api/products", lab, unknownCode).body()).contains("descriptionCode");

        // two people release it: the one who prepared cannot verify
        Unit.expect(u.productStep(lab, id, Map.of("type", "release-prepared")), 200);
        Api.Answer self = u.productStep(lab, id, Map.of("type", "release-verified"));
        assertThat(self.status()).isEqualTo(409);
        assertThat(self.body()).contains("SAME_PERSON_VERIFIES");
        String lab2 = u.secondLab();
        Map<String, Object> released = Unit.expect(u.productStep(lab2, id, Map.of("type", "release-verified")), 200).map();
        assertThat(released).containsEntry("status", "released");
        assertThat(((List<Map<String, Object>>) released.get("custody")).get(2)).containsEntry("verifier",
                released.get("custody") == null ? null : ((List<Map<String, Object>>) released.get("custody")).get(2)
                        .get("by"));

        Unit.expect(u.productStep(lab, id, Map.of("type", "stored", "location", "LN2-1 / rack 3 / box 2 / A4",
                "temperatureC", -180)), 200);
        Api.Answer tooCold = u.productStep(lab, id, Map.of("type", "stored", "location", "x", "temperatureC", -400));
        assertThat(tooCold.status()).isEqualTo(422);
        assertThat(tooCold.body()).contains("temperatureC");
        Unit.expect(u.productStep(lab, id, Map.of("type", "cryopreserved", "dmsoPercent", 10, "freezingRecord",
                "controlled-rate freezer CRF-2 run 118: -1 °C/min to -40 °C, then -10 °C/min to -90 °C", "expiresAt",
                Instant.now().plus(Duration.ofDays(3650)).toString())), 200);

        // the bedside check refuses what is not this product, this patient or not ready
        String printed = (String) p.get("din");
        Map<String, Object> infusion = new LinkedHashMap<>(Map.of("patientId", patient, "scannedDin", printed, "at",
                Instant.now().toString()));
        Api.Answer notIssued = u.api.post("/api/products/" + id + "/infusions", nurse, infusion);
        assertThat(notIssued.status()).isEqualTo(409);
        assertThat(Unit.bedsideReason(notIssued)).isEqualTo("NOT_ISSUED");
        Unit.expect(u.productStep(lab, id, Map.of("type", "removed")), 200);
        Unit.expect(u.productStep(lab, id, Map.of("type", "issued", "issuedTo", "Ward 5, bed 12")), 200);

        Map<String, Object> typo = new LinkedHashMap<>(infusion);
        char last = printed.charAt(printed.length() - 1);
        typo.put("scannedDin", printed.substring(0, printed.length() - 1) + (last == 'A' ? 'B' : 'A'));
        Api.Answer mistyped = u.api.post("/api/products/" + id + "/infusions", nurse, typo);
        assertThat(mistyped.status()).isEqualTo(422);
        assertThat(mistyped.body()).contains("scannedDin").contains("CHECK_CHARACTER_MISMATCH");
        Map<String, Object> otherDin = new LinkedHashMap<>(infusion);
        otherDin.put("scannedDin", Din.of("A9999", din.year2(), din.sequence() == 999_999 ? 1 : din.sequence() + 1)
                .printed());
        assertThat(Unit.bedsideReason(u.api.post("/api/products/" + id + "/infusions", nurse, otherDin))).isEqualTo("DIN_MISMATCH");
        String stranger = u.registeredPerson("OTHER", "patient", 80);
        Map<String, Object> wrongPatient = new LinkedHashMap<>(infusion);
        wrongPatient.put("patientId", stranger);
        Api.Answer wrong = u.api.post("/api/products/" + id + "/infusions", nurse, wrongPatient);
        assertThat(Unit.bedsideReason(wrong)).isEqualTo("WRONG_RECIPIENT");
        assertThat(wrong.body()).contains("autologous");
        assertThat(Unit.bedsideReason(u.api.post("/api/products/" + id + "/infusions", nurse, infusion))).isEqualTo("NOT_THAWED");
        Unit.expect(u.productStep(lab, id, Map.of("type", "thawed", "expiresAt", Instant.now().plus(Duration.ofHours(2))
                .toString(), "temperatureC", 37)), 200);

        Map<String, Object> scannedAsBarcode = new LinkedHashMap<>(infusion);
        scannedAsBarcode.put("at", Instant.now().toString());
        scannedAsBarcode.put("scannedDin", org.openapheresis.isbt128.DonationIdentificationNumber.withCheckFlags(din)
                .encode());
        // the wristband carries the MRN: it identifies the patient as well as the record id does
        scannedAsBarcode.put("patientId", u.api.get("/api/patients/" + patient, nurse).map().get("mrn"));
        // the bedside observations: each bad one is named, and nothing is recorded
        Map<String, Object> ungraded = new LinkedHashMap<>(scannedAsBarcode);
        ungraded.put("reaction", "chills at 10 minutes");
        Api.Answer noGrade = u.api.post("/api/products/" + id + "/infusions", nurse, ungraded);
        assertThat(noGrade.status()).isEqualTo(422);
        assertThat(noGrade.body()).contains("reactionGrade").contains("CTCAE");
        ungraded.put("reactionGrade", 6);
        assertThat(u.api.post("/api/products/" + id + "/infusions", nurse, ungraded).body()).contains("reactionGrade");
        Map<String, Object> badVitals = new LinkedHashMap<>(scannedAsBarcode);
        badVitals.put("vitalsBefore", Map.of("systolicMmHg", 70, "diastolicMmHg", 90));
        badVitals.put("vitalsAfter", Map.of("temperatureC", 52));
        Api.Answer vitals = u.api.post("/api/products/" + id + "/infusions", nurse, badVitals);
        assertThat(vitals.status()).isEqualTo(422);
        assertThat(vitals.body()).contains("vitalsBefore.diastolicMmHg").contains("vitalsAfter.temperatureC");
        badVitals.put("vitalsBefore", Map.of());
        badVitals.remove("vitalsAfter");
        Api.Answer empty = u.api.post("/api/products/" + id + "/infusions", nurse, badVitals);
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.body()).contains("vitalsBefore").contains("at least one measurement");
        assertThat(u.api.get("/api/products/" + id, nurse).map()).containsEntry("status", "issued");

        scannedAsBarcode.put("vitalsBefore", Map.of("systolicMmHg", 128, "diastolicMmHg", 78, "pulsePerMin", 74,
                "spo2Percent", 98, "temperatureC", 36.8));
        scannedAsBarcode.put("vitalsAfter", Map.of("systolicMmHg", 136, "diastolicMmHg", 82, "pulsePerMin", 88,
                "temperatureC", 37.4));
        scannedAsBarcode.put("reaction", "nausea and a garlic taste (DMSO) from 10 minutes, settled with ondansetron");
        scannedAsBarcode.put("reactionGrade", 2);
        Map<String, Object> infused = Unit.expect(u.api.post("/api/products/" + id + "/infusions", nurse,
                scannedAsBarcode), 201).map();
        assertThat(infused).containsEntry("status", "infused");
        List<Map<String, Object>> custody = (List<Map<String, Object>>) infused.get("custody");
        assertThat(custody).extracting(e -> e.get("type")).containsExactly("collected", "release-prepared",
                "release-verified", "stored", "cryopreserved", "removed", "issued", "thawed", "infused");
        assertThat(custody).extracting(e -> ((Number) e.get("seq")).intValue()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        Map<String, Object> given = (Map<String, Object>) custody.get(8).get("details");
        // 1,000 CD34+/µL × 200 mL = 2.0 × 10^8 cells for 70 kg; DMSO 200 mL × 10 % × 1.10 g/mL = 22 g, 0.31 g/kg
        assertThat(((Number) given.get("cd34PerKg")).doubleValue()).isCloseTo(2.0e8 / 70, org.assertj.core.data.Offset
                .offset(1.0));
        assertThat(((Number) given.get("dmsoGPerKgLast24h")).doubleValue()).isCloseTo(22.0 / 70, org.assertj.core.data
                .Offset.offset(1e-6));
        assertThat((Map<String, Object>) given.get("vitalsBefore")).containsEntry("systolicMmHg", 128)
                .containsEntry("temperatureC", 36.8).hasSize(5);
        assertThat((Map<String, Object>) given.get("vitalsAfter")).containsEntry("pulsePerMin", 88)
                .doesNotContainKey("spo2Percent");
        assertThat(given).containsEntry("reactionGrade", 2).containsEntry("reaction",
                "nausea and a garlic taste (DMSO) from 10 minutes, settled with ondansetron");

        Api.Answer storeInfused = u.productStep(lab, id, Map.of("type", "stored", "location", "LN2-1"));
        assertThat(storeInfused.status()).isEqualTo(409);
        assertThat(storeInfused.body()).contains("PRODUCT_WRONG_STATUS");
        List<Map<String, Object>> ofPatient = u.api.get("/api/products?patientId=" + patient, nurse).list();
        assertThat(ofPatient).extracting(m -> m.get("id")).containsExactly(id);
        assertThat(u.api.get("/api/products/" + id, u.token(Role.BILLING)).status()).isEqualTo(403);
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    @SuppressWarnings("unchecked")
    void a_donors_lymphocytes_divide_into_dose_aliquots_that_keep_the_din_and_go_only_to_the_recipient(
            Databases.Kind kind) {
        Unit u = UNITS.of(kind).withFacility();
        String lab = u.token(Role.LAB);
        String nurse = u.token(Role.NURSE);
        String donor = u.registeredPerson("DLIDONOR", "donor", 75);
        String recipient = u.registeredPerson("DLIREC", "patient", 60);
        String session = u.completedCollection(donor, "lymphocyte-collection", Map.of("cd3PerKgDoses", List.of(1e6, 5e6, 1e7)),
                Map.of("weightKg", 60), Map.of("volumeMl", 150, "cd3PerUl", 20000, "wbcE9PerL", 40));
        Map<String, Object> p = Unit.expect(u.api.post("/api/products", lab, Map.of("sessionId", session,
                "recipientId", recipient, "descriptionCode", "DEX01", "expiresAt", Instant.now().plus(Duration.ofDays(1))
                        .toString(), "anticoagulant", "ACD-A")), 201).map();
        assertThat(p).containsEntry("autologous", false).containsEntry("collectionType", "2");
        assertThat((String) p.get("labelRefusal")).contains("example");
        String id = (String) p.get("id");
        Api.Answer noGroups = u.api.get("/api/products/" + id + "/label.pdf", lab);
        assertThat(noGroups.status()).as("no label without the donor's ABO/RhD").isEqualTo(409);
        assertThat(noGroups.body()).contains("ABO");
        Api.Answer tooMuch = u.productStep(lab, id, Map.of("type", "divided", "aliquots", List.of(Map.of("volumeMl", 100),
                Map.of("volumeMl", 100))));
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.body()).contains("aliquots");
        Map<String, Object> parent = Unit.expect(u.productStep(lab, id, Map.of("type", "divided", "aliquots", List.of(
                Map.of("volumeMl", 10), Map.of("volumeMl", 30), Map.of("volumeMl", 100)))), 200).map();
        assertThat(parent).containsEntry("status", "divided");
        List<String> children = (List<String>) parent.get("children");
        assertThat(children).hasSize(3);
        Map<String, Object> first = u.api.get("/api/products/" + children.get(0), lab).map();
        assertThat(first).containsEntry("din", p.get("din")).containsEntry("division", "A0").containsEntry("parentId", id)
                .containsEntry("productCode", "DEX012A0").containsEntry("volumeMl", 10);
        // 20,000 CD3+/µL × 10 mL = 2 × 10^8 CD3+ cells in the first dose
        assertThat(((Number) first.get("cd3Total")).doubleValue()).isEqualTo(2.0e8);
        assertThat(u.api.get("/api/products/" + children.get(2), lab).map()).containsEntry("division", "C0");
        assertThat(u.productStep(lab, id, Map.of("type", "stored", "location", "x")).status()).as("a divided parent is done")
                .isEqualTo(409);

        String a0 = children.get(0);
        Unit.expect(u.productStep(lab, a0, Map.of("type", "release-prepared")), 200);
        Unit.expect(u.productStep(u.secondLab(), a0, Map.of("type", "release-verified")), 200);
        Unit.expect(u.productStep(lab, a0, Map.of("type", "issued")), 200);
        Map<String, Object> toDonor = Map.of("patientId", donor, "scannedDin", p.get("din"), "at",
                Instant.now().toString());
        assertThat(Unit.bedsideReason(u.api.post("/api/products/" + a0 + "/infusions", nurse, toDonor))).isEqualTo("WRONG_RECIPIENT");
        Map<String, Object> given = Unit.expect(u.api.post("/api/products/" + a0 + "/infusions", nurse, Map.of(
                "patientId", recipient, "scannedDin", p.get("din"), "at", Instant.now().toString())), 201)
                .map();
        Map<String, Object> details = (Map<String, Object>) ((List<Map<String, Object>>) given.get("custody")).get(4)
                .get("details");
        assertThat(((Number) details.get("cd3PerKg")).doubleValue()).isCloseTo(2.0e8 / 60, org.assertj.core.data.Offset
                .offset(1.0));

        // acute GVHD grade III recorded after the first dose holds the next one until the physician decides
        Map<String, Object> visit = new LinkedHashMap<>();
        visit.put("visitAt", Instant.now().toString());
        visit.put("skin", Map.of("activeRashBodySurfacePercent", 30, "generalizedErythrodermaWithBullaeAndDesquamation",
                false));
        visit.put("liver", Map.of("totalBilirubinMgPerDl", 4.0));
        visit.put("upperGi", Map.of("persistentNauseaVomitingOrAnorexia", false));
        visit.put("lowerGi", Map.of("stoolOutputMlPerDay", 300, "severeAbdominalPainWithOrWithoutIleus", false,
                "grosslyBloodyStool", false));
        Unit.expect(u.api.post("/api/patients/" + recipient + "/follow-ups", u.token(Role.PHYSICIAN), visit), 201);
        String b0 = children.get(1);
        Unit.expect(u.productStep(lab, b0, Map.of("type", "release-prepared")), 200);
        Unit.expect(u.productStep(u.secondLab(), b0, Map.of("type", "release-verified")), 200);
        Unit.expect(u.productStep(lab, b0, Map.of("type", "issued")), 200);
        Map<String, Object> second = new LinkedHashMap<>(Map.of("patientId", recipient, "scannedDin", p.get("din"), "at",
                Instant.now().toString()));
        Api.Answer held = u.api.post("/api/products/" + b0 + "/infusions", nurse, second);
        assertThat(Unit.bedsideReason(held)).isEqualTo("GVHD_HOLD");
        assertThat(held.body()).contains("grade III");
        second.put("acknowledgeGvhdHold", true);
        second.put("at", Instant.now().toString());
        Map<String, Object> givenAnyway = Unit.expect(u.api.post("/api/products/" + b0 + "/infusions", nurse, second), 201)
                .map();
        assertThat(givenAnyway.toString()).contains("gvhdHoldAcknowledged");
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void granulocytes_expire_within_a_day_and_are_issued_only_irradiated(Databases.Kind kind) {
        Unit u = UNITS.of(kind).withFacility();
        String lab = u.token(Role.LAB);
        String nurse = u.token(Role.NURSE);
        String donor = u.registeredPerson("GRANDONOR", "donor", 80);
        String recipient = u.registeredPerson("GRANREC", "patient", 70);
        String session = u.completedCollection(donor, "granulocyte-collection", Map.of("granulocytes", 6e10),
                Map.of("weightKg", 70), Map.of("volumeMl", 300, "wbcE9PerL", 80, "neutrophilsE9PerL", 70));
        Map<String, Object> create = new LinkedHashMap<>(Map.of("sessionId", session, "recipientId", recipient,
                "descriptionCode", "DEX02", "expiresAt", Instant.now().plus(Duration.ofHours(30)).toString(),
                "anticoagulant", "ACD-A"));
        Api.Answer late = u.api.post("/api/products", lab, create);
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.body()).contains("expiresAt").contains("24 h");
        create.put("expiresAt", Instant.now().plus(Duration.ofHours(20)).toString());
        String id = (String) Unit.expect(u.api.post("/api/products", lab, create), 201).map().get("id");
        assertThat(u.productStep(lab, id, Map.of("type", "cryopreserved", "dmsoPercent", 10, "expiresAt",
                Instant.now().plus(Duration.ofDays(30)).toString())).body()).contains("fresh");
        Unit.expect(u.productStep(lab, id, Map.of("type", "release-prepared")), 200);
        Unit.expect(u.productStep(u.secondLab(), id, Map.of("type", "release-verified")), 200);
        Api.Answer notIrradiated = u.productStep(lab, id, Map.of("type", "issued"));
        assertThat(notIrradiated.status()).isEqualTo(409);
        assertThat(notIrradiated.body()).contains("irradiated");
        assertThat(Unit.expect(u.productStep(lab, id, Map.of("type", "issued", "irradiated", true)), 200).map())
                .containsEntry("status", "issued").containsEntry("irradiated", true);
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    @SuppressWarnings("unchecked")
    void a_temperature_excursion_of_a_storage_unit_is_flagged_on_the_products_stored_in_it(Databases.Kind kind) {
        Unit u = UNITS.of(kind).withFacility();
        String lab = u.token(Role.LAB);
        String unitId = null;
        for (Map<String, Object> su : u.api.get("/api/storage-units", lab).list()) {
            if ("LN2-1".equals(((Map<String, Object>) su.get("unit")).get("name"))) {
                unitId = (String) ((Map<String, Object>) su.get("unit")).get("id");
            }
        }
        if (unitId == null) {
            Api.Answer inverted = u.api.post("/api/storage-units", lab, Map.of("name", "LN2-1", "kind", "ln2", "lowestC",
                    -150, "highestC", -196));
            assertThat(inverted.status()).isEqualTo(422);
            assertThat(inverted.body()).contains("highestC");
            unitId = (String) ((Map<String, Object>) Unit.expect(u.api.post("/api/storage-units", lab, Map.of("name",
                    "LN2-1", "kind", "ln2", "lowestC", -196, "highestC", -150)), 201).map().get("unit")).get("id");
        }
        String id = u.quarantinedProduct();
        Instant storedAt = Instant.now();
        Unit.expect(u.productStep(lab, id, Map.of("type", "stored", "location", "LN2-1 / rack 9 / box 1 / A1", "temperatureC",
                -185, "at", storedAt.toString())), 200);
        Api.Answer nowhere = u.productStep(lab, id, Map.of("type", "stored", "location", "LN9 / rack 1"));
        assertThat(nowhere.status()).isEqualTo(422);
        assertThat(nowhere.body()).contains("location").contains("LN2-1");

        String readings = "/api/storage-units/" + unitId + "/readings";
        Instant now = storedAt.plusSeconds(60); // the readings after the product went in (within the clock skew allowed)
        Api.Answer badCsv = u.api.post(readings, lab, Map.of("csv", "at,celsius\n" + now.minusSeconds(60) + ",-186\n"
                + "yesterday,-180\n"));
        assertThat(badCsv.status()).isEqualTo(422);
        assertThat(badCsv.body()).contains("csv[line 3]");
        Unit.expect(u.api.post(readings, lab, Map.of("csv", "at,celsius\n" + now.minusSeconds(50) + ",-186.5\n"
                + now.minusSeconds(40) + ",-141.0\n")), 201);
        Map<String, Object> unitView = Unit.expect(u.api.post(readings, lab, Map.of("readings", List.of(Map.of("at",
                now.minusSeconds(30).toString(), "celsius", -187)))), 201).map();
        assertThat(((Number) ((Map<String, Object>) unitView.get("last")).get("celsius")).doubleValue()).isEqualTo(-187);
        assertThat((List<Map<String, Object>>) unitView.get("excursions")).extracting(r -> ((Number) r.get("celsius"))
                .doubleValue()).contains(-141.0);
        Map<String, Object> p = u.api.get("/api/products/" + id, lab).map();
        assertThat((List<Map<String, Object>>) p.get("excursions")).as("the excursion while the product was inside")
                .singleElement().satisfies(r -> assertThat(((Number) r.get("celsius")).doubleValue()).isEqualTo(-141.0));
    }
}
