package org.openapheresis.server.fhir;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Resource;
import org.jdbi.v3.core.Handle;
import org.openapheresis.procedure.ProcedureSpec;
import org.openapheresis.server.billing.BillingService;
import org.openapheresis.server.order.OrderRecord;
import org.openapheresis.server.order.OrderService;
import org.openapheresis.server.patient.PatientRecord;
import org.openapheresis.server.patient.PatientService;
import org.openapheresis.server.product.ProductService;
import org.openapheresis.server.resource.Machine;
import org.openapheresis.server.resource.ResourceService;
import org.openapheresis.server.session.Entries;
import org.openapheresis.server.session.SessionRecord;
import org.openapheresis.server.session.SessionService;
import org.openapheresis.server.session.Vocabulary;

/**
 * Everything the unit holds about one person, as FHIR resources: the Patient, the recorded conditions and
 * allergies and medications (Condition, AllergyIntolerance, MedicationStatement), the orders (ServiceRequest), the
 * sessions (Procedure), the labs, vital signs and run values (Observation), the adverse events, the drugs given
 * (MedicationAdministration), the cell products the person donated or is to receive, and what pays for their care
 * and what was charged (Coverage, ChargeItem). Read one person at a
 * time, so that {@code $everything} and a bulk export of any number of patients hold one person's record in
 * memory, never the unit's.
 */
public final class PatientCompartment {

    /** The resource types of a person's compartment, in the order they are answered. */
    public enum Type {
        PATIENT("Patient"), CONDITION("Condition"), ALLERGY_INTOLERANCE("AllergyIntolerance"),
        MEDICATION_STATEMENT("MedicationStatement"),
        SERVICE_REQUEST("ServiceRequest"), PROCEDURE("Procedure"), OBSERVATION("Observation"),
        ADVERSE_EVENT("AdverseEvent"), MEDICATION_ADMINISTRATION("MedicationAdministration"),
        BIOLOGICALLY_DERIVED_PRODUCT("BiologicallyDerivedProduct"), COVERAGE("Coverage"), CHARGE_ITEM("ChargeItem");

        private final String fhirName;

        Type(String fhirName) {
            this.fhirName = fhirName;
        }

        public String fhirName() {
            return fhirName;
        }

        public static Optional<Type> ofFhirName(String name) {
            for (Type t : values()) {
                if (t.fhirName.equals(name)) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }
    }

    private final PatientService patients;
    private final OrderService orders;
    private final SessionService sessions;
    private final ProductService products;
    private final ResourceService resources;
    private final LabCodes labCodes;
    private final BillingService billing;

    private final String mrnSystem;

    public PatientCompartment(PatientService patients, OrderService orders, SessionService sessions,
            ProductService products, ResourceService resources, LabCodes labCodes, BillingService billing,
            String mrnSystem) {
        this.mrnSystem = mrnSystem;
        this.billing = billing;
        this.patients = patients;
        this.orders = orders;
        this.sessions = sessions;
        this.products = products;
        this.resources = resources;
        this.labCodes = labCodes;
    }

    /** The identifier system of the unit's MRNs. */
    public String mrnSystem() {
        return mrnSystem;
    }

    /** The person as a Patient, the MRN in the unit's system. */
    public org.hl7.fhir.r4.model.Patient patient(PatientRecord p) {
        return PatientMapper.toFhir(p, mrnSystem);
    }

    /** The machines by name (sessions name the machine; the Device is by id). */
    public Map<String, String> machineIds(Handle h) {
        return idsByName(resources.machines(h));
    }

    private static Map<String, String> idsByName(List<Machine> machines) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (Machine m : machines) {
            ids.put(m.name(), m.id());
        }
        return ids;
    }

