package org.openapheresis.server.product;

import static org.openapheresis.server.access.Permission.AUTHENTICATED;
import static org.openapheresis.server.access.Permission.PRODUCTS_INFUSE;
import static org.openapheresis.server.access.Permission.PRODUCTS_READ;
import static org.openapheresis.server.access.Permission.PRODUCTS_RECORD;
import static org.openapheresis.server.access.Permission.RESOURCES_MANAGE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.openapheresis.contract.Node;
import org.openapheresis.isbt128.CollectionType;
import org.openapheresis.isbt128.Din;
import org.openapheresis.isbt128.DonationIdentificationNumber;
import org.openapheresis.isbt128.Isbt128;
import org.openapheresis.server.http.Call;
import org.openapheresis.server.http.FeatureRoutes;
import org.openapheresis.server.http.Route;
import org.openapheresis.server.product.ProductEvent.EventType;
import org.openapheresis.server.session.Commands;
import org.openapheresis.server.system.DomainException;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Range;

/**
 * {@code /api/products}: the lab makes a product of a completed collection and records each step of its life;
 * nurses and physicians check it at the bedside and record the infusion; {@code /api/facility}: the unit's
 * ISBT 128 facility identification number. A product's JSON carries {@code din} as the standard prints it, its
 * {@code checkCharacter}, {@code productCode}, {@code division}, {@code status}, {@code parentId} and
 * {@code custody} (events oldest first).
 */
public final class ProductRoutes implements FeatureRoutes {

    private static final Range VOLUME_ML = Range.of(0.1, 5000);
    private static final Range PERCENT = Range.of(0, 100);
    /** Any temperature a product meets from liquid nitrogen vapour to a warm room, °C. */
    private static final Range TEMPERATURE_C = Range.of(-200, 45);
    private static final Range DMSO_PERCENT = Range.of(0.5, 20);
    /**
     * A cell product's haematocrit, percent: 0 (none left after processing) to 80, about the haematocrit of packed
     * red cells, which no apheresis cell product exceeds; above it is a slip (a fraction typed as percent is below).
     */
    private static final Range HEMATOCRIT_PERCENT = Range.of(0, 80);
    /** Cells per µL of product after processing (0 allowed: a depletion may leave none detectable). */
    private static final Range CELLS_PER_UL = Range.of(0, 1.0e6);
    /** Nucleated cells after processing, 10^9/L. */
    private static final Range WBC_E9_PER_L = Range.of(0, 10000);
    private static final List<String> ABO = List.of("O", "A", "B", "AB");
    private static final List<String> RH = List.of("pos", "neg");
    private static final List<String> LAB_STEPS = Arrays.stream(EventType.values())
            .filter(t -> t != EventType.COLLECTED && t != EventType.INFUSED && t != EventType.DIVIDED_FROM)
            .map(EventType::code).toList();

    private final ProductService products;

