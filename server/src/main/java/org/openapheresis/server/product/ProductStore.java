package org.openapheresis.server.product;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.openapheresis.isbt128.CollectionType;
import org.openapheresis.isbt128.Din;
import org.openapheresis.server.db.Ids;
import org.openapheresis.server.db.Times;
import org.openapheresis.server.json.Json;

/** Products, their custody events, the unit's facility and its DIN sequence: SQL only, in the caller's handle. */
public final class ProductStore {

    private static final String COLUMNS = "id, version, din, description_code, collection_type, division, kind, status, "
            + "parent_id, session_id, donor_id, recipient_id, autologous, collected_at, expires_at, volume_ml, "
            + "cd34_per_ul, cd3_per_ul, wbc_e9_per_l, neutrophils_e9_per_l, viability_percent, hematocrit_percent, anticoagulant, "
            + "dmso_percent, frozen, thawed, irradiated, location, created_at, created_by";

    private static final String EVENT_COLUMNS = "seq, type, at, recorded_at, by_user, verifier, location, temperature_c, "
            + "status_after, details";
    /** The same columns of the events' table named {@code e} in a join. */
    private static final String EVENT_COLUMNS_OF_E = EVENT_COLUMNS.replaceAll("(^|, )", "$1e.");

    /** The unit's facility: its FIN and name. */
    public record Facility(String fin, String name, Instant setAt, String setBy) {
    }

    public Optional<Facility> facility(Handle h) {
        return h.createQuery("SELECT fin, name, set_at, set_by FROM unit_facility WHERE id = 1")
                .map((rs, c) -> new Facility(rs.getString(1), rs.getString(2), Times.fromDb(rs.getObject(3,
                        java.time.LocalDateTime.class)), rs.getString(4))).findOne();
    }

    public void setFacility(Handle h, Facility f) {
        int n = h.createUpdate("UPDATE unit_facility SET fin = :fin, name = :name, set_at = :at, set_by = :by WHERE id = 1")
                .bind("fin", f.fin()).bind("name", f.name()).bind("at", Times.toDb(f.setAt())).bind("by", f.setBy())
                .execute();
        if (n == 0) {
            h.createUpdate("INSERT INTO unit_facility (id, fin, name, set_at, set_by) VALUES (1, :fin, :name, :at, :by)")
                    .bind("fin", f.fin()).bind("name", f.name()).bind("at", Times.toDb(f.setAt()))
                    .bind("by", f.setBy()).execute();
        }
    }

    /**
     * Takes the next sequence number of the facility's year, under the sequence row's lock (a first number of the
     * year inserts the row; two processes racing to insert it meet the primary key, and the loser takes the next).
     *
     * @return the sequence number taken, from 1
     */
    public int nextSequence(Handle h, String fin, int year2) {
        for (int attempt = 0; attempt < 2; attempt++) {
            Optional<Integer> current = h.createQuery("SELECT next_sequence FROM din_sequence WHERE fin = :f AND year2 = :y "
                    + "FOR UPDATE").bind("f", fin).bind("y", year2).mapTo(Integer.class).findOne();
            if (current.isPresent()) {
                h.createUpdate("UPDATE din_sequence SET next_sequence = next_sequence + 1 WHERE fin = :f AND year2 = :y")
                        .bind("f", fin).bind("y", year2).execute();
                return current.get();
            }
            String savepoint = "din_" + Ids.next().replace("-", "");
            h.savepoint(savepoint);
            try {
                h.createUpdate("INSERT INTO din_sequence (fin, year2, next_sequence) VALUES (:f, :y, 2)").bind("f", fin)
                        .bind("y", year2).execute();
                h.release(savepoint);
                return 1;
            } catch (RuntimeException raced) {
                h.rollbackToSavepoint(savepoint); // another process inserted the year's row first: take the next
            }
        }
        throw new IllegalStateException("no DIN sequence row for " + fin + " " + year2 + " after inserting it");
    }

