package org.openapheresis.server.resource;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A separator of the unit.
 *
 * @param id id
 * @param version optimistic-locking version
 * @param name what staff call it, unique in the unit whatever the letter case (e.g. {@code Optia-1})
 * @param device the kind of separation it does (contract code, e.g. {@code continuous-flow})
 * @param model make and model (e.g. {@code Spectra Optia})
 * @param serial the manufacturer's serial number, when recorded
 * @param procedureTypes the procedure types (contract codes) it is set up for
 * @param active false when it is out of the unit's list (retired; its past sessions keep it)
 */
public record Machine(String id, int version, String name, String device, String model, Optional<String> serial,
        List<String> procedureTypes, boolean active) {

    public Machine {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(serial, "serial");
        procedureTypes = List.copyOf(procedureTypes);
    }
}
