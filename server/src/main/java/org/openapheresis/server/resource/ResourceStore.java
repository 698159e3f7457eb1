package org.openapheresis.server.resource;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.openapheresis.server.db.Times;
import org.openapheresis.server.json.Json;

/** Machines and chairs in the database: SQL only, in the caller's handle. */
public final class ResourceStore {

    private static final TypeReference<List<String>> CODES = new TypeReference<>() {
    };
    private static final String MACHINE = "id, version, name, device, model, serial, procedure_types, active";
    private static final String CHAIR = "id, version, name, bed, active";

    public List<Machine> machines(Handle h) {
        return h.createQuery("SELECT " + MACHINE + " FROM machine ORDER BY name_key").map((rs, c) -> machine(rs))
                .list();
    }

    public Optional<Machine> machine(Handle h, String id) {
        return h.createQuery("SELECT " + MACHINE + " FROM machine WHERE id = :id").bind("id", id)
                .map((rs, c) -> machine(rs)).findOne();
    }

    /** The machine with this name, whatever its letter case. */
    public Optional<Machine> machineNamed(Handle h, String name) {
        return h.createQuery("SELECT " + MACHINE + " FROM machine WHERE name_key = :k").bind("k", key(name))
                .map((rs, c) -> machine(rs)).findOne();
    }

    /** Takes the machine's row lock until the transaction ends: bookings of it are made one at a time. */
    public void lockMachine(Handle h, String id) {
        h.createQuery("SELECT id FROM machine WHERE id = :id FOR UPDATE").bind("id", id).mapTo(String.class).one();
    }

    public void insert(Handle h, Machine m) {
        h.createUpdate("INSERT INTO machine (" + MACHINE + ", name_key) VALUES (:id, :version, :name, :device, :model, "
                + ":serial, :types, :active, :key)").bindMethods(m).bind("serial", m.serial().orElse(null))
                .bind("types", Json.compact(m.procedureTypes())).bind("key", key(m.name())).execute();
    }

    public boolean update(Handle h, Machine m, int expectedVersion) {
        return h.createUpdate("UPDATE machine SET version = version + 1, name = :name, name_key = :key, device = :device, "
                + "model = :model, serial = :serial, procedure_types = :types, active = :active "
                + "WHERE id = :id AND version = :expected").bindMethods(m).bind("serial", m.serial().orElse(null))
                .bind("types", Json.compact(m.procedureTypes())).bind("key", key(m.name()))
                .bind("expected", expectedVersion).execute() == 1;
    }

    public List<Chair> chairs(Handle h) {
        return h.createQuery("SELECT " + CHAIR + " FROM chair ORDER BY name_key").map((rs, c) -> chair(rs)).list();
    }

    public Optional<Chair> chair(Handle h, String id) {
        return h.createQuery("SELECT " + CHAIR + " FROM chair WHERE id = :id").bind("id", id)
                .map((rs, c) -> chair(rs)).findOne();
    }

    public Optional<Chair> chairNamed(Handle h, String name) {
        return h.createQuery("SELECT " + CHAIR + " FROM chair WHERE name_key = :k").bind("k", key(name))
                .map((rs, c) -> chair(rs)).findOne();
    }

    public void lockChair(Handle h, String id) {
        h.createQuery("SELECT id FROM chair WHERE id = :id FOR UPDATE").bind("id", id).mapTo(String.class).one();
    }

    public void insert(Handle h, Chair c) {
        h.createUpdate("INSERT INTO chair (" + CHAIR + ", name_key) VALUES (:id, :version, :name, :bed, :active, :key)")
                .bindMethods(c).bind("key", key(c.name())).execute();
    }

    public boolean update(Handle h, Chair c, int expectedVersion) {
        return h.createUpdate("UPDATE chair SET version = version + 1, name = :name, name_key = :key, bed = :bed, "
                + "active = :active WHERE id = :id AND version = :expected").bindMethods(c).bind("key", key(c.name()))
                .bind("expected", expectedVersion).execute() == 1;
    }

    private static final String OUT = "o.id, o.machine_id, m.name, o.starts_at, o.ends_at, o.reason, o.created_at, "
            + "o.created_by, o.cancelled_at, o.cancelled_by FROM machine_out_of_service o JOIN machine m ON m.id = "
            + "o.machine_id";

    public void insert(Handle h, OutOfServicePeriod o) {
        h.createUpdate("INSERT INTO machine_out_of_service (id, machine_id, starts_at, ends_at, reason, created_at, "
                + "created_by) VALUES (:id, :machine, :from, :to, :reason, :at, :by)").bind("id", o.id())
                .bind("machine", o.machineId()).bind("from", Times.toDb(o.from())).bind("to", Times.toDb(o.to()))
                .bind("reason", o.reason()).bind("at", Times.toDb(o.createdAt())).bind("by", o.createdBy()).execute();
    }

    /** A machine's periods out of service, cancelled ones too, the latest first. */
    public List<OutOfServicePeriod> outOfService(Handle h, String machineId) {
        return h.createQuery("SELECT " + OUT + " WHERE o.machine_id = :m ORDER BY o.starts_at DESC").bind("m", machineId)
                .map((rs, c) -> outOfService(rs)).list();
    }

    /** Every machine's periods, not cancelled, that share time with {@code [from, to)}, by start. */
    public List<OutOfServicePeriod> outOfServiceBetween(Handle h, Instant from, Instant to) {
        return h.createQuery("SELECT " + OUT + " WHERE o.cancelled_at IS NULL AND o.starts_at < :to AND o.ends_at > :from "
                + "ORDER BY o.starts_at, o.id").bind("from", Times.toDb(from)).bind("to", Times.toDb(to))
                .map((rs, c) -> outOfService(rs)).list();
    }

    public Optional<OutOfServicePeriod> outOfServicePeriod(Handle h, String id) {
        return h.createQuery("SELECT " + OUT + " WHERE o.id = :id").bind("id", id).map((rs, c) -> outOfService(rs))
                .findOne();
    }

    /** Cancels a period not cancelled yet; false when it was. */
    public boolean cancelOutOfService(Handle h, String id, Instant at, String by) {
        return h.createUpdate("UPDATE machine_out_of_service SET cancelled_at = :at, cancelled_by = :by WHERE id = :id "
                + "AND cancelled_at IS NULL").bind("at", Times.toDb(at)).bind("by", by).bind("id", id).execute() == 1;
    }

    private static OutOfServicePeriod outOfService(ResultSet rs) throws SQLException {
        return new OutOfServicePeriod(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4), instant(rs, 5),
                rs.getString(6), instant(rs, 7), rs.getString(8), Optional.ofNullable(rs.getTimestamp(9))
                        .map(t -> Times.fromDb(t.toLocalDateTime())), Optional.ofNullable(rs.getString(10)));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return Times.fromDb(rs.getTimestamp(column).toLocalDateTime());
    }

    /** The unique key of a name: trimmed, in lower case, inner spaces collapsed ("Optia 1" and "optia  1" clash). */
    static String key(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static Machine machine(ResultSet rs) throws SQLException {
        return new Machine(rs.getString("id"), rs.getInt("version"), rs.getString("name"), rs.getString("device"),
                rs.getString("model"), Optional.ofNullable(rs.getString("serial")),
                Json.read(rs.getString("procedure_types"), CODES), rs.getBoolean("active"));
    }

    private static Chair chair(ResultSet rs) throws SQLException {
        return new Chair(rs.getString("id"), rs.getInt("version"), rs.getString("name"), rs.getBoolean("bed"),
                rs.getBoolean("active"));
    }
}
