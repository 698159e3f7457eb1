package org.openapheresis.server.product;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.openapheresis.isbt128.CollectionType;
import org.openapheresis.isbt128.Din;
import org.openapheresis.isbt128.ProductDescription;
import org.openapheresis.isbt128.ProductDescriptionTable;
import org.openapheresis.server.access.Actor;
import org.openapheresis.server.db.Ids;
import org.openapheresis.server.db.Times;
import org.openapheresis.server.patient.PatientRecord;
import org.openapheresis.server.patient.PatientService;
import org.openapheresis.server.product.ProductEvent.EventType;
import org.openapheresis.server.session.Entries;
import org.openapheresis.server.session.SessionRecord;
import org.openapheresis.server.session.SessionService;
import org.openapheresis.server.session.SessionStatus;
import org.openapheresis.server.system.DomainException;
import org.openapheresis.server.system.Refusal;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;

/**
 * The life of a cell product, each step in the caller's transaction and appended to the product's custody:
 * made from a completed collection with a DIN of the unit's facility, released by two people, stored, frozen,
 * thawed, divided into aliquots, issued, infused after the bedside check, or discarded. A step the product's
 * state does not allow is refused with the rule it breaks; nothing recorded is changed afterwards.
 */
public final class ProductService {

    /** Most products a search answers. */
    public static final int MAX_LIST = 500;
    /** Most aliquots one division makes (first-level division codes A0 to Z0). */
    public static final int MAX_ALIQUOTS = 26;
    /**
     * DMSO a recipient may be given per kg of body weight in one day, g: the limit cellular therapy units commonly
     * apply to infusions of cryopreserved products. UNVERIFIED here against a primary source; the unit confirms it.
     */
    public static final double DMSO_LIMIT_G_PER_KG_PER_DAY = 1.0;
    /** Density of dimethyl sulfoxide at 20–25 °C, g/mL (CRC Handbook of Chemistry and Physics: 1.1004 g/mL, 20 °C). */
    public static final double DMSO_DENSITY_G_PER_ML = 1.10;