    public void insert(Handle h, Product p) {
        h.createUpdate("INSERT INTO cell_product (" + COLUMNS + ") VALUES (:id, :version, :din, :descriptionCode, "
                + ":collectionType, :division, :kind, :status, :parentId, :sessionId, :donorId, :recipientId, :autologous, "
                + ":collectedAt, :expiresAt, :volumeMl, :cd34, :cd3, :wbc, :neutrophils, :viability, :hct, :anticoagulant, :dmso, "
                + ":frozen, :thawed, :irradiated, :location, :createdAt, :createdBy)")
                .bind("id", p.id()).bind("version", p.version()).bind("din", p.din().value())
                .bind("descriptionCode", p.descriptionCode()).bind("collectionType", String.valueOf(p.collectionType().code()))
                .bind("division", p.division()).bind("kind", p.kind().code()).bind("status", p.status().code())
                .bind("parentId", p.parentId().orElse(null)).bind("sessionId", p.sessionId()).bind("donorId", p.donorId())
                .bind("recipientId", p.recipientId()).bind("autologous", p.autologous())
                .bind("collectedAt", Times.toDb(p.collectedAt())).bind("expiresAt", Times.toDb(p.expiresAt()))
                .bind("volumeMl", p.volumeMl()).bind("cd34", p.cd34PerUl().orElse(null)).bind("cd3", p.cd3PerUl().orElse(null))
                .bind("wbc", p.wbcE9PerL().orElse(null)).bind("neutrophils", p.neutrophilsE9PerL().orElse(null))
                .bind("viability", p.viabilityPercent().orElse(null))
                .bind("hct", p.hematocritPercent().orElse(null)).bind("anticoagulant", p.anticoagulant())
                .bind("dmso", p.dmsoPercent().orElse(null)).bind("frozen", p.frozen()).bind("thawed", p.thawed())
                .bind("irradiated", p.irradiated()).bind("location", p.location().orElse(null))
                .bind("createdAt", Times.toDb(p.createdAt())).bind("createdBy", p.createdBy()).execute();
    }

    /** Writes the product's new state if nobody changed it since {@code expectedVersion}. */
    public boolean update(Handle h, Product p, int expectedVersion) {
        return h.createUpdate("UPDATE cell_product SET version = :version, status = :status, expires_at = :expiresAt, "
                + "dmso_percent = :dmso, frozen = :frozen, thawed = :thawed, irradiated = :irradiated, location = :location "
                + "WHERE id = :id AND version = :expected").bind("version", p.version()).bind("status", p.status().code())
                .bind("expiresAt", Times.toDb(p.expiresAt())).bind("dmso", p.dmsoPercent().orElse(null))
                .bind("frozen", p.frozen()).bind("thawed", p.thawed()).bind("irradiated", p.irradiated())
                .bind("location", p.location().orElse(null)).bind("id", p.id()).bind("expected", expectedVersion)
                .execute() == 1;
    }

    /** Writes a processed product's contents (volume, counts, description code) and version, as update does. */
    public boolean updateContents(Handle h, Product p, int expectedVersion) {
        return h.createUpdate("UPDATE cell_product SET version = :version, volume_ml = :volume, cd34_per_ul = :cd34, "
                + "cd3_per_ul = :cd3, wbc_e9_per_l = :wbc, description_code = :code WHERE id = :id AND version = :expected")
                .bind("version", p.version()).bind("volume", p.volumeMl()).bind("cd34", p.cd34PerUl().orElse(null))
                .bind("cd3", p.cd3PerUl().orElse(null)).bind("wbc", p.wbcE9PerL().orElse(null))
                .bind("code", p.descriptionCode()).bind("id", p.id()).bind("expected", expectedVersion).execute() == 1;
    }

    public Optional<Product> find(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM cell_product WHERE id = :id").bind("id", id)
                .map((rs, c) -> row(rs)).findOne();
    }

    /** Takes the product's row lock until the transaction ends: its events are appended one at a time. */
    public Optional<Product> lock(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM cell_product WHERE id = :id FOR UPDATE").bind("id", id)
                .map((rs, c) -> row(rs)).findOne();
    }

