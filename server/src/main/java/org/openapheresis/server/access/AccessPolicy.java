package org.openapheresis.server.access;

import static org.openapheresis.server.access.Role.ADMIN;
import static org.openapheresis.server.access.Role.BILLING;
import static org.openapheresis.server.access.Role.COORDINATOR;
import static org.openapheresis.server.access.Role.LAB;
import static org.openapheresis.server.access.Role.NURSE;
import static org.openapheresis.server.access.Role.PHYSICIAN;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which roles hold which permission: the roles table of contract api-v1, deny by default. A permission that is
 * missing from the map is held by nobody, so a route added without a row here is closed to every role.
 */
public final class AccessPolicy {

    private final Map<Permission, Set<Role>> grants;

    public AccessPolicy(Map<Permission, Set<Role>> grants) {
        Map<Permission, Set<Role>> copy = new EnumMap<>(Permission.class);
        grants.forEach((p, roles) -> copy.put(p, Collections.unmodifiableSet(EnumSet.copyOf(roles))));
        this.grants = Collections.unmodifiableMap(copy);
    }

    /** The contract's table. */
    public static AccessPolicy contract() {
        Map<Permission, Set<Role>> g = new EnumMap<>(Permission.class);
        Set<Role> everyone = EnumSet.allOf(Role.class);
        g.put(Permission.AUTHENTICATED, everyone);
        g.put(Permission.USERS_MANAGE, EnumSet.of(ADMIN));
        g.put(Permission.RESOURCES_MANAGE, EnumSet.of(ADMIN));
        g.put(Permission.USERS_PASSWORD_RESET, EnumSet.of(ADMIN));
        g.put(Permission.USERS_SESSIONS_END, EnumSet.of(ADMIN));
        g.put(Permission.OWN_PASSWORD, everyone);
        g.put(Permission.AUDIT_READ, EnumSet.of(ADMIN));
        g.put(Permission.PLANS, EnumSet.of(PHYSICIAN, NURSE, LAB, COORDINATOR));
        g.put(Permission.PATIENTS_READ, EnumSet.of(PHYSICIAN, NURSE, LAB, COORDINATOR, BILLING));
        g.put(Permission.PATIENTS_WRITE, EnumSet.of(PHYSICIAN, NURSE, COORDINATOR));
        // The coordinator books the orders, which carry their plan, so reads the clinical record; recording
        // clinical values (measurements, history, labs) is for the clinical staff.
        g.put(Permission.PATIENTS_CLINICAL_READ, EnumSet.of(PHYSICIAN, NURSE, LAB, COORDINATOR));
        g.put(Permission.PATIENTS_CLINICAL_WRITE, EnumSet.of(PHYSICIAN, NURSE));
        g.put(Permission.ORDERS_CREATE, EnumSet.of(PHYSICIAN));
        g.put(Permission.ORDERS_SIGN, EnumSet.of(PHYSICIAN));
        // Reading orders is needed by everyone who schedules, runs or reads sessions.
        g.put(Permission.ORDERS_READ, EnumSet.of(PHYSICIAN, NURSE, LAB, COORDINATOR));
        g.put(Permission.SESSIONS_SCHEDULE, EnumSet.of(PHYSICIAN, NURSE, COORDINATOR));
        // Planning the whole week, and booking it, is the coordinator's job; others still book one session at a time.
        g.put(Permission.SCHEDULE_PLAN, EnumSet.of(COORDINATOR));
        // The rota the week is planned on: the coordinator keeps it; the administrator, who keeps the machines, also
        // takes one out of service.
        g.put(Permission.ROTA_MANAGE, EnumSet.of(ADMIN, COORDINATOR));
        // The schedule itself (who, when, where, status) is what a coordinator schedules from.
        g.put(Permission.SESSIONS_READ, EnumSet.of(PHYSICIAN, NURSE, LAB, COORDINATOR));
        g.put(Permission.SESSIONS_RECORD, EnumSet.of(PHYSICIAN, NURSE));
        g.put(Permission.SESSIONS_CLINICAL_READ, EnumSet.of(PHYSICIAN, NURSE, LAB));
        g.put(Permission.PRODUCTS_READ, EnumSet.of(PHYSICIAN, NURSE, LAB, COORDINATOR));
        g.put(Permission.PRODUCTS_RECORD, EnumSet.of(LAB));
        g.put(Permission.PRODUCTS_INFUSE, EnumSet.of(NURSE, PHYSICIAN));
        // Physicians order DLI and follow up. Nurses and coordinators read the visits to prepare and book the next
        // dose. The lab does not: the record is the patient's GVHD examination, not only the chimerism assay, and
        // the DLI hold reaches the infusion through the service, not through the lab's reading of it.
        g.put(Permission.FOLLOWUP_RECORD, EnumSet.of(PHYSICIAN));
        g.put(Permission.FOLLOWUP_READ, EnumSet.of(PHYSICIAN, NURSE, COORDINATOR));
        // The DLI schedule is the physician's prescription. Nurses read it to give the dose expected next, the lab to
        // prepare (thaw, issue) the aliquot that matches it, and the coordinator to book the session of the next dose
        // on its due day (as the coordinator reads the follow-up visits that may hold it).
        g.put(Permission.DLI_SCHEDULE_ORDER, EnumSet.of(PHYSICIAN));
        g.put(Permission.DLI_SCHEDULE_READ, EnumSet.of(PHYSICIAN, NURSE, LAB, COORDINATOR));
        // Charges and estimates: the physician and coordinator see what a course will cost the patient before it
        // starts; billing reviews and corrects the charges and records coverage, and sees codes, never clinical
        // values. The administrator keeps the price list; everyone who quotes a cost reads it.
        g.put(Permission.CHARGES_READ, EnumSet.of(PHYSICIAN, COORDINATOR, BILLING));
        g.put(Permission.CHARGES_CORRECT, EnumSet.of(BILLING));
        g.put(Permission.COVERAGE_WRITE, EnumSet.of(COORDINATOR, BILLING));
        // The coverage check before signing: the physician who orders and the coordinator who books read it; billing
        // too, who asks for the prior authorisation: it carries the ICD-10 code, the guideline row and category and
        // the payer's terms, the codes billing works from, not the plan or the clinical record.
        g.put(Permission.COVERAGE_CHECK_READ, EnumSet.of(PHYSICIAN, COORDINATOR, BILLING));
        g.put(Permission.PRICE_LIST_READ, EnumSet.of(ADMIN, PHYSICIAN, COORDINATOR, BILLING));
        g.put(Permission.PRICE_LIST_EDIT, EnumSet.of(ADMIN));
        return new AccessPolicy(g);
    }

    /** @return the roles holding the permission; empty when the permission has no row (deny by default) */
    public Set<Role> roles(Permission p) {
        return grants.getOrDefault(p, Set.of());
    }

    /** Every permission the role holds ({@code authenticated} included), in declaration order. */
    public java.util.List<Permission> permissionsOf(Role role) {
        return java.util.Arrays.stream(Permission.values())
                .filter(p -> p != Permission.PUBLIC && roles(p).contains(role)).toList();
    }

    public boolean allows(Role role, Permission p) {
        return p == Permission.PUBLIC || roles(p).contains(role);
    }

    /** A copy without one permission's row (to show that a missing row closes a route). */
    public AccessPolicy without(Permission p) {
        Map<Permission, Set<Role>> g = new EnumMap<>(grants);
        g.remove(p);
        return new AccessPolicy(g);
    }
}