    /** How far a workstation's clock may run ahead of the server's (as for every other record). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final ProductStore store;
    private final SessionService sessions;
    private final PatientService patients;
    private final ProductDescriptionTable table;
    private final org.openapheresis.server.followup.FollowUpService followUps;
    private final Clock clock;

    public ProductService(ProductStore store, SessionService sessions, PatientService patients,
            ProductDescriptionTable table, org.openapheresis.server.followup.FollowUpService followUps, Clock clock) {
        this.store = store;
        this.sessions = sessions;
        this.patients = patients;
        this.table = table;
        this.followUps = followUps;
        this.clock = clock;
    }

    /** The sample table the core ships (marked as a sample: not the licensed ICCBBA table). */
    public static ProductDescriptionTable sampleTable() {
        String resource = "isbt128/product-descriptions-sample.csv";
        try (InputStream in = ProductService.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the product description table " + resource + " is missing");
            }
            return ProductDescriptionTable.parse("productDescriptions", "sample",
                    new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ProductDescriptionTable table() {
        return table;
    }

    public Optional<ProductStore.Facility> facility(Handle h) {
        return store.facility(h);
    }

    /** Sets the unit's facility identification number (checked as ISBT 128 allows one) and name. */
    public ProductStore.Facility setFacility(Handle h, Actor by, String fin, String name) {
        Din.requireFin("fin", fin); // refuses a FIN of the wrong length or characters, naming the request's field
        ProductStore.Facility f = new ProductStore.Facility(fin, name, Times.now(clock), by.username());
        store.setFacility(h, f);
        return f;
    }

    /** What the lab gives to make a product of a completed collection. */
    public record NewProduct(String sessionId, Optional<String> recipientId, String descriptionCode,
            Optional<CollectionType> collectionType, Instant expiresAt, String anticoagulant,
            Optional<Double> viabilityPercent, Optional<String> abo, Optional<String> rh) {
    }

    /**
     * Makes the product of a completed collection from the bag the run sheet measured (its last measurement), with
     * the next DIN of the unit's facility, in quarantine.
     */
    public Product.View create(Handle h, Actor by, NewProduct n) {
        ProductStore.Facility facility = store.facility(h).orElseThrow(() -> DomainException.of(Refusal.FACILITY_NOT_SET));
        ProductDescription description = table.lookup("descriptionCode", n.descriptionCode());
        SessionRecord s = sessions.require(h, n.sessionId());
        ProductKind kind = ProductKind.collectedBy(s.procedureType()).orElseThrow(() -> new DomainException(
                Refusal.PRODUCT_REFUSED, List.of("make a product of session " + s.id(), s.procedureType().displayName()
                        + " collects no cells"), Map.of("procedureType", s.procedureType().code())));
        if (s.status() != SessionStatus.COMPLETED) {
            throw new DomainException(Refusal.WRONG_STATUS, List.of("make a product of", s.status().code()),
                    Map.of("currentStatus", s.status().code()));
        }
        store.ofSession(h, s.id()).ifPresent(p -> {
            throw new DomainException(Refusal.PRODUCT_EXISTS_FOR_SESSION, List.of(s.id(), p.dinPrinted()),
                    Map.of("productId", p.id()));
        });
        List<Entries.ProductMeasurement> measured = sessions.productMeasurements(h, s.id());
        if (measured.isEmpty()) {
            throw DomainException.of(Refusal.NO_PRODUCT_MEASURED, s.id());
        }
        Entries.ProductMeasurement bag = measured.get(measured.size() - 1);
        String donorId = s.patientId();
        PatientRecord donor = patients.require(h, donorId);
        if (n.recipientId().isEmpty() && donor.kind() == org.openapheresis.server.patient.PatientKind.DONOR) {
            throw InvalidInputException.of("recipientId", MessageKey.REQUIRED_WHEN, "for a donor's product: a donor's "
                    + "cells are for their recipient, not for themselves");
        }
        String recipientId = n.recipientId().orElse(donorId);
        patients.require(h, recipientId);
        boolean autologous = recipientId.equals(donorId);
        if (autologous && donor.kind() == org.openapheresis.server.patient.PatientKind.DONOR) {
            throw InvalidInputException.of("recipientId", MessageKey.INVALID, "names the donor: a donor's cells are for "
                    + "their recipient, not for themselves");
        }
        CollectionType type = n.collectionType().orElse(autologous ? CollectionType.AUTOLOGOUS_ONLY
                : CollectionType.DIRECTED_RECIPIENT_ONLY);
        if (autologous != isAutologous(type)) {
            throw InvalidInputException.of("collectionType", MessageKey.INVALID, type.code() + " (" + type.description()
                    + ") does not fit a product " + (autologous ? "for its own donor" : "for another recipient"));
        }
        Instant collectedAt = bag.time();
        if (!n.expiresAt().isAfter(collectedAt)) {
            throw InvalidInputException.of("expiresAt", MessageKey.INVALID, n.expiresAt()
                    + " is not after the collection (" + collectedAt + ")");
        }
        kind.longestShelfLife().ifPresent(limit -> {
            if (Duration.between(collectedAt, n.expiresAt()).compareTo(limit) > 0) {
                throw InvalidInputException.of("expiresAt", MessageKey.INVALID, n.expiresAt() + " is more than "
                        + limit.toHours() + " h after the collection (" + collectedAt + "): " + ProductKind.GRANULOCYTE_SOURCE);
            }
        });
        Instant now = Times.now(clock);
        int year2 = collectedAt.atZone(ZoneOffset.UTC).getYear() % 100;
        int sequence = store.nextSequence(h, facility.fin(), year2);
        if (sequence > Din.MAX_SEQUENCE) {
            throw DomainException.of(Refusal.DIN_SEQUENCE_EXHAUSTED, facility.fin(), String.format("%02d", year2));
        }
        Product p = new Product(Ids.next(), 1, Din.of(facility.fin(), year2, sequence), description.code(), type,
                org.openapheresis.isbt128.ProductCode.UNDIVIDED, kind, ProductStatus.QUARANTINE, Optional.empty(), s.id(),
                donorId, recipientId, autologous, collectedAt, n.expiresAt(), bag.volumeMl(),
                Optional.ofNullable(bag.cd34PerUl()), Optional.ofNullable(bag.cd3PerUl()),
                Optional.ofNullable(bag.wbcE9PerL()), Optional.ofNullable(bag.neutrophilsE9PerL()), n.viabilityPercent(),
                Optional.ofNullable(bag.hematocritPercent()),
                n.anticoagulant(), Optional.empty(), false, false, false, Optional.empty(), now, by.username());
        store.insert(h, p);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("sessionId", s.id());
        details.put("measurementId", bag.id());
        details.put("descriptionCode", description.code());
        n.abo().ifPresent(a -> details.put("abo", a));
        n.rh().ifPresent(r -> details.put("rh", r));
        append(h, p, EventType.COLLECTED, collectedAt, by, Optional.empty(), Optional.empty(), Optional.empty(), details);
        return view(h, p.id());
    }

    private static boolean isAutologous(CollectionType t) {
        return t == CollectionType.AUTOLOGOUS_ONLY || t == CollectionType.AUTOLOGOUS_ONLY_BIOHAZARD
                || t == CollectionType.AUTOLOGOUS_ELIGIBLE_FOR_CROSSOVER;
    }

    public Optional<Product> find(Handle h, String id) {
        return store.find(h, id);
    }

    /** The product's chain of custody, oldest first (the events alone, without the rest of its view). */
    public List<ProductEvent> custody(Handle h, String id) {
        return store.custody(h, id);
    }

    public Product.View view(Handle h, String id) {
        return findView(h, id).orElseThrow(() -> DomainException.notFound("product"));
    }

    /** The product with its custody, aliquots and excursions, when there is one with this id. */
    public Optional<Product.View> findView(Handle h, String id) {
        return store.find(h, id).map(p -> view(h, p));
    }

    /** The product as read, with its custody, aliquots and excursions. */
    public Product.View view(Handle h, Product p) {
        String id = p.id();
        List<ProductEvent> custody = store.custody(h, id);
        List<StorageUnit.Reading> excursions = List.of();
        if (p.location().isPresent()) {
            Optional<StorageUnit> unit = store.unitNamed(h, unitName(p.location().get()));
            Optional<Instant> since = custody.stream().filter(e -> e.type() == EventType.STORED).reduce((a, b) -> b)
                    .map(ProductEvent::at);
            if (unit.isPresent() && since.isPresent()) {
                excursions = store.readings(h, unit.get().id(), since, true, 100);
            }
        }
        return new Product.View(p, custody, store.children(h, id), excursions,
                latest(h, p, custody, VIABILITY, p.viabilityPercent()), latest(h, p, custody, HEMATOCRIT,
                        p.hematocritPercent()), place(h, id));
    }

    /** The key of the viability measured by a processing step, in its event's details. */
    public static final String VIABILITY = "viabilityPercent";
    /** The key of the haematocrit measured by a processing step, in its event's details. */
    public static final String HEMATOCRIT = "hematocritPercent";

    /**
     * The latest value measured after processing (the newest event of this product, then of the product it was
     * divided from, that carries {@code key}); {@link #latest} falls back to the value at the collection.
     */
    private Optional<Product.Measurement> measuredAfterProcessing(Handle h, Product p, List<ProductEvent> custody,
            String key) {
        for (int i = custody.size() - 1; i >= 0; i--) {
            ProductEvent e = custody.get(i);
            if (e.details().get(key) instanceof Number n && e.type() != EventType.COLLECTED) {
                return Optional.of(new Product.Measurement(n.doubleValue(), e.type(), e.at(), p.id()));
            }
        }
        return p.parentId().flatMap(id -> store.find(h, id)).flatMap(parent -> measuredAfterProcessing(h, parent,
                store.custody(h, parent.id()), key));
    }

    private Optional<Product.Measurement> latest(Handle h, Product p, List<ProductEvent> custody, String key,
            Optional<Double> atCollection) {
        return measuredAfterProcessing(h, p, custody, key).or(() -> atCollection.map(v -> new Product.Measurement(v,
                EventType.COLLECTED, p.collectedAt(), p.id())));
    }

    /** The storage unit a location names: its first part, {@code LN2-1} of {@code LN2-1 / rack 2 / box 5 / A1}. */
    static String unitName(String location) {
        int slash = location.indexOf('/');
        return (slash < 0 ? location : location.substring(0, slash)).strip();
    }

    /** Most readings one request records (a day of readings every minute). */
    public static final int MAX_READINGS = 1440;

    /** Adds a storage unit of the lab with the temperature range it is kept in. */
    public StorageUnit.View createUnit(Handle h, Actor by, String name, String kind, double lowestC, double highestC) {
        if (!(lowestC < highestC)) {
            throw InvalidInputException.of("highestC", MessageKey.INVALID, highestC + " °C is not above the lowest, "
                    + lowestC + " °C");
        }
        if (store.unitNamed(h, name).isPresent()) {
            throw InvalidInputException.of("name", MessageKey.INVALID, name + " is the name of another storage unit");
        }
        StorageUnit u = new StorageUnit(Ids.next(), name, kind, lowestC, highestC, Times.now(clock), by.username());
        store.insertUnit(h, u);
        return unitView(h, u);
    }

    public List<StorageUnit.View> units(Handle h) {
        return store.units(h).stream().map(u -> unitView(h, u)).toList();
    }

    private StorageUnit.View unitView(Handle h, StorageUnit u) {
        List<StorageUnit.Reading> last = store.readings(h, u.id(), Optional.empty(), false, 1);
        Map<String, Integer> taken = store.occupiedCounts(h, u.id());
        return new StorageUnit.View(u, last.stream().findFirst(), store.readings(h, u.id(), Optional.empty(), true, 50),
                store.readingCount(h, u.id()), store.containers(h, u.id()).stream().map(c -> new StorageContainer
                        .Summary(c, c.capacity(), taken.getOrDefault(c.id(), 0))).toList());
    }

    /** Most containers one storage unit is laid out in. */
    public static final int MAX_CONTAINERS = 500;

    /**
     * Lays out part of a storage unit: a container (a rack's box, a canister, a shelf) of {@code rows} ×
     * {@code columns} positions, named by its path inside the unit ({@code rack 2 / box 5}), unique in the unit.
     */
    public StorageContainer addContainer(Handle h, Actor by, String unitId, String name, int rows, int columns) {
        StorageUnit u = store.unit(h, unitId).orElseThrow(() -> DomainException.notFound("storage unit"));
        String normal = StorageContainer.normalName(name);
        if (normal.isEmpty()) {
            throw InvalidInputException.of("name", MessageKey.BLANK);
        }
        if (store.containerNamed(h, u.id(), normal).isPresent()) {
            throw InvalidInputException.of("name", MessageKey.TAKEN, normal + " (a container of " + u.name() + ")");
        }
        if (store.containers(h, u.id()).size() >= MAX_CONTAINERS) {
            throw InvalidInputException.of("name", MessageKey.INVALID, u.name() + " has " + MAX_CONTAINERS
                    + " containers, the most one unit is laid out in");
        }
        StorageContainer c = new StorageContainer(Ids.next(), u.id(), normal, rows, columns, Times.now(clock),
                by.username());
        store.insertContainer(h, c);
        return c;
    }

    /** The unit's position map: which positions of each container are free, and which product is in each other. */
    public StorageUnit.PositionMap positionMap(Handle h, String unitId) {
        StorageUnit u = store.unit(h, unitId).orElseThrow(() -> DomainException.notFound("storage unit"));
        Map<String, List<StorageUnit.Slot>> slots = new LinkedHashMap<>();
        for (ProductStore.Occupant o : store.occupants(h, u.id())) {
            slots.computeIfAbsent(o.at().containerId(), k -> new ArrayList<>()).add(new StorageUnit.Slot(
                    o.at().position(), o.product(), o.at().storedAt(), o.at().storedBy()));
        }
        List<StorageUnit.ContainerMap> containers = new ArrayList<>();
        for (StorageContainer c : store.containers(h, u.id())) {
            List<StorageUnit.Slot> in = slots.getOrDefault(c.id(), List.of());
            containers.add(new StorageUnit.ContainerMap(c, c.capacity() - in.size(), in));
        }
        return new StorageUnit.PositionMap(u, containers, store.storedWithoutPosition(h, u.name()));
    }

    /** The position the product is in, when it is in one. */
    private Optional<StoragePlace> place(Handle h, String productId) {
        return store.placeOf(h, productId).map(o -> {
            StorageContainer c = store.container(h, o.containerId()).orElseThrow();
            return new StoragePlace(store.unit(h, c.unitId()).orElseThrow(), c, o.position(), o.storedAt(), o.storedBy());
        });
    }

    /** Where a store or move puts the product: a position (when its unit is laid out), and the location text. */
    private record Target(Optional<StoragePlace> place, String location) {
    }

    /**
     * Where a store or move puts the product, checked before anything is written: a container and position given
     * by id ({@code containerId}, {@code position}), or a location written as text. A location naming a unit
     * laid out in containers must name one of its containers and a position of it ({@code unit / container /
     * position}); one naming a unit that is not laid out is kept as written (as before units had positions). A
     * position is refused when it is outside its container's grid (422 naming the field), holds another product
     * ({@code POSITION_OCCUPIED}) or its unit's temperature class does not fit the product
     * ({@code STORAGE_UNIT_UNFIT}; both 409 with the field in {@code field}).
     */
    private Target target(Handle h, Actor by, Product p, Step step) {
        if (step.containerId().isPresent()) {
            if (step.location().isPresent()) {
                throw InvalidInputException.of("location", MessageKey.MUTUALLY_EXCLUSIVE, "containerId");
            }
            String id = step.containerId().get();
            StorageContainer c = store.lockContainer(h, id).orElseThrow(() -> InvalidInputException.of("containerId",
                    MessageKey.INVALID, id + " names no storage container"));
            String position = step.position().orElseThrow(() -> InvalidInputException.of("position",
                    MessageKey.REQUIRED_WHEN, "with containerId"));
            return positioned(h, by, p, store.unit(h, c.unitId()).orElseThrow(), c, position, "position",
                    "containerId");
        }
        if (step.position().isPresent()) {
            throw InvalidInputException.of("containerId", MessageKey.REQUIRED_WHEN, "with position");
        }
        String location = step.location().orElseThrow(() -> InvalidInputException.of("location", MessageKey.REQUIRED));
        List<StorageUnit> units = store.units(h);
        String unitName = unitName(location);
        Optional<StorageUnit> unit = units.stream().filter(u -> u.name().equalsIgnoreCase(unitName)).findFirst();
        if (!units.isEmpty() && unit.isEmpty()) {
            throw InvalidInputException.of("location", MessageKey.INVALID, "names no storage unit of the lab ("
                    + unitName + "); the units are " + String.join(", ", units.stream().map(StorageUnit::name)
                    .toList()) + ", written first: unit / rack / box / position");
        }
        if (unit.isEmpty()) {
            return new Target(Optional.empty(), location);
        }
        List<StorageContainer> containers = store.containers(h, unit.get().id());
        if (containers.isEmpty()) {
            return new Target(Optional.empty(), location);
        }
        List<String> parts = java.util.Arrays.stream(location.split("/")).map(String::strip).toList();
        String example = unit.get().name() + " / " + containers.get(0).name() + " / A1";
        if (parts.size() < 3) {
            throw InvalidInputException.of("location", MessageKey.INVALID, unit.get().name() + " is laid out in "
                    + "containers: write unit / container / position, e.g. " + example);
        }
        String containerName = String.join(" / ", parts.subList(1, parts.size() - 1));
        StorageContainer c = containers.stream().filter(x -> StorageContainer.nameKey(x.name()).equals(
                StorageContainer.nameKey(containerName))).findFirst().orElseThrow(() -> InvalidInputException.of(
                        "location", MessageKey.INVALID, "names no container of " + unit.get().name() + " ("
                        + containerName + "); its containers are " + String.join(", ", containers.stream().limit(12)
                        .map(StorageContainer::name).toList()) + (containers.size() > 12 ? ", ..." : "")
                        + ": write unit / container / position, e.g. " + example));
        StorageContainer locked = store.lockContainer(h, c.id()).orElseThrow();
        return positioned(h, by, p, unit.get(), locked, parts.get(parts.size() - 1), "location", "location");
    }

    private Target positioned(Handle h, Actor by, Product p, StorageUnit u, StorageContainer c, String text,
            String positionField, String unitField) {
        String position = c.position(text).orElseThrow(() -> InvalidInputException.of(positionField, MessageKey.INVALID,
                text + " is not a position of " + u.name() + " / " + c.name() + " (A1 to " + c.lastPosition() + ")"));
        u.unfitFor(p).ifPresent(why -> {
            throw new DomainException(Refusal.STORAGE_UNIT_UNFIT, List.of(u.name(), u.kind(), why), Map.of("field",
                    unitField, "unitKind", u.kind()));
        });
        store.occupant(h, c.id(), position).filter(o -> !o.productId().equals(p.id())).ifPresent(o -> {
            Product other = store.find(h, o.productId()).orElseThrow();
            throw new DomainException(Refusal.POSITION_OCCUPIED, List.of(position, u.name() + " / " + c.name(),
                    other.dinPrinted() + " " + other.division()), Map.of("field", positionField, "occupiedBy",
                    other.id()));
        });
        return new Target(Optional.of(new StoragePlace(u, c, position, Times.now(clock), by.username())),
                StoragePlace.location(u, c, position));
    }

    /** A reading as entered or imported: when, and the temperature in °C. */
    public record NewReading(Instant at, double celsius) {
    }

    /** Records readings of a unit's temperature log; each outside the unit's range is an excursion. */
    public StorageUnit.View recordReadings(Handle h, Actor by, String unitId, List<NewReading> readings) {
        StorageUnit u = store.unit(h, unitId).orElseThrow(() -> DomainException.notFound("storage unit"));
        Instant now = Times.now(clock);
        store.insertReadings(h, u.id(), readings.stream().map(r -> new StorageUnit.Reading(r.at(), r.celsius(),
                u.excursion(r.celsius()), now, by.username())).toList());
        return unitView(h, u);
    }

    public List<Product> search(Handle h, Optional<String> patientId, Optional<ProductStatus> status) {
        return store.search(h, patientId, status, MAX_LIST);
    }

    /**
     * The recipient of what a collection session gave for another person: its product's recipient once the lab has
     * registered it; empty for an autologous collection or before the product is registered.
     */
    public Optional<String> recipientOfDonation(Handle h, String sessionId) {
        return store.ofSession(h, sessionId).filter(p -> !p.autologous()).map(Product::recipientId);
    }

    /** The collection sessions whose products (from donors, not the person's own) are for this recipient. */
    public List<String> donationSessionsFor(Handle h, String recipientId) {
        return store.search(h, Optional.of(recipientId), Optional.empty(), MAX_LIST).stream()
                .filter(p -> !p.autologous() && p.parentId().isEmpty() && p.recipientId().equals(recipientId))
                .map(Product::sessionId).distinct().toList();
    }

    /** One custody event as the lab records it. */
    public record Step(EventType type, Instant at, Optional<String> location, Optional<Double> temperatureC,
            Optional<String> reason, Optional<Double> dmsoPercent, Optional<String> freezingRecord,
            Optional<Instant> expiresAt, Optional<Boolean> irradiated, Optional<String> issuedTo,
            List<Double> aliquotVolumesMl, Optional<Integer> version, Processing processing,
            Optional<String> containerId, Optional<String> position) {
        public Step {
            java.util.Objects.requireNonNull(processing, "processing");
            java.util.Objects.requireNonNull(containerId, "containerId");
            java.util.Objects.requireNonNull(position, "position");
        }

        /** A step that names no storage position by id (a location, if any, is written as text). */
        public Step(EventType type, Instant at, Optional<String> location, Optional<Double> temperatureC,
                Optional<String> reason, Optional<Double> dmsoPercent, Optional<String> freezingRecord,
                Optional<Instant> expiresAt, Optional<Boolean> irradiated, Optional<String> issuedTo,
                List<Double> aliquotVolumesMl, Optional<Integer> version, Processing processing) {
            this(type, at, location, temperatureC, reason, dmsoPercent, freezingRecord, expiresAt, irradiated, issuedTo,
                    aliquotVolumesMl, version, processing, Optional.empty(), Optional.empty());
        }

        /** The same step put into a position of a container, given by id. */
        public Step inPosition(String container, String at) {
            return new Step(type, this.at, Optional.empty(), temperatureC, reason, dmsoPercent, freezingRecord, expiresAt,
                    irradiated, issuedTo, aliquotVolumesMl, version, processing, Optional.of(container), Optional.of(at));
        }
    }

    /**
     * What a processing step that changes the bag's contents records: the volume after, the counts measured after
     * (every count the product carried must be counted again: none is scaled from the volume, which would assume
     * every cell recovered), the method, and the new product description code when the step changes it.
     */
    public record Processing(Optional<Double> volumeMl, Optional<Double> cd34PerUl, Optional<Double> cd3PerUl,
            Optional<Double> wbcE9PerL, Optional<String> method, Optional<String> descriptionCode,
            Optional<Double> viabilityPercent, Optional<Double> hematocritPercent) {
        public static final Processing NONE = new Processing(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        /** A processing step that measures neither viability nor haematocrit again. */
        public Processing(Optional<Double> volumeMl, Optional<Double> cd34PerUl, Optional<Double> cd3PerUl,
                Optional<Double> wbcE9PerL, Optional<String> method, Optional<String> descriptionCode) {
            this(volumeMl, cd34PerUl, cd3PerUl, wbcE9PerL, method, descriptionCode, Optional.empty(), Optional.empty());
        }
    }

    /**
     * Records one step of the product's life. Each type says which statuses allow it and what it changes:
     * {@code release-prepared} (quarantine → release-pending), {@code release-verified} (→ released, by another
     * person), {@code stored}/{@code removed} (where it is), {@code cryopreserved} (DMSO %, the freezing record,
     * the new expiry), {@code thawed} (the new expiry), {@code divided} (into aliquots A0, B0, ... of the volumes
     * given), {@code issued} (released only; granulocytes irradiated), {@code discarded} (with the reason).
     *
     * @return the product as it is after the step (for a division, the parent, whose children are the aliquots)
     */
    public Product.View record(Handle h, Actor by, String id, Step step) {
        Product p = store.lock(h, id).orElseThrow(() -> DomainException.notFound("product"));
        step.version().ifPresent(v -> {
            if (v != p.version()) {
                throw DomainException.stale(p.version(), p.id());
            }
        });
        Instant now = Times.now(clock);
        Product.State s = p.state();
        Map<String, Object> details = new LinkedHashMap<>();
        Optional<String> verifier = Optional.empty();
        Optional<String> location = step.location();
        if ((step.containerId().isPresent() || step.position().isPresent()) && step.type() != EventType.STORED
                && step.type() != EventType.MOVED) {
            throw InvalidInputException.of(step.containerId().isPresent() ? "containerId" : "position",
                    MessageKey.INVALID, "names a storage position: it applies to stored and moved only, not to "
                    + step.type().code());
        }
        boolean measures = step.type() == EventType.VOLUME_REDUCED || step.type() == EventType.T_CELL_DEPLETED
                || step.type() == EventType.THAWED;
        if (!measures && (step.processing().viabilityPercent().isPresent()
                || step.processing().hematocritPercent().isPresent())) {
            throw InvalidInputException.of(step.processing().viabilityPercent().isPresent() ? VIABILITY : HEMATOCRIT,
                    MessageKey.NOT_APPLICABLE, step.type().code() + " (measured again after a volume reduction, a "
                    + "T-cell depletion or a thaw)");
        }
        switch (step.type()) {
            case RELEASE_PREPARED -> {
                requireStatus(p, "prepare the release of", ProductStatus.QUARANTINE);
                s = s.withStatus(ProductStatus.RELEASE_PENDING);
            }
            case RELEASE_VERIFIED -> {
                requireStatus(p, "verify the release of", ProductStatus.RELEASE_PENDING);
                String preparer = store.custody(h, id).stream().filter(e -> e.type() == EventType.RELEASE_PREPARED)
                        .reduce((a, b) -> b).map(ProductEvent::by).orElseThrow();
                if (preparer.equals(by.username())) {
                    throw DomainException.of(Refusal.SAME_PERSON_VERIFIES, preparer);
                }
                details.put("preparedBy", preparer);
                verifier = Optional.of(by.username());
                s = s.withStatus(ProductStatus.RELEASED);
            }
            case STORED, MOVED -> {
                boolean move = step.type() == EventType.MOVED;
                requireInStock(p, move ? "move" : "store");
                if (move && p.location().isEmpty()) {
                    throw new DomainException(Refusal.PRODUCT_REFUSED, List.of("move product " + p.dinPrinted(),
                            "it is not stored anywhere; record where it is stored"), Map.of());
                }
                Target target = target(h, by, p, step);
                p.location().ifPresent(from -> details.put("from", from));
                store.vacate(h, id);
                target.place().ifPresent(place -> {
                    store.occupy(h, new ProductStore.Occupancy(place.container().id(), place.position(), id,
                            place.storedAt(), place.storedBy()));
                    details.put("unitId", place.unit().id());
                    details.put("containerId", place.container().id());
                    details.put("position", place.position());
                });
                location = Optional.of(target.location());
                s = s.withLocation(location);
            }
            case REMOVED -> {
                if (p.location().isEmpty()) {
                    throw new DomainException(Refusal.PRODUCT_REFUSED, List.of("take out product " + p.dinPrinted(),
                            "it is not stored anywhere"), Map.of());
                }
                location = p.location();
                s = s.withLocation(Optional.empty());
            }
            case CRYOPRESERVED -> {
                requireInStock(p, "cryopreserve");
                if (!p.kind().mayBeCryopreserved()) {
                    throw new DomainException(Refusal.PRODUCT_REFUSED, List.of("cryopreserve " + p.kind().displayName(),
                            "they are given fresh (" + ProductKind.GRANULOCYTE_SOURCE + ")"), Map.of());
                }
                if (p.frozen()) {
                    throw new DomainException(Refusal.PRODUCT_REFUSED, List.of("cryopreserve product " + p.dinPrinted(),
                            "it is frozen already"), Map.of());
                }
                double dmso = step.dmsoPercent().orElseThrow(() -> InvalidInputException.of("dmsoPercent",
                        MessageKey.REQUIRED));
                Instant expires = requireExpiry(step, now);
                details.put("dmsoPercent", dmso);
                step.freezingRecord().ifPresent(r -> details.put("freezingRecord", r));
                details.put("expiresAt", expires.toString());
                s = new Product.State(s.status(), expires, Optional.of(dmso), true, false, s.irradiated(), s.location());
            }
            case THAWED -> {
                if (!p.frozen() || p.thawed()) {
                    throw new DomainException(Refusal.PRODUCT_REFUSED, List.of("thaw product " + p.dinPrinted(),
                            p.thawed() ? "it was thawed already" : "it was never frozen"), Map.of());
                }
                requireStatus(p, "thaw", java.util.EnumSet.of(ProductStatus.RELEASED, ProductStatus.ISSUED));
                Instant expires = requireExpiry(step, now);
                details.put("expiresAt", expires.toString());
                measured(h, p, step.processing(), details);
                s = new Product.State(s.status(), expires, s.dmsoPercent(), true, true, s.irradiated(), s.location());
            }
            case DIVIDED -> {
                return divide(h, by, p, step, now);
            }
            case VOLUME_REDUCED, T_CELL_DEPLETED -> {
                return process(h, by, p, step);
            }
            case ISSUED -> {
                requireStatus(p, "issue", ProductStatus.RELEASED);
                requireNotExpired(p, step.at(), "issue");
                boolean irradiated = step.irradiated().orElse(p.irradiated());
                if (p.kind().irradiatedBeforeIssue() && !irradiated) {
                    throw new DomainException(Refusal.PRODUCT_REFUSED, List.of("issue " + p.kind().displayName()
                            + " " + p.dinPrinted(), "they must be irradiated before issue; record irradiated: true ("
                            + ProductKind.GRANULOCYTE_SOURCE + ")"), Map.of("field", "irradiated"));
                }
                details.put("irradiated", irradiated);
                step.issuedTo().ifPresent(t -> details.put("issuedTo", t));
                location = step.issuedTo().or(step::location);
                s = new Product.State(ProductStatus.ISSUED, s.expiresAt(), s.dmsoPercent(), s.frozen(), s.thawed(),
                        irradiated, Optional.empty());
            }
            case DISCARDED -> {
                requireStatus(p, "discard", java.util.EnumSet.complementOf(java.util.EnumSet.of(ProductStatus.INFUSED,
                        ProductStatus.DISCARDED, ProductStatus.DIVIDED)));
                details.put("reason", step.reason().orElseThrow(() -> InvalidInputException.of("reason",
                        MessageKey.REQUIRED)));
                s = new Product.State(ProductStatus.DISCARDED, s.expiresAt(), s.dmsoPercent(), s.frozen(), s.thawed(),
                        s.irradiated(), Optional.empty());
            }
            default -> throw InvalidInputException.of("type", MessageKey.NOT_ONE_OF, step.type().code(),
                    "the events the lab records (collected and infused are made by their own routes)");
        }
        step.reason().ifPresent(r -> details.putIfAbsent("note", r));
        Product next = p.with(s);
        leavePosition(h, p, next, step.type(), details);
        if (!store.update(h, next, p.version())) {
            throw DomainException.stale(p.version(), p.id());
        }
        append(h, next, step.type(), step.at(), by, verifier, location, step.temperatureC(), details);
        return view(h, id);
    }

    /**
     * Keeps the positions true to the product: a step that takes it out of its place (taken out, issued,
     * discarded, divided) frees its position; a step that leaves it in its position but changes what it is
     * (cryopreserved, thawed) is refused when the position's unit cannot hold it as it becomes.
     */
    private void leavePosition(Handle h, Product before, Product after, EventType type, Map<String, Object> details) {
        if (type == EventType.STORED || type == EventType.MOVED) {
            return;
        }
        Optional<StoragePlace> place = place(h, before.id());
        if (place.isEmpty()) {
            return;
        }
        if (after.location().isEmpty()) {
            store.vacate(h, before.id());
            details.put("positionFreed", place.get().location());
            return;
        }
        StoragePlace at = place.get();
        at.unit().unfitFor(after).ifPresent(why -> {
            throw new DomainException(Refusal.PRODUCT_REFUSED, List.of("record " + type.code() + " of product "
                    + before.dinPrinted() + " while it is in " + at.location(), at.unit().name() + " cannot hold it "
                    + "then (" + why + "); take it out first"), Map.of("field", "type", "location", at.location()));
        });
    }

    /**
     * A processing step that changes the bag's contents: a volume reduction (plasma removed, the cells concentrated)
     * or a T-cell depletion (by the method recorded, e.g. CD34+ selection or CD3+/CD19+ depletion). On a fresh or
     * thawed product in stock; the volume after is below the volume before; every count the product carried is
     * measured again (a T-cell depletion always counts CD3+); the recovery of CD34+ and of nucleated cells and the
     * CD3+ left are kept with the event. A new product description code, when given, must be in the unit's table:
     * a processing step changes the product (e.g. a T-cell depleted HPC has its own code in the licensed table).
     */
    private Product.View process(Handle h, Actor by, Product p, Step step) {
        String what = step.type() == EventType.VOLUME_REDUCED ? "volume-reduce" : "T-cell deplete";
        requireInStock(p, what);
        if (p.frozen() && !p.thawed()) {
            throw new DomainException(Refusal.PRODUCT_REFUSED, List.of(what + " product " + p.dinPrinted(),
                    "it is frozen; record its thaw first"), Map.of());
        }
        Processing x = step.processing();
        double after = x.volumeMl().orElseThrow(() -> InvalidInputException.of("volumeMl", MessageKey.REQUIRED));
        if (after >= p.volumeMl()) {
            throw InvalidInputException.of("volumeMl", MessageKey.INVALID, String.format(java.util.Locale.ROOT,
                    "%.1f mL is not less than the bag's %.1f mL", after, p.volumeMl()));
        }
        boolean depletion = step.type() == EventType.T_CELL_DEPLETED;
        String method = x.method().orElse(null);
        if (depletion && method == null) {
            throw InvalidInputException.of("method", MessageKey.REQUIRED);
        }
        if (p.cd34PerUl().isPresent() && x.cd34PerUl().isEmpty()) {
            throw InvalidInputException.of("cd34PerUl", MessageKey.INVALID, "the product's CD34+ cells were counted: "
                    + "count them again after processing (none is scaled from the volume)");
        }
        if ((depletion || p.cd3PerUl().isPresent()) && x.cd3PerUl().isEmpty()) {
            throw InvalidInputException.of("cd3PerUl", MessageKey.INVALID, depletion ? "a T-cell depletion records the "
                    + "CD3+ cells left" : "the product's CD3+ cells were counted: count them again after processing");
        }
        if (p.wbcE9PerL().isPresent() && x.wbcE9PerL().isEmpty()) {
            throw InvalidInputException.of("wbcE9PerL", MessageKey.INVALID, "the product's nucleated cells were counted:"
                    + " count them again after processing");
        }
        String code = x.descriptionCode().map(c -> table.lookup("descriptionCode", c).code())
                .orElse(p.descriptionCode());
        Product next = p.processed(after, x.cd34PerUl(), x.cd3PerUl(), x.wbcE9PerL(), code);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("volumeBeforeMl", p.volumeMl());
        details.put("volumeMl", after);
        if (method != null) {
            details.put("method", method);
        }
        recovery(p.cd34Total(), next.cd34Total()).ifPresent(r -> details.put("cd34RecoveryPercent", r));
        recovery(p.tncTotal(), next.tncTotal()).ifPresent(r -> details.put("tncRecoveryPercent", r));
        next.cd3Total().ifPresent(t -> details.put("cd3Total", t));
        recovery(p.cd3Total(), next.cd3Total()).ifPresent(r -> details.put("cd3RemainingPercent", r));
        if (!code.equals(p.descriptionCode())) {
            details.put("descriptionCodeBefore", p.descriptionCode());
            details.put("descriptionCode", code);
        }
        measured(h, p, x, details);
        step.reason().ifPresent(r -> details.put("note", r));
        if (!store.updateContents(h, next, p.version())) {
            throw DomainException.stale(p.version(), p.id());
        }
        append(h, next, step.type(), step.at(), by, Optional.empty(), p.location(), step.temperatureC(), details);
        return view(h, p.id());
    }

    /**
     * Puts the viability and haematocrit measured by a processing step into its event's details, each with the
     * latest value before it and the step that had measured that ({@code viabilityBefore}, {@code hematocritBefore}).
     */
    private void measured(Handle h, Product p, Processing x, Map<String, Object> details) {
        List<ProductEvent> custody = store.custody(h, p.id());
        x.viabilityPercent().ifPresent(v -> {
            details.put(VIABILITY, v);
            latest(h, p, custody, VIABILITY, p.viabilityPercent()).ifPresent(b -> details.put("viabilityBefore",
                    Map.of("percent", b.percent(), "step", b.step().code(), "at", b.at().toString())));
        });
        x.hematocritPercent().ifPresent(v -> {
            details.put(HEMATOCRIT, v);
            latest(h, p, custody, HEMATOCRIT, p.hematocritPercent()).ifPresent(b -> details.put("hematocritBefore",
                    Map.of("percent", b.percent(), "step", b.step().code(), "at", b.at().toString())));
        });
    }

    /** After over before, percent to one decimal, when both were counted and there was something before. */
    private static Optional<Double> recovery(Optional<Double> before, Optional<Double> after) {
        if (before.isEmpty() || after.isEmpty() || before.get() <= 0) {
            return Optional.empty();
        }
        return Optional.of(Math.round(1000 * after.get() / before.get()) / 10.0);
    }

    private Product.View divide(Handle h, Actor by, Product p, Step step, Instant now) {
        requireInStock(p, "divide");
        List<Double> volumes = step.aliquotVolumesMl();
        if (volumes.size() < 2 || volumes.size() > MAX_ALIQUOTS) {
            throw InvalidInputException.of("aliquots", MessageKey.INVALID, volumes.size() + " aliquot(s): a division "
                    + "makes 2 to " + MAX_ALIQUOTS);
        }
        double total = volumes.stream().mapToDouble(Double::doubleValue).sum();
        if (total > p.volumeMl() + 1e-9) {
            throw InvalidInputException.of("aliquots", MessageKey.INVALID, String.format(java.util.Locale.ROOT,
                    "the aliquots hold %.1f mL and the product %.1f mL", total, p.volumeMl()));
        }
        List<String> taken = store.divisionsOf(h, p.din().value());
        boolean inPosition = store.placeOf(h, p.id()).isPresent();
        List<Map<String, Object>> made = new ArrayList<>();
        char letter = 'A';
        for (double v : volumes) {
            while (taken.contains(letter + "0")) {
                letter++;
            }
            if (letter > 'Z') {
                throw InvalidInputException.of("aliquots", MessageKey.INVALID, "no first-level division code is free");
            }
            String division = letter + "0";
            taken = new ArrayList<>(taken);
            taken.add(division);
            Product child = p.aliquot(Ids.next(), division, v, inPosition ? Optional.empty() : p.location(), now,
                    by.username());
            store.insert(h, child);
            append(h, child, EventType.DIVIDED_FROM, step.at(), by, Optional.empty(), child.location(),
                    step.temperatureC(), Map.of("parentId", p.id(), "division", division, "volumeMl", v));
            made.add(Map.of("id", child.id(), "division", division, "volumeMl", v));
        }
        Product parent = p.with(p.state().withStatus(ProductStatus.DIVIDED).withLocation(Optional.empty()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("aliquots", made);
        leavePosition(h, p, parent, EventType.DIVIDED, details);
        if (!store.update(h, parent, p.version())) {
            throw DomainException.stale(p.version(), p.id());
        }
        append(h, parent, EventType.DIVIDED, step.at(), by, Optional.empty(), p.location(), step.temperatureC(),
                details);
        return view(h, p.id());
    }

    /**
     * What the product's ISBT 128 label carries: its DIN with check flags, the facility, the donor's ABO/RhD as
     * recorded when the product was made, the product code and description, expiry and collection in the unit's
     * time, and the intended recipient's name and MRN.
     */
    public org.openapheresis.server.product.label.LabelContent label(Handle h, String id) {
        Product.View v = view(h, id);
        Product p = v.product();
        ProductStore.Facility facility = store.facility(h).orElseThrow(() -> DomainException.of(Refusal.FACILITY_NOT_SET));
        Map<String, Object> made = v.custody().get(0).details();
        Object abo = made.get("abo");
        Object rh = made.get("rh");
        if (abo == null || rh == null) {
            throw new DomainException(Refusal.PRODUCT_REFUSED, List.of("print the label of " + p.dinPrinted(),
                    "the donor's ABO and RhD were not recorded when the product was made"), Map.of("field", "abo"));
        }
        org.openapheresis.isbt128.BloodGroups groups = org.openapheresis.isbt128.BloodGroups.of(
                org.openapheresis.isbt128.BloodGroups.Abo.valueOf(abo.toString()),
                "pos".equals(rh) ? org.openapheresis.isbt128.BloodGroups.RhD.POSITIVE
                        : org.openapheresis.isbt128.BloodGroups.RhD.NEGATIVE);
        PatientRecord recipient = patients.require(h, p.recipientId());
        java.time.ZoneId zone = clock.getZone();
        return new org.openapheresis.server.product.label.LabelContent(
                org.openapheresis.isbt128.DonationIdentificationNumber.withCheckFlags(p.din()), facility.name(), groups,
                p.productCode(), table.lookup("descriptionCode", p.descriptionCode()),
                new org.openapheresis.isbt128.ExpirationDateTime(java.time.LocalDateTime.ofInstant(p.expiresAt(), zone)
                        .truncatedTo(java.time.temporal.ChronoUnit.MINUTES)),
                Optional.of(new org.openapheresis.isbt128.CollectionDateTime(java.time.LocalDateTime.ofInstant(
                        p.collectedAt(), zone).truncatedTo(java.time.temporal.ChronoUnit.MINUTES))),
                Optional.empty(), Optional.of(new org.openapheresis.server.product.label.IntendedRecipient(
                        recipient.familyName() + ", " + recipient.givenName(), recipient.mrn())));
    }

    /**
     * The bedside check and the infusion record.
     *
     * @param patientId what the wristband carries: the patient's record id or medical record number
     * @param observed the vital signs before and after, and the reaction with its grade
     */
    public record Infusion(String patientId, String scannedDin, Instant at, Optional<Double> volumeMl,
            Observed observed, boolean acknowledgeDmsoLimit, boolean acknowledgeGvhdHold,
            boolean acknowledgeDliLowerDose, boolean acknowledgeDliInterval) {

        public Infusion {
            Objects.requireNonNull(observed, "observed");
        }

        /** An infusion that acknowledges nothing of a DLI schedule. */
        public Infusion(String patientId, String scannedDin, Instant at, Optional<Double> volumeMl,
                Observed observed, boolean acknowledgeDmsoLimit, boolean acknowledgeGvhdHold) {
            this(patientId, scannedDin, at, volumeMl, observed, acknowledgeDmsoLimit, acknowledgeGvhdHold, false, false);
        }
    }

    /**
     * What the nurse observed at an infusion: the vital signs before it started and after it ended, and a reaction,
     * graded.
     */
    public record Observed(Optional<Vitals> before, Optional<Vitals> after, Optional<Reaction> reaction) {

        /** Nothing observed (a record made without the bedside observations). */
        public static final Observed NOTHING = new Observed(Optional.empty(), Optional.empty(), Optional.empty());

        public Observed {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(reaction, "reaction");
        }
    }

    /**
     * Vital signs at the bedside, each in the unit its name carries and within the ranges the session's vitals
     * accept; at least one is measured.
     */
    public record Vitals(Optional<Double> systolicMmHg, Optional<Double> diastolicMmHg, Optional<Double> pulsePerMin,
            Optional<Double> spo2Percent, Optional<Double> temperatureC) {

        public Vitals {
            if (systolicMmHg.isEmpty() && diastolicMmHg.isEmpty() && pulsePerMin.isEmpty() && spo2Percent.isEmpty()
                    && temperatureC.isEmpty()) {
                throw InvalidInputException.of("", MessageKey.INVALID, "vital signs need at least one measurement");
            }
            if (systolicMmHg.isPresent() && diastolicMmHg.isPresent() && diastolicMmHg.get() >= systolicMmHg.get()) {
                throw InvalidInputException.of("diastolicMmHg", MessageKey.INVALID, diastolicMmHg.get()
                        + " mmHg is not below the systolic " + systolicMmHg.get() + " mmHg");
            }
        }

        Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            systolicMmHg.ifPresent(v -> m.put("systolicMmHg", v));
            diastolicMmHg.ifPresent(v -> m.put("diastolicMmHg", v));
            pulsePerMin.ifPresent(v -> m.put("pulsePerMin", v));
            spo2Percent.ifPresent(v -> m.put("spo2Percent", v));
            temperatureC.ifPresent(v -> m.put("temperatureC", v));
            return m;
        }
    }

    /**
     * A reaction to the infusion, described and graded as CTCAE v5.0 grades an infusion related reaction: 1 mild,
     * transient, no interruption or intervention; 2 interruption indicated but responds promptly to symptomatic
     * treatment; 3 prolonged or recurring, hospitalisation indicated; 4 life-threatening, urgent intervention; 5
     * death (docs/sources.md, "Bedside observations").
     */
    public record Reaction(String description, int ctcaeGrade) {

        public static final org.openapheresis.system.Range GRADES = org.openapheresis.system.Range.of(1, 5);

        public Reaction {
            Objects.requireNonNull(description, "description");
            if (description.isBlank()) {
                throw InvalidInputException.of("reaction", MessageKey.REQUIRED);
            }
            if (ctcaeGrade < 1 || ctcaeGrade > 5) {
                throw InvalidInputException.of("reactionGrade", MessageKey.INVALID, ctcaeGrade + " is not a CTCAE grade "
                        + "(1 to 5)");
            }
        }
    }

    /**
     * Asked at the bedside before donor lymphocytes are infused, inside the infusion's transaction: may refuse (a
     * {@link DomainException}) or add to the infusion's details (the DLI schedule checks the dose it expects next).
     */
    public interface LymphocyteInfusionCheck {
        /**
         * @param cd3PerKg the dose of this infusion, CD3+ per kg of the recipient's weight, when it can be computed
         * @param details the infusion event's details, to add to
         */
        void check(Handle h, Product p, Infusion inf, Optional<Double> cd3PerKg, Map<String, Object> details);
    }

    private final List<LymphocyteInfusionCheck> lymphocyteChecks = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Adds a check of the infusions of donor lymphocytes. */
    public void checkLymphocyteInfusionsWith(LymphocyteInfusionCheck c) {
        lymphocyteChecks.add(c);
    }

    /**
     * Checks at the bedside that this is the right product for this patient and that it may be given now, then
     * records the infusion with the dose per kg of the recipient's weight. Refused, naming what did not match: a
     * scanned DIN of another product, a patient who is not its recipient, a product not issued, expired, frozen
     * but not thawed, or DMSO beyond the daily limit per kg unless the physician's decision is acknowledged.
     */
    public Product.View infuse(Handle h, Actor by, String id, Infusion inf, Din scanned) {
        Product p = store.lock(h, id).orElseThrow(() -> DomainException.notFound("product"));
        if (!scanned.equals(p.din())) {
            throw bedside("DIN_MISMATCH", "the scanned DIN " + scanned.printed() + " is not this product's ("
                    + p.dinPrinted() + ")");
        }
        PatientRecord intended = patients.require(h, p.recipientId());
        List<ProductStore.Given> given = store.infusionsOf(h, p.recipientId());
        String wristband = inf.patientId().strip();
        if (!wristband.equals(intended.id()) && !wristband.equalsIgnoreCase(intended.mrn())) {
            throw bedside("WRONG_RECIPIENT", p.autologous() ? "this is an autologous product: only its donor may "
                    + "receive it, and the wristband is another patient's" : "the wristband is not the intended "
                    + "recipient's");
        }
        if (p.status() != ProductStatus.ISSUED) {
            throw bedside("NOT_ISSUED", "the product is " + p.status().code() + ", not issued for infusion");
        }
        if (inf.at().isAfter(p.expiresAt())) {
            throw bedside("EXPIRED", "the product expired at " + p.expiresAt());
        }
        if (p.frozen() && !p.thawed()) {
            throw bedside("NOT_THAWED", "the product is frozen; the lab records its thaw first");
        }
        PatientRecord recipient = intended;
        Map<String, Object> details = new LinkedHashMap<>();
        if (p.kind() == ProductKind.LYMPHOCYTES) {
            Optional<Instant> lastDose = lastLymphocyteDose(given, inf.at());
            if (lastDose.isPresent()) {
                org.openapheresis.gvhd.DliHoldDecision d = followUps.dliHold(h, p.recipientId(), lastDose.get()).decision();
                if (d.hold() && !inf.acknowledgeGvhdHold()) {
                    throw bedside("GVHD_HOLD", d.warning().orElseThrow() + "; if the physician decides to give it, send "
                            + "acknowledgeGvhdHold: true");
                }
                if (d.hold()) {
                    details.put("gvhdHoldAcknowledged", d.warning().orElseThrow());
                }
            }
        }
        double volume = inf.volumeMl().orElse(p.volumeMl());
        if (volume > p.volumeMl() + 1e-9) {
            throw InvalidInputException.of("volumeMl", MessageKey.INVALID, volume + " mL is more than the bag holds ("
                    + p.volumeMl() + " mL)");
        }
        details.put("volumeMl", volume);
        double fraction = volume / p.volumeMl();
        if (recipient.weightKg().isPresent()) {
            double kg = recipient.weightKg().getAsDouble();
            details.put("recipientWeightKg", kg);
            p.cd34Total().ifPresent(c -> details.put("cd34PerKg", c * fraction / kg));
            p.cd3Total().ifPresent(c -> details.put("cd3PerKg", c * fraction / kg));
            p.tncTotal().ifPresent(c -> details.put("tncPerKg", c * fraction / kg));
            p.neutrophilTotal().ifPresent(c -> details.put("granulocytesPerKg", c * fraction / kg));
            if (p.dmsoPercent().isPresent()) {
                double grams = volume * p.dmsoPercent().get() / 100 * DMSO_DENSITY_G_PER_ML;
                double today = dmsoGivenSince(given, inf.at().minus(Duration.ofHours(24))) + grams;
                details.put("dmsoG", grams);
                details.put("dmsoGPerKgLast24h", today / kg);
                if (today / kg > DMSO_LIMIT_G_PER_KG_PER_DAY && !inf.acknowledgeDmsoLimit()) {
                    throw bedside("DMSO_LIMIT", String.format(java.util.Locale.ROOT, "this infusion brings the DMSO of the "
                            + "last 24 hours to %.2f g/kg, above %.1f g/kg a day; the physician decides, then send "
                            + "acknowledgeDmsoLimit: true", today / kg, DMSO_LIMIT_G_PER_KG_PER_DAY));
                }
                if (today / kg > DMSO_LIMIT_G_PER_KG_PER_DAY) {
                    details.put("dmsoLimitAcknowledged", true);
                }
            }
        } else {
            details.put("dosePerKg", "not computed: the recipient has no weight recorded");
        }
        if (p.kind() == ProductKind.LYMPHOCYTES) {
            Optional<Double> cd3PerKg = details.get("cd3PerKg") instanceof Double d ? Optional.of(d) : Optional.empty();
            for (LymphocyteInfusionCheck c : lymphocyteChecks) {
                c.check(h, p, inf, cd3PerKg, details);
            }
        }
        inf.observed().before().ifPresent(v -> details.put("vitalsBefore", v.asMap()));
        inf.observed().after().ifPresent(v -> details.put("vitalsAfter", v.asMap()));
        inf.observed().reaction().ifPresent(r -> {
            details.put("reaction", r.description());
            details.put("reactionGrade", r.ctcaeGrade());
        });
        details.put("scannedDin", scanned.printed());
        Product next = p.with(p.state().withStatus(ProductStatus.INFUSED));
        if (!store.update(h, next, p.version())) {
            throw DomainException.stale(p.version(), p.id());
        }
        append(h, next, EventType.INFUSED, inf.at(), by, Optional.empty(), Optional.empty(), Optional.empty(), details);
        return view(h, id);
    }

    /** When the recipient was last given donor lymphocytes before {@code at}, if ever. */
    private static Optional<Instant> lastLymphocyteDose(List<ProductStore.Given> given, Instant at) {
        return given.stream().filter(g -> g.kind() == ProductKind.LYMPHOCYTES).map(g -> g.event().at())
                .filter(t -> !t.isAfter(at)).max(Instant::compareTo);
    }

    /** DMSO given to the recipient by the infusions from {@code since}, g. */
    private static double dmsoGivenSince(List<ProductStore.Given> given, Instant since) {
        double grams = 0;
        for (ProductStore.Given g : given) {
            if (!g.event().at().isBefore(since) && g.event().details().get("dmsoG") instanceof Number n) {
                grams += n.doubleValue();
            }
        }
        return grams;
    }

    private static DomainException bedside(String reason, String what) {
        return new DomainException(Refusal.BEDSIDE_CHECK_FAILED, List.of(what), Map.of("reason", reason));
    }

    private static Instant requireExpiry(Step step, Instant now) {
        Instant expires = step.expiresAt().orElseThrow(() -> InvalidInputException.of("expiresAt", MessageKey.REQUIRED));
        if (!expires.isAfter(step.at())) {
            throw InvalidInputException.of("expiresAt", MessageKey.INVALID, expires + " is not after the step (" + step.at()
                    + ")");
        }
        return expires;
    }

    private static void requireNotExpired(Product p, Instant at, String action) {
        if (at.isAfter(p.expiresAt())) {
            throw new DomainException(Refusal.PRODUCT_REFUSED, List.of(action + " product " + p.dinPrinted(),
                    "it expired at " + p.expiresAt()), Map.of("expiresAt", p.expiresAt().toString()));
        }
    }

    private static void requireStatus(Product p, String action, ProductStatus wanted) {
        requireStatus(p, action, java.util.EnumSet.of(wanted));
    }

    private static void requireInStock(Product p, String action) {
        requireStatus(p, action, ProductStatus.IN_STOCK);
    }

    /** Refuses (409 {@code PRODUCT_WRONG_STATUS}) a step the product's status does not allow. */
    private static void requireStatus(Product p, String action, java.util.Set<ProductStatus> allowed) {
        if (!allowed.contains(p.status())) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("currentStatus", p.status().code());
            if (allowed.size() == 1) {
                details.put("requiredStatus", allowed.iterator().next().code());
            }
            throw new DomainException(Refusal.PRODUCT_WRONG_STATUS, List.of(action, p.status().code()), details);
        }
    }

    private void append(Handle h, Product p, EventType type, Instant at, Actor by, Optional<String> verifier,
            Optional<String> location, Optional<Double> temperatureC, Map<String, Object> details) {
        Optional<ProductEvent> last = store.lastEvent(h, p.id());
        if (last.isPresent() && at.isBefore(last.get().at())) {
            throw InvalidInputException.of("at", MessageKey.INVALID, at + " is before the product's last event ("
                    + last.get().type().code() + " at " + last.get().at() + "): events are recorded in the order they "
                    + "happen");
        }
        int seq = last.map(ProductEvent::seq).orElse(0) + 1;
        if (at.isAfter(Times.now(clock).plus(CLOCK_SKEW))) {
            throw InvalidInputException.of("at", MessageKey.IN_THE_FUTURE, at);
        }
        ProductEvent e = new ProductEvent(seq, type, at, Times.now(clock), by.username(), verifier, location,
                temperatureC, p.status(), details);
        store.append(h, p.id(), e);
        for (StepListener l : stepListeners) {
            l.recorded(h, by, p, e);
        }
    }

    /** Told of every event recorded on a product, inside the recording transaction (billing codes the steps). */
    public interface StepListener {
        void recorded(Handle h, Actor by, Product p, ProductEvent e);
    }

    private final List<StepListener> stepListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Adds a listener of the events recorded on products. */
    public void whenRecorded(StepListener l) {
        stepListeners.add(l);
    }
}
