package org.openapheresis.server.therapy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.openapheresis.gvhd.Chimerism;
import org.openapheresis.gvhd.DliDoseCheck;
import org.openapheresis.gvhd.DliSchedule;
import org.openapheresis.gvhd.MagicStaging;
import org.openapheresis.server.dli.DliScheduleService;
import org.openapheresis.server.followup.FollowUp;
import org.openapheresis.server.followup.FollowUpService;
import org.openapheresis.server.order.OrderRecord;
import org.openapheresis.server.order.OrderService;
import org.openapheresis.server.patient.PatientRecord;
import org.openapheresis.server.patient.PatientService;
import org.openapheresis.server.product.Product;
import org.openapheresis.server.product.ProductEvent;
import org.openapheresis.server.product.ProductService;
import org.openapheresis.server.session.SessionRecord;
import org.openapheresis.server.session.SessionService;
import org.openapheresis.system.Rounding;

/**
 * One therapy's chain of identity as a timeline (FACT-JACIE's "traceable from donor to disposition and back"): for a
 * patient who gave or received cells, every record that links them, oldest first — the collection orders and their
 * signatures, the collection sessions, each product's custody events (processing, storage, issue, infusion with the
 * dose and the bedside observations), the DLI schedule with its skipped and coming doses, and the follow-up visits
 * with the GVHD grade and chimerism. Nothing is stored here: it reads the records each feature keeps.
 */
public final class TherapyService {

    /** What an entry is a record of. */
    public enum Kind {
        ORDER("order"), COLLECTION("collection"), PRODUCT("product"), INFUSION("infusion"), DLI_SCHEDULE("dli-schedule"),
        FOLLOW_UP("follow-up");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /**
     * A person of the therapy.
     *
     * @param role {@code patient} (the one asked about), {@code donor} or {@code recipient} of the patient's products
     */
    public record Person(String id, String name, String mrn, String role) {
    }

