package org.openapheresis.server.resource;

import static org.openapheresis.server.access.Permission.RESOURCES_MANAGE;
import static org.openapheresis.server.access.Permission.AUTHENTICATED;
import static org.openapheresis.server.access.Permission.ROTA_MANAGE;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.openapheresis.contract.Node;
import org.openapheresis.procedure.ProcedureType;
import org.openapheresis.separator.Device;
import org.openapheresis.server.http.Call;
import org.openapheresis.server.http.FeatureRoutes;
import org.openapheresis.server.http.Route;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Range;

/** {@code /api/machines} and {@code /api/chairs}: the unit's lists, read by the staff, kept by an administrator. */
public final class ResourceRoutes implements FeatureRoutes {

    private static final List<String> SEPARATOR_TYPES = Arrays.stream(ProcedureType.values())
            .filter(ProcedureType::onSeparator).map(ProcedureType::code).toList();
    private static final Map<String, Object> MACHINE_EXAMPLE = Map.of("name", "Optia-4", "device", "continuous-flow",
            "model", "Spectra Optia", "serial", "1OP12345", "procedureTypes", SEPARATOR_TYPES, "active", true);

    private final ResourceService resources;

    public ResourceRoutes(ResourceService resources) {
        this.resources = resources;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/api/machines", AUTHENTICATED, "The unit's machines (separators)", this::machines),
                Route.post("/api/machines", RESOURCES_MANAGE, "Add a machine", MACHINE_EXAMPLE, this::addMachine)
                        .audit().created(),
                Route.put("/api/machines/{id}", RESOURCES_MANAGE, "Edit a machine (version; active false takes it "
                        + "out of the list)", withVersion(MACHINE_EXAMPLE), this::editMachine).audit()
                        .error(409, "stale version"),
                Route.get("/api/machines/{id}/out-of-service", AUTHENTICATED, "A machine's periods out of service "
                        + "(servicing, repair), cancelled ones too, the latest first", this::outOfService)
                        .error(404, "no such machine"),
                Route.post("/api/machines/{id}/out-of-service", ROTA_MANAGE, "Take a machine out of service from..to "
                        + "(nothing is booked on it then, by hand or by the week's planner; sessions already booked on "
                        + "it stay booked and need another machine)", Map.of("from", "2026-03-03T08:00:00Z", "to",
                                "2026-03-03T13:00:00Z", "reason", "Annual service visit"), this::takeOutOfService)
                        .audit().created().error(404, "no such machine"),
                Route.action("/api/machines/{id}/out-of-service/{periodId}/cancel", ROTA_MANAGE, "Cancel a period out "
                        + "of service (the machine is back early, or the visit was put off); the record is kept",
                        this::cancelOutOfService).audit().error(404, "no such machine or period")
                        .error(409, "cancelled already"),
                Route.get("/api/chairs", AUTHENTICATED, "The unit's chairs and beds", this::chairs),
                Route.post("/api/chairs", RESOURCES_MANAGE, "Add a chair or bed", Map.of("name", "Chair 4", "bed", false,
                        "active", true), this::addChair).audit().created(),
                Route.put("/api/chairs/{id}", RESOURCES_MANAGE, "Edit a chair or bed (version)", Map.of("name",
                        "Bed 1", "bed", true, "active", true, "version", 1), this::editChair).audit()
                        .error(409, "stale version"));
    }

    private void machines(Call call) {
        call.answer(call.read(resources::machines));
    }

    private void chairs(Call call) {
        call.answer(call.read(resources::chairs));
    }

    private void outOfService(Call call) {
        String id = call.param("id");
        call.answer(call.read(h -> resources.outOfService(h, id)));
    }

    private void takeOutOfService(Call call) {
        Node f = call.body();
        java.time.Instant from = call.plannedTime(f, "from", true).orElse(null);
        java.time.Instant to = call.plannedTime(f, "to", true).orElse(null);
        String reason = f.text("reason", true, 200).orElse(null);
        f.rejectUnknown();
        throwIfProblems(f);
        String id = call.param("id");
        call.answer(call.write(h -> resources.takeOutOfService(h, call.actor(), id, from, to, reason)));
    }

    private void cancelOutOfService(Call call) {
        call.noBody();
        String id = call.param("id");
        String period = call.param("periodId");
        call.answer(call.write(h -> resources.cancelOutOfService(h, call.actor(), id, period)));
    }

    private void addMachine(Call call) {
        ResourceService.MachineDraft d = machine(call.body(), false).draft();
        call.answer(call.write(h -> resources.createMachine(h, d)));
    }

    private void editMachine(Call call) {
        Read<ResourceService.MachineDraft> r = machine(call.body(), true);
        int version = call.requireVersion(r.version());
        String id = call.param("id");
        call.answer(call.write(h -> resources.updateMachine(h, id, version, r.draft())));
    }

    private void addChair(Call call) {
        ResourceService.ChairDraft d = chair(call.body(), false).draft();
        call.answer(call.write(h -> resources.createChair(h, d)));
    }

    private void editChair(Call call) {
        Read<ResourceService.ChairDraft> r = chair(call.body(), true);
        int version = call.requireVersion(r.version());
        String id = call.param("id");
        call.answer(call.write(h -> resources.updateChair(h, id, version, r.draft())));
    }

    private record Read<T>(T draft, Optional<Integer> version) {
    }

    private static Read<ResourceService.MachineDraft> machine(Node f, boolean forUpdate) {
        String name = f.text("name", true, 100).orElse(null);
        String device = f.oneOf("device", true, Arrays.stream(Device.values()).map(Device::code).toList()).orElse(null);
        String model = f.text("model", true, 100).orElse(null);
        Optional<String> serial = f.text("serial", false, 100);
        List<String> types = f.texts("procedureTypes", false, 20, 40).orElse(SEPARATOR_TYPES);
        for (int i = 0; i < types.size(); i++) {
            if (!SEPARATOR_TYPES.contains(types.get(i))) {
                f.add("procedureTypes[" + i + "]", MessageKey.NOT_ONE_OF, types.get(i), String.join(", ",
                        SEPARATOR_TYPES));
            }
        }
        boolean active = f.bool("active", false).orElse(true);
        Optional<Integer> version = version(f, forUpdate);
        f.allow("id");
        f.rejectUnknown();
        throwIfProblems(f);
        return new Read<>(new ResourceService.MachineDraft(name, device, model, serial, types, active), version);
    }

    private static Read<ResourceService.ChairDraft> chair(Node f, boolean forUpdate) {
        String name = f.text("name", true, 100).orElse(null);
        boolean bed = f.bool("bed", false).orElse(false);
        boolean active = f.bool("active", false).orElse(true);
        Optional<Integer> version = version(f, forUpdate);
        f.allow("id");
        f.rejectUnknown();
        throwIfProblems(f);
        return new Read<>(new ResourceService.ChairDraft(name, bed, active), version);
    }

    private static Optional<Integer> version(Node f, boolean forUpdate) {
        if (!forUpdate) {
            return Optional.empty();
        }
        OptionalDouble v = f.number("version", Range.of(1, Integer.MAX_VALUE), false);
        return v.isPresent() ? Optional.of((int) v.getAsDouble()) : Optional.empty();
    }

    private static void throwIfProblems(Node f) {
        if (!f.problems().isEmpty()) {
            throw new InvalidInputException("the resource has invalid values", f.problems());
        }
    }

    private static Map<String, Object> withVersion(Map<String, Object> m) {
        Map<String, Object> v = new java.util.LinkedHashMap<>(m);
        v.put("version", 1);
        return v;
    }
}