    public ProductRoutes(ProductService products) {
        this.products = products;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/api/facility", AUTHENTICATED, "The unit's ISBT 128 facility identification number and name",
                        this::facility),
                Route.put("/api/facility", RESOURCES_MANAGE, "Set the unit's ISBT 128 facility identification number "
                        + "(assigned by ICCBBA) and name", Map.of("fin", "A9999", "name", "Example apheresis unit"),
                        this::setFacility).audit(),
                Route.get("/api/storage-units", PRODUCTS_READ, "The lab's storage units with their ranges, last reading "
                        + "and temperature excursions (?productId=: each also says in unfitFor why it cannot hold that "
                        + "product as it is now, null when it can)", this::units),
                Route.post("/api/storage-units", PRODUCTS_RECORD, "Add a storage unit and the range it is kept in",
                        Map.of("name", "LN2-1", "kind", "ln2", "lowestC", -196, "highestC", -150), this::addUnit).audit()
                        .created(),
                Route.post("/api/storage-units/{id}/readings", PRODUCTS_RECORD, "Record temperature readings: "
                        + "{\"readings\": [{\"at\", \"celsius\"}]} or {\"csv\": \"at,celsius\\n...\"} as the unit's "
                        + "monitor exports them", Map.of("readings", List.of(Map.of("at", "2026-03-02T08:00:00Z",
                        "celsius", -186.5))), this::readings).audit().created(),
                Route.post("/api/storage-units/{id}/containers", PRODUCTS_RECORD, "Lay out part of a storage unit: a "
                        + "container (rack's box, canister, shelf) of rows x columns positions, A1 top left",
                        Map.of("name", "rack 2 / box 5", "rows", 9, "columns", 9), this::addContainer).audit().created(),
                Route.get("/api/storage-units/{id}/map", PRODUCTS_READ, "The unit's position map: each container's "
                        + "positions, which are free and which product (DIN) is in each other", this::positionMap)
                        .audit(),
                Route.get("/api/product-descriptions", PRODUCTS_READ, "The unit's table of ISBT 128 product description "
                        + "codes (the sample table unless the unit loaded its licensed one)", this::descriptions),
                Route.post("/api/products", PRODUCTS_RECORD, "Make the product of a completed collection (from the "
                        + "bag the run sheet measured), in quarantine, with the next DIN", Map.of("sessionId",
                        "7d1c2b0e-3f4a-4b5c-8d9e-0a1b2c3d4e5f", "descriptionCode", "S1128", "expiresAt",
                        "2026-03-05T12:00:00Z", "anticoagulant", "ACD-A", "viabilityPercent", 98, "abo", "O", "rh", "pos"),
                        this::create).audit().created().error(409, "session not completed, no bag measured, a product "
                        + "made already, or no facility set"),
                Route.get("/api/products", PRODUCTS_READ, "Products (?patientId= as donor or recipient, &status=)",
                        this::list).audit(),
                Route.get("/api/products/{id}", PRODUCTS_READ, "One product with its custody events and its aliquots",
                        this::one).audit(),
                Route.get("/api/products/{id}/label.pdf", PRODUCTS_READ, "The product's ISBT 128 label, 100 × 100 mm PDF "
                        + "(application/pdf)", this::label).audit(),
                Route.post("/api/products/{id}/events", PRODUCTS_RECORD, "Record a step of the product's life ("
                        + String.join(", ", LAB_STEPS) + ")", Map.of("type", "stored", "at", "2026-03-02T14:00:00Z",
                        "location", "LN2 freezer 1 / rack 3 / box 2 / A4", "temperatureC", -180), this::event).audit()
                        .error(409, "the product's status does not allow the step; a storage position holds another "
                        + "product (POSITION_OCCUPIED) or its unit's temperature class does not fit the product "
                        + "(STORAGE_UNIT_UNFIT), the field named in field"),
                Route.post("/api/products/{id}/infusions", PRODUCTS_INFUSE, "Bedside check and infusion: the scanned "
                        + "DIN and the wristband's patient (record id or MRN) must be this product's", Map.of("patientId",
                        "3f2b1c0d-4e5f-4a6b-9c8d-7e6f5a4b3c2d", "scannedDin", "A9999 26 000001 K", "at",
                        "2026-03-10T10:00:00Z"), this::infuse).audit().created()
                        .error(409, "the bedside check failed (key BEDSIDE_CHECK_FAILED; reason names what did not match: DIN_MISMATCH, "
                        + "WRONG_RECIPIENT, NOT_ISSUED, EXPIRED, NOT_THAWED, DMSO_LIMIT, GVHD_HOLD; against the recipient's DLI schedule: "
                        + "DLI_DOSE_ABOVE_SCHEDULE, DLI_SCHEDULE_COMPLETE, DLI_DOSE_UNKNOWN, and, until acknowledged, "
                        + "DLI_DOSE_BELOW_SCHEDULE (acknowledgeDliLowerDose) and DLI_INTERVAL_NOT_PASSED "
                        + "(acknowledgeDliInterval))"));
    }

    private void facility(Call call) {
        call.answer(call.read(h -> products.facility(h).<Object>map(f -> f).orElse(Map.of("fin", "", "name", ""))));
    }

    private void setFacility(Call call) {
        Node f = call.body();
        String fin = f.text("fin", true, 5).orElse(null);
        String name = f.text("name", true, 200).orElse(null);
        f.rejectUnknown();
        f.throwIfProblems();
        call.answer(call.write(h -> products.setFacility(h, call.actor(), fin, name)));
    }

    private void units(Call call) {
        Optional<String> productId = call.idQuery("productId");
        call.answer(call.read(h -> {
            List<StorageUnit.View> units = products.units(h);
            if (productId.isEmpty()) {
                return units;
            }
            // the store step's picker offers only the units the product may go into, by the rule storing enforces
            Product p = products.find(h, productId.get()).orElseThrow(() -> DomainException.notFound("product"));
            List<Map<String, Object>> out = new ArrayList<>();
            for (StorageUnit.View v : units) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("unit", v.unit());
                m.put("last", v.last());
                m.put("excursions", v.excursions());
                m.put("readings", v.readings());
                m.put("containers", v.containers());
                m.put("unfitFor", v.unit().unfitFor(p).orElse(null));
                out.add(m);
            }
            return out;
        }));
    }

    private void addUnit(Call call) {
        Node f = call.body();
        String name = f.text("name", true, 60).orElse(null);
        if (name != null && name.contains("/")) {
            f.add("name", MessageKey.INVALID, "a unit's name has no '/': it is the first part of a location");
        }
        String kind = f.oneOf("kind", true, StorageUnit.KINDS).orElse(null);
        OptionalDouble low = f.number("lowestC", TEMPERATURE_C, true);
        OptionalDouble high = f.number("highestC", TEMPERATURE_C, true);
        f.rejectUnknown();
        throwIfProblems(f);
        call.answer(call.write(h -> products.createUnit(h, call.actor(), name, kind, low.getAsDouble(),
                high.getAsDouble())));
    }

    private void addContainer(Call call) {
        Node f = call.body();
        String name = f.text("name", true, 100).orElse(null);
        OptionalInt rows = f.integer("rows", Range.of(1, StorageContainer.MAX_ROWS), true);
        OptionalInt columns = f.integer("columns", Range.of(1, StorageContainer.MAX_COLUMNS), true);
        f.rejectUnknown();
        throwIfProblems(f);
        String unit = call.param("id");
        call.answer(call.write(h -> products.addContainer(h, call.actor(), unit, name, rows.getAsInt(),
                columns.getAsInt())));
    }

    private void positionMap(Call call) {
        StorageUnit.PositionMap m = call.read(h -> products.positionMap(h, call.param("id")));
        List<Map<String, Object>> containers = new ArrayList<>();
        for (StorageUnit.ContainerMap c : m.containers()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", c.container().id());
            x.put("name", c.container().name());
            x.put("rows", c.container().rows());
            x.put("columns", c.container().columns());
            x.put("capacity", c.container().capacity());
            x.put("free", c.free());
            x.put("createdAt", c.container().createdAt());
            x.put("createdBy", c.container().createdBy());
            List<Map<String, Object>> occupied = new ArrayList<>();
            for (StorageUnit.Slot slot : c.occupied()) {
                Product p = slot.product();
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("position", slot.position());
                o.put("productId", p.id());
                o.put("din", p.dinPrinted());
                o.put("division", p.division());
                o.put("kind", p.kind().code());
                o.put("status", p.status().code());
                o.put("recipientId", p.recipientId());
                o.put("expiresAt", p.expiresAt());
                o.put("storedAt", slot.storedAt());
                o.put("storedBy", slot.storedBy());
                occupied.add(o);
            }
            x.put("occupied", occupied);
            containers.add(x);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("unit", m.unit());
        out.put("containers", containers);
        out.put("withoutPosition", m.withoutPosition().stream().map(ProductRoutes::summary).toList());
        call.answer(out);
    }

    private void readings(Call call) {
        Node f = call.body();
        List<ProductService.NewReading> readings = new ArrayList<>();
        Optional<String> csv = f.multilineText("csv", false, 200_000);
        f.objects("readings", false, ProductService.MAX_READINGS).ifPresent(items -> {
            for (Node r : items) {
                Instant at = call.pastTime(r, "at", true).orElse(null);
                OptionalDouble c = r.number("celsius", TEMPERATURE_C, true);
                r.rejectUnknown();
                if (at != null && c.isPresent()) {
                    readings.add(new ProductService.NewReading(at, c.getAsDouble()));
                }
            }
        });
        csv.ifPresent(text -> readCsv(call, f, text, readings));
        if (csv.isEmpty() && !f.has("readings")) {
            f.add("readings", MessageKey.REQUIRED_WHEN, "(or csv)");
        }
        f.rejectUnknown();
        throwIfProblems(f);
        if (readings.isEmpty()) {
            throw InvalidInputException.of("readings", MessageKey.INVALID, "holds no reading");
        }
        String id = call.param("id");
        call.answer(call.write(h -> products.recordReadings(h, call.actor(), id, readings)));
    }

    /** Lines {@code at,celsius} (a header line is skipped); a bad line is a problem named {@code csv[line n]}. */
    private static void readCsv(Call call, Node f, String text, List<ProductService.NewReading> into) {
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || i == 0 && line.toLowerCase(java.util.Locale.ROOT).startsWith("at")) {
                continue;
            }
            String field = "csv[line " + (i + 1) + "]";
            String[] parts = line.split("[,;]");
            if (parts.length != 2) {
                f.add(field, MessageKey.INVALID, "'" + line + "' is not 'at,celsius'");
                continue;
            }
            try {
                Instant at = Instant.parse(parts[0].strip());
                double c = Double.parseDouble(parts[1].strip());
                if (!TEMPERATURE_C.contains(c)) {
                    f.add(field, MessageKey.OUT_OF_RANGE, c, TEMPERATURE_C.low(), TEMPERATURE_C.high());
                } else if (at.isAfter(call.now().plus(Call.CLOCK_SKEW))) {
                    f.add(field, MessageKey.IN_THE_FUTURE, at);
                } else if (into.size() >= ProductService.MAX_READINGS) {
                    f.add(field, MessageKey.INVALID, "more than " + ProductService.MAX_READINGS + " readings in one request");
                    return;
                } else {
                    into.add(new ProductService.NewReading(at, c));
                }
            } catch (java.time.format.DateTimeParseException | NumberFormatException e) {
                f.add(field, MessageKey.INVALID, "'" + line + "' is not an ISO instant and a number of °C");
            }
        }
    }

    private void descriptions(Call call) {
        call.answer(Map.of("name", products.table().name(), "descriptions", products.table().descriptions().values()));
    }

    private void create(Call call) {
        Node f = call.body();
        String sessionId = f.text("sessionId", true, 36).orElse(null);
        Optional<String> recipientId = f.text("recipientId", false, 36);
        String code = f.text("descriptionCode", true, 5).orElse(null);
        Optional<CollectionType> type = f.text("collectionType", false, 1).flatMap(c -> {
            Optional<CollectionType> t = CollectionType.of(c.charAt(0));
            if (t.isEmpty()) {
                f.add("collectionType", MessageKey.NOT_ONE_OF, c, "the ISBT 128 types of collection (ST-001 Table 7)");
            }
            return t;
        });
        Instant expiresAt = f.time("expiresAt", true, call.zone()).orElse(null);
        String anticoagulant = f.text("anticoagulant", true, 40).orElse(null);
        Optional<Double> viability = box(f.number("viabilityPercent", PERCENT, false));
        Optional<String> abo = f.oneOf("abo", false, ABO);
        Optional<String> rh = f.oneOf("rh", false, RH);
        f.rejectUnknown();
        throwIfProblems(f);
        ProductService.NewProduct n = new ProductService.NewProduct(sessionId, recipientId, code, type, expiresAt,
                anticoagulant, viability, abo, rh);
        call.answer(call.write(h -> {
            Product.View v = products.create(h, call.actor(), n);
            call.concerns(v.product().recipientId());
            return json(v);
        }));
    }

    private void list(Call call) {
        Optional<String> patient = call.idQuery("patientId");
        Optional<ProductStatus> status = call.query("status").map(s -> ProductStatus.fromCode(s).orElseThrow(() ->
                InvalidInputException.of("status", MessageKey.NOT_ONE_OF, s, String.join(", ", Arrays.stream(
                        ProductStatus.values()).map(ProductStatus::code).toList()))));
        patient.ifPresent(call::concerns);
        List<Product> found = call.read(h -> products.search(h, patient, status));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Product p : found) {
            out.add(summary(p));
        }
        call.answer(out);
    }

    private void one(Call call) {
        Product.View v = call.read(h -> products.view(h, call.param("id")));
        call.concerns(v.product().recipientId());
        call.answer(json(v));
    }

    private void label(Call call) {
        String id = call.param("id");
        org.openapheresis.server.product.label.LabelContent content = call.read(h -> {
            concernsRecipient(call, h, id);
            return products.label(h, id);
        });
        byte[] pdf = org.openapheresis.server.product.label.LabelPdf.render(content);
        call.ctx().status(200).contentType("application/pdf").header("Content-Disposition", "inline; filename=\"label-"
                + content.donationIdentificationNumber().din().value() + ".pdf\"").result(pdf);
    }

    private void event(Call call) {
        Node f = call.body();
        Optional<EventType> type = f.oneOf("type", true, LAB_STEPS).flatMap(EventType::fromCode);
        Instant at = call.pastTime(f, "at", true).orElse(null);
        Optional<String> location = f.text("location", false, 200);
        Optional<String> containerId = f.text("containerId", false, 36);
        Optional<String> position = f.text("position", false, 4);
        Optional<Double> temperature = box(f.number("temperatureC", TEMPERATURE_C, false));
        Optional<String> reason = f.text("reason", false, 1000);
        Optional<Double> dmso = box(f.number("dmsoPercent", DMSO_PERCENT, false));
        Optional<String> freezing = f.text("freezingRecord", false, 1000);
        Optional<Instant> expiresAt = f.time("expiresAt", false, call.zone());
        Optional<Boolean> irradiated = f.bool("irradiated", false);
        Optional<String> issuedTo = f.text("issuedTo", false, 200);
        List<Double> aliquots = new ArrayList<>();
        f.objects("aliquots", false, ProductService.MAX_ALIQUOTS).ifPresent(items -> {
            for (Node a : items) {
                a.number("volumeMl", VOLUME_ML, true).ifPresent(aliquots::add);
                a.rejectUnknown();
            }
        });
        ProductService.Processing processing = new ProductService.Processing(box(f.number("volumeMl", VOLUME_ML,
                false)), box(f.number("cd34PerUl", CELLS_PER_UL, false)), box(f.number("cd3PerUl", CELLS_PER_UL, false)),
                box(f.number("wbcE9PerL", WBC_E9_PER_L, false)), f.text("method", false, 200),
                f.text("descriptionCode", false, 5), box(f.number(ProductService.VIABILITY, PERCENT, false)),
                box(f.number(ProductService.HEMATOCRIT, HEMATOCRIT_PERCENT, false)));
        Optional<Integer> version = f.integer("version", Range.of(1, Integer.MAX_VALUE), false).stream().boxed()
                .findFirst();
        f.rejectUnknown();
        throwIfProblems(f);
        ProductService.Step step = new ProductService.Step(type.orElseThrow(), at, location, temperature, reason, dmso,
                freezing, expiresAt, irradiated, issuedTo, aliquots, version.or(() -> call.ifMatch()), processing,
                containerId, position);
        String id = call.param("id");
        call.answer(call.write(h -> {
            concernsRecipient(call, h, id);
            return json(products.record(h, call.actor(), id, step));
        }));
    }

    private void infuse(Call call) {
        Node f = call.body();
        String patientId = f.text("patientId", true, 64).orElse(null); // the record id or the MRN on the wristband
        String scannedText = f.text("scannedDin", true, 40).orElse(null);
        Instant at = call.pastTime(f, "at", true).orElse(null);
        Optional<Double> volume = box(f.number("volumeMl", VOLUME_ML, false));
        Optional<ProductService.Vitals> before = f.child("vitalsBefore", false).flatMap(ProductRoutes::vitals);
        Optional<ProductService.Vitals> after = f.child("vitalsAfter", false).flatMap(ProductRoutes::vitals);
        Optional<String> reaction = f.text("reaction", false, 1000);
        Optional<Integer> grade = f.integer("reactionGrade", ProductService.Reaction.GRADES, false).stream().boxed()
                .findFirst();
        if (reaction.isPresent() && grade.isEmpty() && !f.has("reactionGrade")) {
            f.add("reactionGrade", MessageKey.REQUIRED_WHEN, "when a reaction is recorded: its CTCAE v5.0 grade as an "
                    + "infusion related reaction, 1 to 5");
        }
        if (grade.isPresent() && reaction.isEmpty() && !f.has("reaction")) {
            f.add("reaction", MessageKey.REQUIRED_WHEN, "when a reaction grade is given: what the reaction was");
        }
        Optional<ProductService.Reaction> graded = reaction.isPresent() && grade.isPresent()
                ? f.build(() -> new ProductService.Reaction(reaction.get(), grade.get())) : Optional.empty();
        boolean acknowledge = f.bool("acknowledgeDmsoLimit", false).orElse(false);
        boolean acknowledgeHold = f.bool("acknowledgeGvhdHold", false).orElse(false);
        boolean acknowledgeLower = f.bool("acknowledgeDliLowerDose", false).orElse(false);
        boolean acknowledgeInterval = f.bool("acknowledgeDliInterval", false).orElse(false);
        f.rejectUnknown();
        throwIfProblems(f);
        Din scanned = scannedDin(scannedText);
        ProductService.Infusion inf = new ProductService.Infusion(patientId, scannedText, at, volume,
                new ProductService.Observed(before, after, graded), acknowledge, acknowledgeHold, acknowledgeLower,
                acknowledgeInterval);
        String id = call.param("id");
        call.answer(call.write(h -> {
            concernsRecipient(call, h, id);
            return json(products.infuse(h, call.actor(), id, inf, scanned));
        }));
    }

    /** Vital signs at the bedside, in the ranges the session's vitals accept; at least one measured. */
    private static Optional<ProductService.Vitals> vitals(Node v) {
        Optional<Double> sys = box(v.number("systolicMmHg", Commands.SYSTOLIC_MMHG, false));
        Optional<Double> dia = box(v.number("diastolicMmHg", Commands.DIASTOLIC_MMHG, false));
        Optional<Double> pulse = box(v.number("pulsePerMin", Commands.PULSE_PER_MIN, false));
        Optional<Double> spo2 = box(v.number("spo2Percent", Commands.SPO2_PERCENT, false));
        Optional<Double> temp = box(v.number("temperatureC", Commands.TEMPERATURE_C, false));
        v.rejectUnknown();
        return v.problems().isEmpty() ? v.build(() -> new ProductService.Vitals(sys, dia, pulse, spo2, temp))
                : Optional.empty();
    }

    /** Names the product's recipient for the audit entry (404 when there is no such product). */
    private void concernsRecipient(Call call, org.jdbi.v3.core.Handle h, String id) {
        call.concerns(products.find(h, id).orElseThrow(() -> DomainException.notFound("product")).recipientId());
    }

    /**
     * The DIN as a scanner gives it (the bar code's {@code =} data structure, with its flags) or as a nurse types
     * it from the label (with the boxed check character, which catches a mistyped character).
     */
    static Din scannedDin(String text) {
        String t = text.strip();
        if (t.startsWith("=")) {
            return Isbt128.parse("scannedDin", t, DonationIdentificationNumber.class).din();
        }
        return Din.parsePrinted("scannedDin", t);
    }

    /** A product as the list shows it. */
    static Map<String, Object> summary(Product p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("version", p.version());
        m.put("din", p.dinPrinted());
        m.put("checkCharacter", String.valueOf(p.checkCharacter()));
        m.put("productCode", p.productCode().dataContent());
        m.put("descriptionCode", p.descriptionCode());
        m.put("collectionType", String.valueOf(p.collectionType().code()));
        m.put("division", p.division());
        m.put("kind", p.kind().code());
        m.put("kindName", p.kind().displayName());
        m.put("status", p.status().code());
        m.put("parentId", p.parentId().orElse(null));
        m.put("sessionId", p.sessionId());
        m.put("donorId", p.donorId());
        m.put("recipientId", p.recipientId());
        m.put("autologous", p.autologous());
        m.put("collectedAt", p.collectedAt());
        m.put("expiresAt", p.expiresAt());
        m.put("volumeMl", p.volumeMl());
        p.cd34PerUl().ifPresent(v -> m.put("cd34PerUl", v));
        p.cd3PerUl().ifPresent(v -> m.put("cd3PerUl", v));
        p.wbcE9PerL().ifPresent(v -> m.put("wbcE9PerL", v));
        p.neutrophilsE9PerL().ifPresent(v -> m.put("neutrophilsE9PerL", v));
        p.viabilityPercent().ifPresent(v -> m.put("viabilityPercent", v));
        p.hematocritPercent().ifPresent(v -> m.put("hematocritPercent", v));
        p.cd34Total().ifPresent(v -> m.put("cd34Total", v));
        p.cd3Total().ifPresent(v -> m.put("cd3Total", v));
        p.tncTotal().ifPresent(v -> m.put("tncTotal", v));
        p.neutrophilTotal().ifPresent(v -> m.put("neutrophilTotal", v));
        m.put("anticoagulant", p.anticoagulant());
        p.dmsoPercent().ifPresent(v -> m.put("dmsoPercent", v));
        m.put("frozen", p.frozen());
        m.put("thawed", p.thawed());
        m.put("irradiated", p.irradiated());
        m.put("location", p.location().orElse(null));
        m.put("createdAt", p.createdAt());
        m.put("createdBy", p.createdBy());
        return m;
    }

    /** A product with its custody, oldest first, its aliquots, and why it cannot be labelled (when it cannot). */
    Map<String, Object> json(Product.View v) {
        Map<String, Object> m = summary(v.product());
        products.table().find(v.product().descriptionCode()).filter(d -> d.example()).ifPresent(d -> m.put("labelRefusal",
                d.code() + " is an example row of the sample table, not a code to label a product with; the unit "
                        + "loads its licensed ISBT 128 table"));
        if (!v.custody().isEmpty() && !v.custody().get(0).details().containsKey("abo")) {
            m.putIfAbsent("labelRefusal", "the donor's ABO and RhD were not recorded when the product was made");
        }
        List<Map<String, Object>> custody = new ArrayList<>();
        for (ProductEvent e : v.custody()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("seq", e.seq());
            c.put("type", e.type().code());
            c.put("at", e.at());
            c.put("by", e.by());
            e.verifier().ifPresent(x -> c.put("verifier", x));
            e.location().ifPresent(x -> c.put("location", x));
            e.temperatureC().ifPresent(x -> c.put("temperatureC", x));
            c.put("statusAfter", e.statusAfter().code());
            c.put("recordedAt", e.recordedAt());
            if (!e.details().isEmpty()) {
                c.put("details", e.details());
            }
            custody.add(c);
        }
        m.put("custody", custody);
        v.viability().ifPresent(x -> m.put("viability", measurement(x)));
        v.hematocrit().ifPresent(x -> m.put("hematocrit", measurement(x)));
        m.put("children", v.children());
        m.put("excursions", v.excursions());
        v.place().ifPresent(place -> {
            Map<String, Object> at = new LinkedHashMap<>();
            at.put("unitId", place.unit().id());
            at.put("unit", place.unit().name());
            at.put("unitKind", place.unit().kind());
            at.put("containerId", place.container().id());
            at.put("container", place.container().name());
            at.put("position", place.position());
            at.put("storedAt", place.storedAt());
            at.put("storedBy", place.storedBy());
            m.put("storage", at);
        });
        return m;
    }

    /** The latest value with the step that measured it: {@code {"percent", "step", "at", "productId"}}. */
    private static Map<String, Object> measurement(Product.Measurement x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("percent", x.percent());
        m.put("step", x.step().code());
        m.put("at", x.at());
        m.put("productId", x.productId());
        return m;
    }

    private static Optional<Double> box(OptionalDouble d) {
        return d.isPresent() ? Optional.of(d.getAsDouble()) : Optional.empty();
    }

    private static void throwIfProblems(Node f) {
        if (!f.problems().isEmpty()) {
            throw new InvalidInputException("the product has invalid values", f.problems());
        }
    }
}
