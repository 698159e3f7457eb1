package org.openapheresis.server.fhir;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Resource;
import org.jdbi.v3.core.Handle;
import org.openapheresis.server.order.OrderService;
import org.openapheresis.server.session.Entries;
import org.openapheresis.server.session.SessionRecord;
import org.openapheresis.server.session.SessionService;

/**
 * Reads one resource made from a session's entry by its id: finds the session the entry belongs to, maps that
 * session's entries as the compartment does and picks the one asked for, so that a read answers exactly what a
 * search or an export answered for the same id.
 */
final class SessionEntries {

    private final SessionService sessions;
    private final OrderService orders;
    private final PatientCompartment compartment;

    SessionEntries(SessionService sessions, OrderService orders, PatientCompartment compartment) {
        this.sessions = sessions;
        this.orders = orders;
        this.compartment = compartment;
    }

    /** The resource of type {@code type} with this id made from an entry of {@code kind}, if there is one. */
    Optional<Resource> read(Handle h, Entries.Kind kind, String entryId, String resourceId,
            PatientCompartment.Type type) {
        Optional<String> sessionId = sessions.sessionOfEntry(h, kind, entryId);
        if (sessionId.isEmpty()) {
            return Optional.empty();
        }
        SessionRecord s = sessions.require(h, sessionId.get());
        Map<String, String> machines = compartment.machineIds(h);
        List<Resource> made = PatientCompartment.sessionEntries(s, sessions.observed(h, s.id()), Set.of(type),
                orders.find(h, s.orderId()).map(o -> o.procedureSpec()), s.machine().map(machines::get));
        return made.stream().filter(r -> r.getIdElement().getIdPart().equals(resourceId)).findFirst();
    }
}
