package org.openapheresis.server.order;

import static org.openapheresis.server.access.Permission.ORDERS_CREATE;
import static org.openapheresis.server.access.Permission.ORDERS_READ;
import static org.openapheresis.server.access.Permission.ORDERS_SIGN;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.openapheresis.contract.CourseRequestReader;
import org.openapheresis.contract.Node;
import org.openapheresis.contract.PlanRequestReader;
import org.openapheresis.course.CourseSchedule;
import org.openapheresis.procedure.PlanOptions;
import org.openapheresis.procedure.ProcedureSpec;
import org.openapheresis.server.db.Ids;
import org.openapheresis.server.http.Call;
import org.openapheresis.server.http.FeatureRoutes;
import org.openapheresis.server.http.Route;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.uncertainty.Uncertainty;

/** {@code /api/orders}: parse, call one {@link OrderService} method, answer. */
public final class OrderRoutes implements FeatureRoutes {

    private final OrderService orders;

    public OrderRoutes(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/api/orders", ORDERS_READ, "List orders (?patientId=)", this::list).audit(),
                Route.post("/api/orders", ORDERS_CREATE, "Prescribe: planned from the patient record, with guideline "
                        + "category and candidacy warnings", example(), this::create).audit().created(),
                Route.post("/api/orders/preview", ORDERS_CREATE, "The order as it would be, not written: planned from "
                        + "the patient record with its timeline, the course, the candidacy warnings and the guideline "
                        + "row (the body of POST /api/orders)", example(), this::preview).audit(),
                Route.get("/api/orders/{id}", ORDERS_READ, "An order with its plan, warnings and the plan request it "
                        + "was planned from", this::get).audit(),
                Route.get("/api/orders/{id}/plan", ORDERS_READ, "The order's plan as ordered (?timeline=true adds the "
                        + "simulated time course, ?uncertainty=N as for POST /api/plans its 5/50/95% bands)", this::plan)
                        .audit().error(422, "uncertainty is not a whole number in " + virtualPatientRange()),
                Route.get("/api/orders/{id}/course", ORDERS_READ, "The order's course as ordered, session by session "
                        + "(?timeline=true adds the time course, ?uncertainty=N its bands)", this::course).audit()
                        .error(422, "uncertainty is not a whole number in " + virtualPatientRange()),
                Route.put("/api/orders/{id}", ORDERS_CREATE, "Change an unsigned order (the body of POST /api/orders "
                        + "with the version read, or If-Match): planned again from the record; its acknowledgements "
                        + "go with the old plan", changeExample(), this::change).audit()
                        .error(409, "signed already, or a stale version"),
                Route.post("/api/orders/{id}/sign", ORDERS_SIGN, "Physician signature with the acknowledgement of "
                        + "the order's warnings in the same act: {\"acknowledgedWarnings\": [codes]} must hold every "
                        + "warning of the order from the current record not acknowledged before; else 409 listing "
                        + "them (unacknowledged); an order whose guideline row is ASFA category IV needs "
                        + "categoryIvReason, given here or in the order's indication", SIGN_EXAMPLE, this::sign)
                        .optionalBody(SIGN_EXAMPLE).audit()
                        .error(409, "already signed, a stale version (If-Match), or warnings not acknowledged "
                                + "(listed)")
                        .error(422, "categoryIvReason is required: the indication is ASFA category IV"),
                Route.post("/api/orders/{id}/stop", ORDERS_SIGN, "Stop a signed order with the reason (who and when "
                        + "are recorded); its scheduled sessions are cancelled with the reason",
                        Map.of("reason", "relapse resolved after three exchanges"), this::stop).audit()
                        .error(409, "not signed, stopped already, or a stale version"),
                Route.post("/api/orders/{id}/acknowledge", ORDERS_SIGN, "Acknowledge warnings ({\"codes\": [...]} or "
                        + "all)", Map.of("codes", List.of("ACE_INHIBITOR_ALBUMIN_EXCHANGE")), this::acknowledge)
                        .optionalBody(Map.of("codes", List.of("ACE_INHIBITOR_ALBUMIN_EXCHANGE"))).audit());
    }

    private void create(Call call) {
        NewOrder order = readWithRecordProblems(call, call.body(), true);
        call.concerns(order.patientId());
        call.answer(call.write(h -> orders.create(h, call.actor(), order)));
    }

    /** Reads an order; with its problems come the patient record's own, when the patient exists. */
    private NewOrder readWithRecordProblems(Call call, Node body, boolean indicationRequired) {
        try {
            return read(body, indicationRequired);
        } catch (InvalidInputException e) {
            // every problem at once: the record's own, too, when the patient exists
            String patientId = body.raw("patientId") instanceof String s && Ids.isId(s) ? s : null;
            List<org.openapheresis.system.Problem> record = patientId == null ? List.of()
                    : call.read(h -> orders.recordProblems(h, patientId));
            if (record.isEmpty()) {
                throw e;
            }
            List<org.openapheresis.system.Problem> all = new java.util.ArrayList<>(e.problems());
            all.addAll(record);
            throw new InvalidInputException(e.summary(), all);
        }
    }

    private void preview(Call call) {
        NewOrder order = readWithRecordProblems(call, call.body(), false);
        call.concerns(order.patientId());
        call.answer(call.read(h -> orders.preview(h, order)));
    }

    private void list(Call call) {
        call.idQuery("patientId").ifPresent(call::concerns);
        call.answer(call.read(h -> orders.list(h, call.idQuery("patientId"))));
    }

    private void get(Call call) {
        call.answer(load(call));
    }

    private void plan(Call call) {
        OptionalInt n = call.wholeNumberQuery("uncertainty", Uncertainty.VIRTUAL_PATIENTS);
        OrderRecord o = load(call);
        call.answer(orders.plan(o, options(call), n));
    }

    private void course(Call call) {
        OptionalInt n = call.wholeNumberQuery("uncertainty", Uncertainty.VIRTUAL_PATIENTS);
        OrderRecord o = load(call);
        call.answer(orders.course(o, options(call), n));
    }

    private static String virtualPatientRange() {
        return (long) Uncertainty.VIRTUAL_PATIENTS.low() + "-" + (long) Uncertainty.VIRTUAL_PATIENTS.high();
    }

    private OrderRecord load(Call call) {
        OrderRecord o = call.read(h -> orders.require(h, call.param("id")));
        call.concerns(o.patientId());
        return o;
    }

    private static final Map<String, Object> SIGN_EXAMPLE = Map.of("acknowledgedWarnings",
            List.of("ACE_INHIBITOR_ALBUMIN_EXCHANGE"));

    /** A signature's body: the warnings acknowledged with it and the reason for a category IV order. */
    private record Signature(List<String> acknowledgedWarnings, Optional<String> categoryIvReason) {
    }

    private void sign(Call call) {
        Signature sig = call.optionalBody().map(f -> {
            List<String> c = f.texts("acknowledgedWarnings", false, 100, 60).orElse(List.of()).stream().distinct()
                    .toList();
            Optional<String> reason = f.multilineText("categoryIvReason", false, 1000);
            f.rejectUnknown();
            f.throwIfProblems();
            return new Signature(c, reason);
        }).orElse(new Signature(List.of(), Optional.empty()));
        String id = call.param("id");
        Optional<Integer> expected = call.ifMatch();
        call.answer(call.write(h -> {
            call.concerns(orders.patientOf(h, id));
            return orders.sign(h, call.actor(), id, expected, sig.acknowledgedWarnings(), sig.categoryIvReason());
        }));
    }

    private void change(Call call) {
        Node body = call.body();
        OptionalDouble version = body.number("version", org.openapheresis.system.Range.of(1, Integer.MAX_VALUE),
                false);
        body.allow("id", "status", "createdAt", "createdBy", "signedAt", "signedBy", "stop", "guideline", "plan",
                "warnings", "acknowledgements", "planRequest");
        NewOrder order = readWithRecordProblems(call, body, true);
        int expected = call.requireVersion(version.isPresent() ? Optional.of((int) version.getAsDouble())
                : Optional.empty());
        String id = call.param("id");
        call.answer(call.write(h -> {
            call.concerns(orders.patientOf(h, id));
            return orders.change(h, call.actor(), id, order, expected);
        }));
    }

    private void stop(Call call) {
        Node f = call.body();
        String reason = f.multilineText("reason", true, 1000).orElse(null);
        f.rejectUnknown();
        f.throwIfProblems();
        String id = call.param("id");
        Optional<Integer> expected = call.ifMatch();
        call.answer(call.write(h -> {
            call.concerns(orders.patientOf(h, id));
            return orders.stop(h, call.actor(), id, expected, reason);
        }));
    }

    private void acknowledge(Call call) {
        String id = call.param("id");
        Optional<List<String>> codes = call.optionalBody().flatMap(f -> {
            Optional<List<String>> c = f.texts("codes", false, 100, 60);
            f.rejectUnknown();
            f.throwIfProblems();
            return c;
        });
        call.answer(call.write(h -> {
            call.concerns(orders.patientOf(h, id));
            return orders.acknowledge(h, call.actor(), id, codes);
        }));
    }

    private static PlanOptions options(Call call) {
        return call.query("timeline").map(Boolean::parseBoolean).orElse(false)
                ? PlanOptions.withTimeline() : PlanOptions.withoutTimeline();
    }

    /**
     * Reads an order's body; every problem of every part at once. A preview may leave the indication out (the
     * physician has not chosen it yet): it is then planned without a guideline row.
     */
    static NewOrder read(Node f, boolean indicationRequired) {
        String patientId = f.text("patientId", true, 36).orElse(null);
        if (patientId != null && !Ids.isId(patientId)) {
            f.add("patientId", org.openapheresis.system.MessageKey.NOT_FOUND, "patient or donor");
            patientId = null;
        }
        Indication indication = f.child("indication", indicationRequired).map(i -> {
            Optional<String> code = i.text("code", true, 20);
            Optional<String> text = i.text("text", true, 500);
            Optional<String> row = i.text("guidelineRow", false, 80);
            Optional<String> reason = i.multilineText("categoryIvReason", false, 1000);
            Optional<String> chronicGvhd = i.text("chronicGvhdAssessmentId", false, 36);
            i.rejectUnknown();
            return code.isPresent() && text.isPresent()
                    ? f.build(() -> new Indication(code.get(), text.get(), row, reason, chronicGvhd)).orElse(null) : null;
        }).orElse(null);
        ProcedureSpec procedure = f.has("procedure")
                ? f.build(() -> PlanRequestReader.readProcedure(f.raw("procedure"), "procedure")).orElse(null) : null;
        if (!f.has("procedure")) {
            f.add("procedure", org.openapheresis.system.MessageKey.REQUIRED);
        }
        OptionalDouble recipient = f.child("recipient", false).map(r -> {
            OptionalDouble w = r.number("weightKg", PlanRequestReader.RECIPIENT_WEIGHT_KG, true);
            r.rejectUnknown();
            return w;
        }).orElse(OptionalDouble.empty());
        Optional<CourseSchedule> schedule = f.has("schedule")
                ? f.build(() -> CourseRequestReader.readSchedule(f.raw("schedule"), "schedule"))
                : Optional.empty();
        Optional<PreProcedureLabs> labs = f.child("preProcedureLabs", false).flatMap(l -> {
            Optional<List<String>> tests = l.texts("tests", true, PreProcedureLabs.MAX_TESTS, 40);
            OptionalInt maxAge = l.integer("maxAgeHours", PreProcedureLabs.MAX_AGE_HOURS, true);
            l.rejectUnknown();
            return tests.isPresent() && maxAge.isPresent()
                    ? f.build(() -> new PreProcedureLabs(tests.get(), maxAge.getAsInt())) : Optional.empty();
        });
        f.rejectUnknown();
        if (!f.problems().isEmpty()) {
            throw new InvalidInputException("the order has invalid values", f.problems());
        }
        return new NewOrder(patientId, Optional.ofNullable(indication), procedure, recipient, schedule, labs);
    }

    static Map<String, Object> changeExample() {
        Map<String, Object> m = new java.util.LinkedHashMap<>(example());
        m.put("version", 1);
        return m;
    }

    static Map<String, Object> example() {
        return Map.of("patientId", "…", "indication", Map.of("code", "G35.A", "text", "MS relapse", "guidelineRow",
                "ms-relapse"), "procedure",
                Map.of("type", "plasma-exchange", "plasmaVolumes", 1.25, "replacement", Map.of("albuminPercent", 100,
                        "plasmaPercent", 0)), "schedule", Map.of("sessions", 5, "intervalHours", 48));
    }
}