    /** The root product of a collection session, if one was made. */
    public Optional<Product> ofSession(Handle h, String sessionId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM cell_product WHERE session_id = :s AND parent_id IS NULL")
                .bind("s", sessionId).map((rs, c) -> row(rs)).findOne();
    }

    /** Products whose donor or recipient is the patient (every product of a patient), and of a status. */
    public List<Product> search(Handle h, Optional<String> patientId, Optional<ProductStatus> status, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM cell_product WHERE 1 = 1");
        patientId.ifPresent(p -> sql.append(" AND (recipient_id = :p OR donor_id = :p)"));
        status.ifPresent(s -> sql.append(" AND status = :st"));
        sql.append(" ORDER BY collected_at DESC, din, division LIMIT :limit");
        var q = h.createQuery(sql.toString()).bind("limit", limit);
        patientId.ifPresent(p -> q.bind("p", p));
        status.ifPresent(s -> q.bind("st", s.code()));
        return q.map((rs, c) -> row(rs)).list();
    }

    public List<String> children(Handle h, String id) {
        return h.createQuery("SELECT id FROM cell_product WHERE parent_id = :id ORDER BY division").bind("id", id)
                .mapTo(String.class).list();
    }

    public List<String> divisionsOf(Handle h, String din) {
        return h.createQuery("SELECT division FROM cell_product WHERE din = :d").bind("d", din).mapTo(String.class)
                .list();
    }

    public void append(Handle h, String productId, ProductEvent e) {
        h.createUpdate("INSERT INTO product_event (id, product_id, seq, type, at, recorded_at, by_user, verifier, "
                + "location, temperature_c, status_after, details) VALUES (:id, :p, :seq, :type, :at, :recordedAt, :by, "
                + ":verifier, :location, :temperature, :status, :details)").bind("id", Ids.next()).bind("p", productId)
                .bind("seq", e.seq()).bind("type", e.type().code()).bind("at", Times.toDb(e.at()))
                .bind("recordedAt", Times.toDb(e.recordedAt())).bind("by", e.by()).bind("verifier", e.verifier().orElse(null))
                .bind("location", e.location().orElse(null)).bind("temperature", e.temperatureC().orElse(null))
                .bind("status", e.statusAfter().code())
                .bind("details", e.details().isEmpty() ? null : Json.compact(e.details())).execute();
    }

    /** The product's latest event, when it has one. */
    public Optional<ProductEvent> lastEvent(Handle h, String productId) {
        return h.createQuery("SELECT " + EVENT_COLUMNS + " FROM product_event WHERE product_id = :p ORDER BY seq DESC "
                + "LIMIT 1").bind("p", productId).map((rs, c) -> event(rs)).findOne();
    }

    /** An infusion given to a recipient: what kind of product, and its infusion event. */
    public record Given(ProductKind kind, ProductEvent event) {
    }

    /** Every infusion the patient received (as recipient), in one query over the products and their events. */
    public List<Given> infusionsOf(Handle h, String recipientId) {
        return h.createQuery("SELECT p.kind, " + EVENT_COLUMNS_OF_E + " FROM product_event e "
                + "JOIN cell_product p ON p.id = e.product_id WHERE p.recipient_id = :r AND e.type = :t ORDER BY e.at")
                .bind("r", recipientId).bind("t", ProductEvent.EventType.INFUSED.code())
                .map((rs, c) -> new Given(ProductKind.fromCode(rs.getString(1)).orElseThrow(), event(rs, 1))).list();
    }

    public List<ProductEvent> custody(Handle h, String productId) {
        return h.createQuery("SELECT " + EVENT_COLUMNS + " FROM product_event WHERE product_id = :p ORDER BY seq")
                .bind("p", productId)
                .map((rs, c) -> event(rs)).list();
    }

    private static ProductEvent event(ResultSet rs) throws SQLException {
        return event(rs, 0);
    }