    /**
     * Hands each resource of the person of the given types to {@code out}, type by type; with {@code since}, only
     * those changed at or after it (a resource whose last change is not known is always handed: an export must not
     * leave a change out).
     */
    public void forEach(Handle h, PatientRecord p, Set<Type> types, Optional<Instant> since,
            Map<String, String> machineIds, Consumer<Resource> out) {
        Consumer<Resource> kept = r -> {
            if (since.isEmpty() || r.getMeta().getLastUpdated() == null
                    || !r.getMeta().getLastUpdated().toInstant().isBefore(since.get())) {
                out.accept(r);
            }
        };
        if (types.contains(Type.PATIENT)) {
            kept.accept(patient(p));
        }
        if (types.contains(Type.CONDITION)) {
            HistoryMapper.conditions(p).forEach(kept);
        }
        if (types.contains(Type.ALLERGY_INTOLERANCE)) {
            HistoryMapper.allergies(p).forEach(kept);
        }
        if (types.contains(Type.MEDICATION_STATEMENT)) {
            HistoryMapper.medications(p).forEach(kept);
        }
        List<OrderRecord> personOrders = types.contains(Type.SERVICE_REQUEST)
                || types.contains(Type.MEDICATION_ADMINISTRATION) ? orders.list(h, Optional.of(p.id())) : List.of();
        if (types.contains(Type.SERVICE_REQUEST)) {
            Map<String, Instant> changed = orders.updatedAt(h, p.id());
            personOrders.forEach(o -> kept.accept(ServiceRequestMapper.toFhir(o, Optional.ofNullable(changed.get(o.id())))));
        }
        boolean entries = types.contains(Type.OBSERVATION) || types.contains(Type.ADVERSE_EVENT)
                || types.contains(Type.MEDICATION_ADMINISTRATION);
        List<SessionRecord> personSessions = types.contains(Type.PROCEDURE) || entries
                ? sessions.list(h, Optional.empty(), Optional.empty(), Optional.of(p.id())) : List.of();
        if (types.contains(Type.PROCEDURE)) {
            Map<String, Instant> changed = sessions.updatedAt(h, p.id());
            personSessions.forEach(s -> kept.accept(ProcedureMapper.toFhir(s, Optional.ofNullable(changed.get(s.id())),
                    s.machine().map(machineIds::get))));
        }
        if (types.contains(Type.OBSERVATION)) {
            patients.labHistory(h, p.id()).forEach(l -> labCodes.ofField(l.field())
                    .map(c -> ObservationMapper.toFhir(l, c)).ifPresent(kept));
        }
        if (entries) {
            Map<String, ProcedureSpec> specs = new LinkedHashMap<>();
            personOrders.forEach(o -> specs.put(o.id(), o.procedureSpec()));
            for (SessionRecord s : personSessions) {
                Entries.Observed seen = sessions.observed(h, s.id());
                sessionEntries(s, seen, types, Optional.ofNullable(specs.get(s.orderId())),
                        s.machine().map(machineIds::get)).forEach(kept);
            }
        }
        boolean infusions = types.contains(Type.OBSERVATION) || types.contains(Type.ADVERSE_EVENT);
        boolean productTypes = types.contains(Type.BIOLOGICALLY_DERIVED_PRODUCT);
        // the person's products read once: their views (custody included) when the products are answered too
        List<org.openapheresis.server.product.Product> personProducts = infusions || productTypes
                ? products.search(h, Optional.of(p.id()), Optional.empty()) : List.of();
        List<org.openapheresis.server.product.Product.View> views = productTypes
                ? personProducts.stream().map(pr -> products.view(h, pr)).toList() : List.of();
        if (infusions) {
            for (int i = 0; i < personProducts.size(); i++) {
                org.openapheresis.server.product.Product pr = personProducts.get(i);
                if (pr.recipientId().equals(p.id())) {
                    infusionEntries(pr, productTypes ? views.get(i).custody() : products.custody(h, pr.id()), types)
                            .forEach(kept);
                }
            }
        }
        for (org.openapheresis.server.product.Product.View v : views) {
            kept.accept(ProductMapper.toFhir(v, products.table().find(v.product().descriptionCode())
                    .map(org.openapheresis.isbt128.ProductDescription::example).orElse(true)));
        }
        if (types.contains(Type.COVERAGE)) {
            billing.coverages(h, p.id()).forEach(c -> kept.accept(BillingMapper.coverage(c)));
        }
        if (types.contains(Type.CHARGE_ITEM)) {
            // the person's own items: a donor's acquisition charges held for this recipient stay in the donor's
            // compartment (their subject is the donor, and the recipient's record does not name the donor)
            billing.ownCharges(h, p.id()).forEach(c -> kept.accept(BillingMapper.charge(c)));
        }
    }

