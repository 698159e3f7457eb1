package org.openapheresis.server.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openapheresis.server.OpenApheresisServer;
import org.openapheresis.server.ServerConfig;
import org.openapheresis.server.access.AccessPolicy;
import org.openapheresis.server.access.Role;
import org.openapheresis.server.support.Api;
import org.openapheresis.server.support.Databases;
import org.openapheresis.server.support.Unit;
import org.openapheresis.server.support.UnitPerDatabase;

/** A machine or chair is given to one session at a time, however many ask at once and on however many servers. */
class BookingRaceTest {

    private static final UnitPerDatabase UNITS = new UnitPerDatabase();

    static Unit unit(Databases.Kind kind) {
        return UNITS.of(kind);
    }

    @AfterAll
    static void stop() {
        UNITS.close();
    }

    private static List<Integer> bookAtOnce(List<Callable<Api.Answer>> bookings) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(bookings.size());
        List<Integer> statuses = new ArrayList<>();
        for (Future<Api.Answer> f : pool.invokeAll(bookings)) {
            statuses.add(f.get().status());
        }
        pool.shutdown();
        return statuses;
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void eight_simultaneous_bookings_of_one_machine_at_one_time_give_one_session(Databases.Kind kind)
            throws Exception {
        Unit u = unit(kind);
        String machine = u.freshMachine();
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            orders.add(u.signedOrder(u.createPatient("MRN-RACE-" + kind + "-" + i + "-" + System.nanoTime())));
        }
        List<Callable<Api.Answer>> bookings = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String order = orders.get(i);
            // every other request names the machine in another letter case: still the same machine
            String name = i % 2 == 0 ? machine : machine.toLowerCase(Locale.ROOT);
            bookings.add(() -> u.api.post("/api/sessions", u.token(Role.COORDINATOR), Map.of("orderId", order,
                    "plannedStart", Unit.at(20, "08:00"), "machine", name)));
        }
        List<Integer> statuses = bookAtOnce(bookings);
        assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 409);
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_chair_is_never_booked_twice_at_once(Databases.Kind kind) throws Exception {
        Unit u = unit(kind);
        String chair = u.freshChair();
        List<Callable<Api.Answer>> bookings = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String order = u.signedOrder(u.createPatient("MRN-CHAIR-" + kind + "-" + i + "-" + System.nanoTime()));
            bookings.add(() -> u.api.post("/api/sessions", u.token(Role.COORDINATOR), Map.of("orderId", order,
                    "plannedStart", Unit.at(21, "08:00"), "chair", chair)));
        }
        assertThat(bookAtOnce(bookings)).containsOnlyOnce(201).containsOnly(201, 409);
    }

    @Test
    void two_server_processes_on_one_postgresql_give_a_machine_slot_once() throws Exception {
        ServerConfig config = Databases.config(Databases.Kind.POSTGRESQL);
        try (Unit a = Unit.start(config, AccessPolicy.contract(), List.of());
                OpenApheresisServer b = OpenApheresisServer.start(config.withAdminPassword("unused-other-password"),
                        new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true,
                                java.nio.charset.StandardCharsets.UTF_8))) {
            Api apiB = new Api(b.port());
            String machine = a.freshMachine();
            List<Callable<Api.Answer>> bookings = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String order = a.signedOrder(a.createPatient("MRN-TWO-" + i + "-" + System.nanoTime()));
                Api api = i % 2 == 0 ? a.api : apiB;
                bookings.add(() -> api.post("/api/sessions", a.token(Role.COORDINATOR), Map.of("orderId", order,
                        "plannedStart", Unit.at(22, "08:00"), "machine", machine)));
            }
            assertThat(bookAtOnce(bookings)).containsOnlyOnce(201).containsOnly(201, 409);
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_machine_not_in_the_unit_or_not_set_up_for_the_procedure_is_422_naming_the_field(Databases.Kind kind) {
        Unit u = unit(kind);
        String order = u.signedOrder(u.createPatient("MRN-NOMACHINE-" + kind + "-" + System.nanoTime()));
        Api.Answer unknown = u.api.post("/api/sessions", u.token(Role.COORDINATOR), Map.of("orderId", order,
                "plannedStart", Unit.at(23, "08:00"), "machine", "Optia-99"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("\"field\":\"machine\"").contains("NOT_ONE_OF");
        Unit.expect(u.api.post("/api/machines", u.token(Role.ADMIN), Map.of("name", "Cells-only-" + kind, "device",
                "continuous-flow", "model", "Spectra Optia", "procedureTypes", List.of("hpc-collection"))), 201);
        Api.Answer unfit = u.api.post("/api/sessions", u.token(Role.COORDINATOR), Map.of("orderId", order,
                "plannedStart", Unit.at(23, "08:00"), "machine", "cells-only-" + kind.name().toLowerCase(Locale.ROOT)));
        assertThat(unfit.status()).isEqualTo(422);
        assertThat(unfit.body()).contains("not set up for Plasma exchange");
        Api.Answer twin = u.api.post("/api/machines", u.token(Role.ADMIN), Map.of("name", "CELLS-ONLY-" + kind,
                "device", "continuous-flow", "model", "x"));
        assertThat(twin.status()).isEqualTo(422);
        assertThat(twin.body()).contains("TAKEN");
        assertThat(u.api.post("/api/machines", u.token(Role.COORDINATOR), Map.of("name", "x", "device",
                "continuous-flow", "model", "x")).status()).isEqualTo(403);
    }
}