    /** The event in the columns {@link #EVENT_COLUMNS} after the first {@code b} columns of the row. */
    @SuppressWarnings("unchecked")
    private static ProductEvent event(ResultSet rs, int b) throws SQLException {
        String details = rs.getString(b + 10);
        Optional<Double> temperature = d(rs, b + 8);
        return new ProductEvent(rs.getInt(b + 1), ProductEvent.EventType.fromCode(rs.getString(b + 2)).orElseThrow(),
                time(rs, b + 3), time(rs, b + 4), rs.getString(b + 5), Optional.ofNullable(rs.getString(b + 6)),
                Optional.ofNullable(rs.getString(b + 7)), temperature,
                ProductStatus.fromCode(rs.getString(b + 9)).orElseThrow(),
                details == null ? Map.of() : (Map<String, Object>) Json.parse(details));
    }

    private static Product row(ResultSet rs) throws SQLException {
        return new Product(rs.getString(1), rs.getInt(2), Din.parse("din", rs.getString(3)), rs.getString(4),
                CollectionType.of(rs.getString(5).charAt(0)).orElseThrow(), rs.getString(6),
                ProductKind.fromCode(rs.getString(7)).orElseThrow(), ProductStatus.fromCode(rs.getString(8)).orElseThrow(),
                Optional.ofNullable(rs.getString(9)), rs.getString(10), rs.getString(11), rs.getString(12),
                rs.getBoolean(13), time(rs, 14), time(rs, 15), rs.getDouble(16), d(rs, 17), d(rs, 18), d(rs, 19),
                d(rs, 20), d(rs, 21), d(rs, 22), rs.getString(23), d(rs, 24), rs.getBoolean(25), rs.getBoolean(26),
                rs.getBoolean(27), Optional.ofNullable(rs.getString(28)), time(rs, 29), rs.getString(30));
    }

