package org.openapheresis.server.resource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.openapheresis.server.access.Actor;
import org.openapheresis.procedure.ProcedureType;
import org.openapheresis.server.db.Ids;
import org.openapheresis.server.db.Times;
import org.openapheresis.server.db.Unique;
import org.openapheresis.server.system.DomainException;
import org.openapheresis.server.system.Refusal;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/**
 * The unit's machines and chairs: the lists staff pick from, kept by an administrator, and the times a machine is out
 * of service.
 */
public final class ResourceService {

    /** The longest period one record takes a machine out of service: a year (a longer one is a retirement). */
    public static final Duration MAX_OUT_OF_SERVICE = Duration.ofDays(366);

    private final ResourceStore store;
    private final Clock clock;

    public ResourceService(ResourceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * What a machine is, as entered.
     *
     * @param name unique name
     * @param device contract device code
     * @param model make and model
     * @param serial serial number, when known
     * @param procedureTypes procedure type codes it is set up for
     * @param active in the unit's list
     */
    public record MachineDraft(String name, String device, String model, Optional<String> serial,
            List<String> procedureTypes, boolean active) {
    }

    /**
     * What a chair or bed is, as entered.
     *
     * @param name unique name
     * @param bed true for a bed
     * @param active in the unit's list
     */
    public record ChairDraft(String name, boolean bed, boolean active) {
    }

    public List<Machine> machines(Handle h) {
        return store.machines(h);
    }

    public List<Chair> chairs(Handle h) {
        return store.chairs(h);
    }

    public Machine createMachine(Handle h, MachineDraft d) {
        Machine m = new Machine(Ids.next(), 1, d.name().strip(), d.device(), d.model(), d.serial(), d.procedureTypes(),
                d.active());
        uniqueName(h, "name", d.name(), store.machineNamed(h, d.name()).map(Machine::id), null);
        try {
            store.insert(h, m);
        } catch (RuntimeException e) {
            throw Unique.isViolation(e) ? taken("name", d.name()) : e;
        }
        return m;
    }

    public Machine updateMachine(Handle h, String id, int expectedVersion, MachineDraft d) {
        Machine current = store.machine(h, id).orElseThrow(() -> DomainException.notFound("machine"));
        if (current.version() != expectedVersion) {
            throw DomainException.stale(current.version(), current);
        }
        uniqueName(h, "name", d.name(), store.machineNamed(h, d.name()).map(Machine::id), id);
        Machine next = new Machine(id, expectedVersion, d.name().strip(), d.device(), d.model(), d.serial(),
                d.procedureTypes(), d.active());
        try {
            if (!store.update(h, next, expectedVersion)) {
                Machine now = store.machine(h, id).orElseThrow();
                throw DomainException.stale(now.version(), now);
            }
        } catch (RuntimeException e) {
            throw Unique.isViolation(e) ? taken("name", d.name()) : e;
        }
        return store.machine(h, id).orElseThrow();
    }

    public Chair createChair(Handle h, ChairDraft d) {
        Chair c = new Chair(Ids.next(), 1, d.name().strip(), d.bed(), d.active());
        uniqueName(h, "name", d.name(), store.chairNamed(h, d.name()).map(Chair::id), null);
        try {
            store.insert(h, c);
        } catch (RuntimeException e) {
            throw Unique.isViolation(e) ? taken("name", d.name()) : e;
        }
        return c;
    }

    public Chair updateChair(Handle h, String id, int expectedVersion, ChairDraft d) {
        Chair current = store.chair(h, id).orElseThrow(() -> DomainException.notFound("chair"));
        if (current.version() != expectedVersion) {
            throw DomainException.stale(current.version(), current);
        }
        uniqueName(h, "name", d.name(), store.chairNamed(h, d.name()).map(Chair::id), id);
        try {
            if (!store.update(h, new Chair(id, expectedVersion, d.name().strip(), d.bed(), d.active()),
                    expectedVersion)) {
                Chair now = store.chair(h, id).orElseThrow();
                throw DomainException.stale(now.version(), now);
            }
        } catch (RuntimeException e) {
            throw Unique.isViolation(e) ? taken("name", d.name()) : e;
        }
        return store.chair(h, id).orElseThrow();
    }

    /**
     * The machine a booking names (its name in any letter case, or its id), locked for the rest of the transaction
     * so that no other booking of it can be checked at the same time; the field's problem when the unit has no
     * such machine in service, or it is not set up for the procedure.
     */
    public Machine bookMachine(Handle h, String field, String nameOrId, ProcedureType type, Instant start,
            Instant end) {
        Machine m = (Ids.isId(nameOrId) ? store.machine(h, nameOrId) : store.machineNamed(h, nameOrId))
                .filter(Machine::active).orElseThrow(() -> new InvalidInputException("the session has invalid values",
                        List.of(Problem.of(field, MessageKey.NOT_ONE_OF, nameOrId, String.join(", ",
                                store.machines(h).stream().filter(Machine::active).map(Machine::name).toList())))));
        if (!m.procedureTypes().contains(type.code())) {
            throw new InvalidInputException("the session has invalid values", List.of(Problem.of(field,
                    MessageKey.INVALID, "machine " + m.name() + " is not set up for " + type.displayName()
                            + " (it runs " + String.join(", ", m.procedureTypes()) + ")")));
        }
        store.lockMachine(h, m.id());
        store.outOfServiceBetween(h, start, end).stream().filter(o -> o.machineId().equals(m.id())).findFirst()
                .ifPresent(o -> {
            throw DomainException.of(Refusal.MACHINE_OUT_OF_SERVICE, m.name(), local(o.from()), local(o.to()),
                    o.reason());
        });
        return m;
    }

    /**
     * Takes a machine out of service from {@code from} to {@code to}: refused when the machine is not in the unit's
     * list, the period ends before it begins or is already over, or it is longer than {@link #MAX_OUT_OF_SERVICE}.
     * Sessions booked on it then stay booked (the week's planner and the board show them as needing another machine).
     */
    public OutOfServicePeriod takeOutOfService(Handle h, Actor by, String machineId, Instant from, Instant to,
            String reason) {
        Machine m = requireMachine(h, machineId);
        Instant now = Times.now(clock);
        if (!to.isAfter(from)) {
            throw InvalidInputException.of("to", MessageKey.INVALID, "back in service at " + local(to)
                    + ", not after it goes out at " + local(from));
        }
        if (!to.isAfter(now)) {
            throw InvalidInputException.of("to", MessageKey.INVALID, "the period ended at " + local(to)
                    + ", before now: it changes nothing");
        }
        if (Duration.between(from, to).compareTo(MAX_OUT_OF_SERVICE) > 0) {
            throw InvalidInputException.of("to", MessageKey.INVALID, "more than " + MAX_OUT_OF_SERVICE.toDays()
                    + " days out of service: take the machine out of the unit's list instead");
        }
        OutOfServicePeriod o = new OutOfServicePeriod(Ids.next(), m.id(), m.name(), from, to, reason.strip(), now, by.username(),
                Optional.empty(), Optional.empty());
        store.insert(h, o);
        return o;
    }

    /** A machine's periods out of service, cancelled ones too, the latest first. */
    public List<OutOfServicePeriod> outOfService(Handle h, String machineId) {
        requireMachine(h, machineId);
        return store.outOfService(h, machineId);
    }

    /** Every machine's periods, not cancelled, sharing time with {@code [from, to)}. */
    public List<OutOfServicePeriod> outOfServiceBetween(Handle h, Instant from, Instant to) {
        return store.outOfServiceBetween(h, from, to);
    }

    /** Cancels a period (the machine is back, or the visit was put off); the row is kept. */
    public OutOfServicePeriod cancelOutOfService(Handle h, Actor by, String machineId, String periodId) {
        requireMachine(h, machineId);
        OutOfServicePeriod o = (Ids.isId(periodId) ? store.outOfServicePeriod(h, periodId) : Optional.<OutOfServicePeriod>empty())
                .filter(x -> x.machineId().equals(machineId))
                .orElseThrow(() -> DomainException.notFound("out-of-service period"));
        if (o.cancelledAt().isPresent()) {
            throw DomainException.of(Refusal.ALREADY_CANCELLED, local(o.cancelledAt().get()), o.cancelledBy()
                    .orElse("?"));
        }
        store.cancelOutOfService(h, periodId, Times.now(clock), by.username());
        return store.outOfServicePeriod(h, periodId).orElseThrow();
    }

    private Machine requireMachine(Handle h, String id) {
        return (Ids.isId(id) ? store.machine(h, id) : Optional.<Machine>empty())
                .orElseThrow(() -> DomainException.notFound("machine"));
    }

    private String local(Instant t) {
        return DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ROOT).withZone(clock.getZone()).format(t);
    }

    /** The chair a booking names, locked for the rest of the transaction. */
    public Chair bookChair(Handle h, String field, String nameOrId) {
        Chair c = (Ids.isId(nameOrId) ? store.chair(h, nameOrId) : store.chairNamed(h, nameOrId))
                .filter(Chair::active).orElseThrow(() -> new InvalidInputException("the session has invalid values",
                        List.of(Problem.of(field, MessageKey.NOT_ONE_OF, nameOrId, String.join(", ",
                                store.chairs(h).stream().filter(Chair::active).map(Chair::name).toList())))));
        store.lockChair(h, c.id());
        return c;
    }

    private static void uniqueName(Handle h, String field, String name, Optional<String> holder, String self) {
        if (holder.isPresent() && !holder.get().equals(self)) {
            throw taken(field, name);
        }
    }

    private static InvalidInputException taken(String field, String name) {
        return new InvalidInputException("the name is taken", List.of(Problem.of(field, MessageKey.TAKEN, name)));
    }
}