    /** The resources of one session's entries, of the types asked for. */
    static List<Resource> sessionEntries(SessionRecord s, Entries.Observed seen, Set<Type> types,
            Optional<ProcedureSpec> spec, Optional<String> deviceId) {
        List<Resource> out = new ArrayList<>();
        if (types.contains(Type.OBSERVATION)) {
            seen.vitals().forEach(v -> out.addAll(EntryMapper.vitals(s, v)));
            seen.runValues().forEach(r -> out.add(EntryMapper.runValue(s, r, deviceId)));
        }
        if (types.contains(Type.ADVERSE_EVENT)) {
            seen.adverseEvents().forEach(e -> out.add(EntryMapper.adverseEvent(s, e)));
        }
        if (types.contains(Type.MEDICATION_ADMINISTRATION)) {
            Map<Vocabulary.Fluid, Integer> count = new EnumMap<>(Vocabulary.Fluid.class);
            seen.fluids().forEach(f -> count.merge(f.fluid(), 1, Integer::sum));
            seen.fluids().stream().filter(f -> EntryMapper.isMedication(f.fluid()))
                    .forEach(f -> out.add(EntryMapper.medication(s, f, spec, count.get(f.fluid()) == 1)));
        }
        return out;
    }

    /** The resources of a product's infusions (its recipient's), of the types asked for. */
    static List<Resource> infusionEntries(org.openapheresis.server.product.Product p,
            List<org.openapheresis.server.product.ProductEvent> custody, Set<Type> types) {
        List<Resource> out = new ArrayList<>();
        for (org.openapheresis.server.product.ProductEvent e : custody) {
            if (e.type() != org.openapheresis.server.product.ProductEvent.EventType.INFUSED) {
                continue;
            }
            if (types.contains(Type.OBSERVATION)) {
                out.addAll(InfusionMapper.vitals(p, e));
            }
            if (types.contains(Type.ADVERSE_EVENT)) {
                InfusionMapper.reaction(p, e).ifPresent(out::add);
            }
        }
        return out;
    }

    /**
     * The resource of {@code type} made from a product's infusion with this id ({@link InfusionMapper}'s ids), if
     * there is one.
     */
    Optional<Resource> infusionResource(Handle h, String resourceId, Type type) {
        return InfusionMapper.parse(resourceId).flatMap(named -> products.find(h, named.productId()))
                .flatMap(p -> infusionEntries(p, products.custody(h, p.id()), Set.of(type)).stream()
                        .filter(r -> r.getIdElement().getIdPart().equals(resourceId)).findFirst());
    }

    /**
     * The person's whole record for {@code Patient/{id}/$everything}: the compartment, then the machines its
     * sessions ran on (the Devices it refers to); of the types the caller may read.
     */
    public List<Resource> everything(Handle h, PatientRecord p, Set<Type> types, Optional<Instant> since) {
        List<Machine> machines = resources.machines(h);
        Map<String, String> machineIds = idsByName(machines);
        List<Resource> out = new ArrayList<>();
        forEach(h, p, types, since, machineIds, out::add);
        Set<String> devices = new LinkedHashSet<>();
        for (Resource r : out) {
            if (r instanceof org.hl7.fhir.r4.model.Procedure proc) {
                proc.getUsedReference().forEach(ref -> devices.add(ref.getReferenceElement().getIdPart()));
            }
        }
        machines.stream().filter(m -> devices.contains(m.id())).map(UnitMapper::device)
                .forEach(out::add);
        return out;
    }
}