    /**
     * One record on the timeline.
     *
     * @param at when it happened (a coming DLI dose: the start of its due day)
     * @param coming true for a DLI dose still to come
     * @param title what happened, in words
     * @param detail the figures of it, each with its unit, or empty
     * @param by who recorded it (with the second person, where one verified)
     * @param page the page of the record, as the web UI routes it ({@code /products/…})
     */
    public record Entry(Instant at, boolean coming, Kind kind, String title, String detail, Optional<String> by,
            String page) {
        public Entry {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** The timeline of a patient's therapy and the people in it. */
    public record Timeline(String patientId, List<Person> people, List<Entry> entries) {
    }

    private final PatientService patients;
    private final OrderService orders;
    private final SessionService sessions;
    private final ProductService products;
    private final DliScheduleService dliSchedules;
    private final FollowUpService followUps;
    private final ZoneId zone;

    public TherapyService(PatientService patients, OrderService orders, SessionService sessions,
            ProductService products, DliScheduleService dliSchedules, FollowUpService followUps, ZoneId zone) {
        this.patients = patients;
        this.orders = orders;
        this.sessions = sessions;
        this.products = products;
        this.dliSchedules = dliSchedules;
        this.followUps = followUps;
        this.zone = zone;
    }

    /**
     * The patient's therapy timeline.
     *
     * @param withFollowUps whether the reader may read follow-up visits (the lab does not): without, they are left out
     */
    public Timeline timeline(Handle h, String patientId, boolean withFollowUps) {
        PatientRecord patient = patients.require(h, patientId);
        List<Entry> entries = new ArrayList<>();
        Map<String, Person> people = new LinkedHashMap<>();
        people.put(patient.id(), person(patient, "patient"));
        Set<String> sessionIds = new LinkedHashSet<>();
        Set<String> orderIds = new LinkedHashSet<>();
        List<Product> mine = products.search(h, Optional.of(patientId), Optional.empty());
        for (Product p : mine) {
            if (!p.donorId().equals(patientId)) {
                people.computeIfAbsent(p.donorId(), id -> person(patients.require(h, id), "donor"));
            }
            if (!p.recipientId().equals(patientId)) {
                people.computeIfAbsent(p.recipientId(), id -> person(patients.require(h, id), "recipient"));
            }
            sessionIds.add(p.sessionId());
            Product.View v = products.view(h, p);
            for (ProductEvent e : v.custody()) {
                entries.add(productEntry(p, e));
            }
        }
        for (String sid : sessionIds) {
            sessions.find(h, sid).ifPresent(s -> {
                orderIds.add(s.orderId());
                entries.add(collectionEntry(s, people));
            });
        }
        List<DliScheduleService.View> schedules = dliSchedules.ofRecipient(h, patientId);
        for (DliScheduleService.View s : schedules) {
            orderIds.add(s.schedule().orderId());
            people.computeIfAbsent(s.schedule().donorId(), id -> person(patients.require(h, id), "donor"));
            entries.addAll(scheduleEntries(s));
        }
        for (String oid : orderIds) {
            orders.find(h, oid).ifPresent(o -> entries.addAll(orderEntries(o, people)));
        }
        if (withFollowUps) {
            for (FollowUp.View v : followUps.visits(h, patientId)) {
                if (v.correctedBy().isEmpty()) {
                    entries.add(followUpEntry(v.visit()));
                }
            }
        }
        entries.sort(Comparator.comparing(Entry::at).thenComparing(e -> e.kind().ordinal()));
        return new Timeline(patientId, List.copyOf(people.values()), List.copyOf(entries));
    }

    private static Person person(PatientRecord p, String role) {
        return new Person(p.id(), p.familyName() + ", " + p.givenName(), p.mrn(), role);
    }

    private static String nameOf(Map<String, Person> people, String id) {
        Person p = people.get(id);
        return p == null ? id : p.name() + " (MRN " + p.mrn() + ")";
    }

    private static List<Entry> orderEntries(OrderRecord o, Map<String, Person> people) {
        List<Entry> out = new ArrayList<>();
        String what = o.procedureSpec().type().displayName() + " for " + nameOf(people, o.patientId());
        out.add(new Entry(o.createdAt(), false, Kind.ORDER, "Ordered: " + what, o.indication().code() + " "
                + o.indication().text(), Optional.of(o.createdBy()), "/orders/" + o.id()));
        if (o.signedAt().isPresent()) {
            out.add(new Entry(o.signedAt().get(), false, Kind.ORDER, "Order signed: " + what, "",
                    o.signedBy(), "/orders/" + o.id()));
        }
        return out;
    }

    private static Entry collectionEntry(SessionRecord s, Map<String, Person> people) {
        Instant at = s.endedAt().or(s::startedAt).orElse(s.plannedStart());
        String state = s.endedAt().isPresent() ? "Collected" : s.startedAt().isPresent() ? "Collection started"
                : "Collection planned";
        return new Entry(at, false, Kind.COLLECTION, state + ": " + s.procedureType().displayName() + " from "
                + nameOf(people, s.patientId()), s.machine().map(m -> "machine " + m).orElse(""),
                s.endedBy().or(s::startedBy), "/sessions/" + s.id());
    }

    private Entry productEntry(Product p, ProductEvent e) {
        String bag = p.kind().displayName() + " " + p.dinPrinted() + (p.division().equals("00") ? ""
                : " (" + p.division() + ")");
        List<String> detail = new ArrayList<>();
        e.location().ifPresent(detail::add);
        e.temperatureC().ifPresent(t -> detail.add(String.format(Locale.ROOT, "%.0f °C", t)));
        Map<String, Object> d = e.details();
        number(d, "cd34PerKg").ifPresent(v -> detail.add(Rounding.scientific(v) + " CD34+/kg"));
        number(d, "cd3PerKg").ifPresent(v -> detail.add(Rounding.scientific(v) + " CD3+/kg"));
        number(d, "granulocytesPerKg").ifPresent(v -> detail.add(Rounding.scientific(v) + " granulocytes/kg"));
        vitals(d.get("vitalsBefore")).ifPresent(v -> detail.add("before: " + v));
        vitals(d.get("vitalsAfter")).ifPresent(v -> detail.add("after: " + v));
        if (d.get("reactionGrade") instanceof Number g) {
            detail.add("reaction, CTCAE grade " + g.intValue() + ": " + d.get("reaction"));
        } else if (e.type() == ProductEvent.EventType.INFUSED) {
            detail.add("no reaction recorded");
        }
        if (d.get("reason") instanceof String r) {
            detail.add(r);
        }
        Kind kind = e.type() == ProductEvent.EventType.INFUSED ? Kind.INFUSION : Kind.PRODUCT;
        String by = e.by() + e.verifier().map(v -> ", verified by " + v).orElse("");
        return new Entry(e.at(), false, kind, words(e.type()) + ": " + bag, String.join(" · ", detail), Optional.of(by),
                "/products/" + p.id());
    }

    /** Bedside vital signs as recorded ({@code vitalsBefore}, {@code vitalsAfter}), in words with their units. */
    private static Optional<String> vitals(Object recorded) {
        if (!(recorded instanceof Map<?, ?> v) || v.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        if (v.get("systolicMmHg") != null || v.get("diastolicMmHg") != null) {
            parts.add("BP " + plain(v.get("systolicMmHg")) + "/" + plain(v.get("diastolicMmHg")) + " mmHg");
        }
        if (v.get("pulsePerMin") != null) {
            parts.add("pulse " + plain(v.get("pulsePerMin")) + " /min");
        }
        if (v.get("spo2Percent") != null) {
            parts.add("SpO2 " + plain(v.get("spo2Percent")) + " %");
        }
        if (v.get("temperatureC") != null) {
            parts.add(plain(v.get("temperatureC")) + " °C");
        }
        return Optional.of(String.join(", ", parts));
    }

    private static String plain(Object n) {
        if (!(n instanceof Number x)) {
            return "–";
        }
        return java.math.BigDecimal.valueOf(x.doubleValue()).stripTrailingZeros().toPlainString();
    }

    private static Optional<Double> number(Map<String, Object> d, String key) {
        return d.get(key) instanceof Number n ? Optional.of(n.doubleValue()) : Optional.empty();
    }

    private static String words(ProductEvent.EventType t) {
        return switch (t) {
            case COLLECTED -> "Product recorded from the collection (quarantine)";
            case RELEASE_PREPARED -> "Release prepared";
            case RELEASE_VERIFIED -> "Released (second person verified)";
            case STORED -> "Stored";
            case MOVED -> "Moved to another storage position";
            case REMOVED -> "Taken out of storage";
            case CRYOPRESERVED -> "Cryopreserved";
            case THAWED -> "Thawed";
            case VOLUME_REDUCED -> "Volume reduced";
            case T_CELL_DEPLETED -> "T cells depleted";
            case DIVIDED -> "Divided into aliquots";
            case DIVIDED_FROM -> "Aliquot made";
            case ISSUED -> "Issued for infusion";
            case INFUSED -> "Infused";
            case DISCARDED -> "Discarded";
        };
    }

    private List<Entry> scheduleEntries(DliScheduleService.View v) {
        List<Entry> out = new ArrayList<>();
        String page = "/orders/" + v.schedule().orderId();
        DliSchedule ordered = v.schedule().ordered();
        out.add(new Entry(v.schedule().createdAt(), false, Kind.DLI_SCHEDULE, "DLI schedule ordered: "
                + ordered.doses().size() + " doses from " + ordered.firstDoseOn(), doseList(ordered),
                Optional.of(v.schedule().createdBy()), page));
        for (org.openapheresis.server.dli.DliScheduleRecord.Amendment a : v.schedule().amendments()) {
            out.add(new Entry(a.at(), false, Kind.DLI_SCHEDULE, "DLI schedule amended: " + a.schedule().doses().size()
                    + " doses from " + a.schedule().firstDoseOn(), doseList(a.schedule()) + "; " + a.reason(),
                    Optional.of(a.by()), page));
        }
        for (DliScheduleService.StepView s : v.steps()) {
            int n = s.step().dose().number();
            String dose = "dose " + n + ", " + DliDoseCheck.perKg(s.step().dose().cd3PerKg());
            DliSchedule.Status status = s.step().status();
            if (status == DliSchedule.Status.SKIPPED && s.outcome().isPresent()) {
                out.add(new Entry(s.outcome().get().at(), false, Kind.DLI_SCHEDULE, "DLI " + dose + " skipped",
                        s.outcome().get().reason().orElse(""), Optional.of(s.outcome().get().recordedBy()), page));
            } else if (status == DliSchedule.Status.DUE || status == DliSchedule.Status.HELD
                    || status == DliSchedule.Status.PLANNED) {
                String state = status == DliSchedule.Status.HELD ? "held (acute GVHD of grade II or more since the "
                        + "last dose)" : status == DliSchedule.Status.DUE ? "due" : "planned";
                out.add(new Entry(s.step().dueOn().atStartOfDay(zone).toInstant(), true, Kind.DLI_SCHEDULE, "DLI "
                        + dose + " " + state + " from " + s.step().dueOn(), s.aliquot().map(a -> "aliquot " + a.din()
                        + " " + a.division()).orElse("no aliquot matches it yet"), Optional.empty(), page));
            }
        }
        return out;
    }

    private static String doseList(DliSchedule s) {
        return s.doses().stream().map(d -> DliDoseCheck.perKg(d.cd3PerKg())).collect(Collectors.joining(" → "));
    }

    private static Entry followUpEntry(FollowUp f) {
        MagicStaging m = f.staging();
        String chimerism = f.chimerism().stream().map(TherapyService::chimerismText).collect(Collectors.joining(", "));
        String detail = "skin " + m.skin().stage() + ", liver " + m.liver().stage() + ", upper GI " + m.upperGi().stage()
                + ", lower GI " + m.lowerGi().stage() + " (MAGIC)" + (chimerism.isEmpty() ? "" : "; chimerism "
                + chimerism);
        return new Entry(f.visitAt(), false, Kind.FOLLOW_UP, "Follow-up: acute GVHD grade " + m.grade().roman(),
                detail, Optional.of(f.recordedBy()), "/patients/" + f.patientId() + "/follow-up");
    }

    private static String chimerismText(Chimerism c) {
        return String.format(Locale.ROOT, "%.0f %% donor (%s, %s)", c.donorPercent(), c.compartment().name()
                .toLowerCase(Locale.ROOT).replace('_', ' '), c.sampledOn());
    }
}
