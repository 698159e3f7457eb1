package org.openapheresis.server.support;

import java.util.EnumMap;
import java.util.Map;

/** One unit per database kind for a test class: each started when first asked for, all closed at the end. */
public final class UnitPerDatabase implements AutoCloseable {

    private final Map<Databases.Kind, Unit> units = new EnumMap<>(Databases.Kind.class);

    /** The unit on {@code kind}, started on the first call. */
    public synchronized Unit of(Databases.Kind kind) {
        return units.computeIfAbsent(kind, Unit::start);
    }

    @Override
    public synchronized void close() {
        units.values().forEach(Unit::close);
        units.clear();
    }
}