    private static Optional<Double> d(ResultSet rs, int col) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? Optional.empty() : Optional.of(v);
    }

    private static Instant time(ResultSet rs, int col) throws SQLException {
        return Times.fromDb(rs.getObject(col, java.time.LocalDateTime.class));
    }

    // ---------- storage units and their temperature logs ----------

    public void insertUnit(Handle h, StorageUnit u) {
        h.createUpdate("INSERT INTO storage_unit (id, name, name_key, kind, lowest_c, highest_c, created_at, created_by) "
                + "VALUES (:id, :name, :key, :kind, :low, :high, :at, :by)").bind("id", u.id()).bind("name", u.name())
                .bind("key", u.name().toLowerCase(java.util.Locale.ROOT)).bind("kind", u.kind()).bind("low", u.lowestC())
                .bind("high", u.highestC()).bind("at", Times.toDb(u.createdAt())).bind("by", u.createdBy()).execute();
    }

    public List<StorageUnit> units(Handle h) {
        return h.createQuery("SELECT id, name, kind, lowest_c, highest_c, created_at, created_by FROM storage_unit "
                + "ORDER BY name_key").map((rs, c) -> unit(rs)).list();
    }

    public Optional<StorageUnit> unitNamed(Handle h, String name) {
        return h.createQuery("SELECT id, name, kind, lowest_c, highest_c, created_at, created_by FROM storage_unit "
                + "WHERE name_key = :k").bind("k", name.toLowerCase(java.util.Locale.ROOT)).map((rs, c) -> unit(rs))
                .findOne();
    }

    public Optional<StorageUnit> unit(Handle h, String id) {
        return h.createQuery("SELECT id, name, kind, lowest_c, highest_c, created_at, created_by FROM storage_unit "
                + "WHERE id = :id").bind("id", id).map((rs, c) -> unit(rs)).findOne();
    }

    public void insertReadings(Handle h, String unitId, List<StorageUnit.Reading> readings) {
        org.jdbi.v3.core.statement.PreparedBatch b = h.prepareBatch("INSERT INTO temperature_reading (id, unit_id, at, "
                + "celsius, excursion, recorded_at, recorded_by) VALUES (:id, :u, :at, :c, :x, :rat, :by)");
        for (StorageUnit.Reading r : readings) {
            b.bind("id", Ids.next()).bind("u", unitId).bind("at", Times.toDb(r.at())).bind("c", r.celsius())
                    .bind("x", r.excursion()).bind("rat", Times.toDb(r.recordedAt())).bind("by", r.recordedBy()).add();
        }
        b.execute();
    }

    /** The unit's readings from {@code since} (all when empty), newest first, at most {@code limit}. */
    public List<StorageUnit.Reading> readings(Handle h, String unitId, Optional<Instant> since, boolean excursionsOnly,
            int limit) {
        return h.createQuery("SELECT at, celsius, excursion, recorded_at, recorded_by FROM temperature_reading "
                + "WHERE unit_id = :u" + (since.isPresent() ? " AND at >= :since" : "")
                + (excursionsOnly ? " AND excursion = TRUE" : "") + " ORDER BY at DESC LIMIT :limit").bind("u", unitId)
                .bind("since", since.map(Times::toDb).orElse(null)).bind("limit", limit)
                .map((rs, c) -> new StorageUnit.Reading(time(rs, 1), rs.getDouble(2), rs.getBoolean(3), time(rs, 4),
                        rs.getString(5))).list();
    }

    public int readingCount(Handle h, String unitId) {
        return h.createQuery("SELECT COUNT(*) FROM temperature_reading WHERE unit_id = :u").bind("u", unitId)
                .mapTo(Integer.class).one();
    }

    private static StorageUnit unit(ResultSet rs) throws SQLException {
        return new StorageUnit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getDouble(5),
                time(rs, 6), rs.getString(7));
    }

    // ---------- containers of storage units and the positions products are in ----------

    private static final String CONTAINER_COLUMNS = "id, unit_id, name, grid_rows, grid_columns, created_at, created_by";

    public void insertContainer(Handle h, StorageContainer c) {
        h.createUpdate("INSERT INTO storage_container (" + CONTAINER_COLUMNS + ", name_key) VALUES (:id, :unit, :name, "
                + ":rows, :columns, :at, :by, :key)").bind("id", c.id()).bind("unit", c.unitId()).bind("name", c.name())
                .bind("rows", c.rows()).bind("columns", c.columns()).bind("at", Times.toDb(c.createdAt()))
                .bind("by", c.createdBy()).bind("key", StorageContainer.nameKey(c.name())).execute();
    }

    /** The unit's containers, by name. */
    public List<StorageContainer> containers(Handle h, String unitId) {
        return h.createQuery("SELECT " + CONTAINER_COLUMNS + " FROM storage_container WHERE unit_id = :u ORDER BY name_key")
                .bind("u", unitId).map((rs, c) -> container(rs)).list();
    }

    public Optional<StorageContainer> container(Handle h, String id) {
        return h.createQuery("SELECT " + CONTAINER_COLUMNS + " FROM storage_container WHERE id = :id").bind("id", id)
                .map((rs, c) -> container(rs)).findOne();
    }

    /**
     * Takes the container's row lock until the transaction ends, so two products are never put into one position
     * at once (the occupancy's primary key would refuse the second; the lock makes it wait and see the first).
     */
    public Optional<StorageContainer> lockContainer(Handle h, String id) {
        return h.createQuery("SELECT " + CONTAINER_COLUMNS + " FROM storage_container WHERE id = :id FOR UPDATE")
                .bind("id", id).map((rs, c) -> container(rs)).findOne();
    }

    public Optional<StorageContainer> containerNamed(Handle h, String unitId, String name) {
        return h.createQuery("SELECT " + CONTAINER_COLUMNS + " FROM storage_container WHERE unit_id = :u AND name_key = :k")
                .bind("u", unitId).bind("k", StorageContainer.nameKey(name)).map((rs, c) -> container(rs)).findOne();
    }

    /** How many positions of each of the unit's containers hold a product: container id → count. */
    public Map<String, Integer> occupiedCounts(Handle h, String unitId) {
        Map<String, Integer> out = new java.util.HashMap<>();
        h.createQuery("SELECT o.container_id, COUNT(*) FROM storage_occupancy o JOIN storage_container c ON c.id = "
                + "o.container_id WHERE c.unit_id = :u GROUP BY o.container_id").bind("u", unitId)
                .map((rs, c) -> Map.entry(rs.getString(1), rs.getInt(2))).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** A product in a position: the position and who put it there, when. */
    public record Occupancy(String containerId, String position, String productId, Instant storedAt, String storedBy) {
    }

    private static final String OCCUPANCY_COLUMNS = "container_id, position_code, product_id, stored_at, stored_by";

    public Optional<Occupancy> occupant(Handle h, String containerId, String position) {
        return h.createQuery("SELECT " + OCCUPANCY_COLUMNS + " FROM storage_occupancy WHERE container_id = :c AND "
                + "position_code = :p").bind("c", containerId).bind("p", position).map((rs, c) -> occupancy(rs)).findOne();
    }

    /** The position the product is in, when it is in one. */
    public Optional<Occupancy> placeOf(Handle h, String productId) {
        return h.createQuery("SELECT " + OCCUPANCY_COLUMNS + " FROM storage_occupancy WHERE product_id = :p")
                .bind("p", productId).map((rs, c) -> occupancy(rs)).findOne();
    }

    public void occupy(Handle h, Occupancy o) {
        h.createUpdate("INSERT INTO storage_occupancy (" + OCCUPANCY_COLUMNS + ") VALUES (:c, :p, :product, :at, :by)")
                .bind("c", o.containerId()).bind("p", o.position()).bind("product", o.productId())
                .bind("at", Times.toDb(o.storedAt())).bind("by", o.storedBy()).execute();
    }

    /** Frees the position the product is in; true when it was in one. */
    public boolean vacate(Handle h, String productId) {
        return h.createUpdate("DELETE FROM storage_occupancy WHERE product_id = :p").bind("p", productId).execute() == 1;
    }

    /** A position of the map with the product in it. */
    public record Occupant(Occupancy at, Product product) {
    }

    /** Every product in a position of the unit's containers, by container and position. */
    public List<Occupant> occupants(Handle h, String unitId) {
        String productColumns = COLUMNS.replaceAll("(^|, )", "$1p.");
        return h.createQuery("SELECT " + productColumns + ", o.container_id, o.position_code, o.stored_at, o.stored_by "
                + "FROM storage_occupancy o JOIN storage_container c ON c.id = o.container_id JOIN cell_product p ON "
                + "p.id = o.product_id WHERE c.unit_id = :u ORDER BY c.name_key, o.position_code").bind("u", unitId)
                .map((rs, c) -> new Occupant(new Occupancy(rs.getString(31), rs.getString(32), rs.getString(1),
                        time(rs, 33), rs.getString(34)), row(rs))).list();
    }

    /**
     * Products stored in the unit by a location written as text that names no position of it (stored before the
     * unit was laid out in containers), still in stock.
     */
    public List<Product> storedWithoutPosition(Handle h, String unitName) {
        String key = unitName.toLowerCase(java.util.Locale.ROOT);
        String like = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return h.createQuery("SELECT " + COLUMNS + " FROM cell_product p WHERE (LOWER(location) = :k OR LOWER(location) "
                + "LIKE :prefix OR LOWER(location) LIKE :spaced) AND status IN (<statuses>) AND NOT EXISTS (SELECT 1 FROM "
                + "storage_occupancy o WHERE o.product_id = p.id) ORDER BY location").bind("k", key)
                .bind("prefix", like + "/%").bind("spaced", like + " /%")
                .bindList("statuses", ProductStatus.IN_STOCK.stream().map(ProductStatus::code).toList())
                .map((rs, c) -> row(rs)).list();
    }

    private static Occupancy occupancy(ResultSet rs) throws SQLException {
        return new Occupancy(rs.getString(1), rs.getString(2), rs.getString(3), time(rs, 4), rs.getString(5));
    }

    private static StorageContainer container(ResultSet rs) throws SQLException {
        return new StorageContainer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                time(rs, 6), rs.getString(7));
    }
}
