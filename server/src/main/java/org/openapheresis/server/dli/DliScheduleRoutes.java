package org.openapheresis.server.dli;

import static org.openapheresis.server.access.Permission.DLI_SCHEDULE_ORDER;
import static org.openapheresis.server.access.Permission.DLI_SCHEDULE_READ;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.openapheresis.contract.Node;
import org.openapheresis.gvhd.DliDoseCheck;
import org.openapheresis.gvhd.DliHoldRule;
import org.openapheresis.gvhd.DliSchedule;
import org.openapheresis.server.http.Call;
import org.openapheresis.server.http.FeatureRoutes;
import org.openapheresis.server.http.Route;
import org.openapheresis.server.system.DomainException;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.Range;

/**
 * {@code /api/orders/{id}/dli-schedule}: a physician orders the escalating schedule of donor lymphocyte infusions on
 * a signed lymphocyte collection order (the doses are the order's; the physician gives the first day and the
 * intervals), and the order's page reads it back (404 when none was ordered); {@code /api/patients/{id}/dli-schedules}:
 * the recipient's schedules with each dose's due date and status (planned, due, held with the follow-up visits that
 * hold it, given with the dose per kg, skipped with the reason) and the aliquot that matches it;
 * {@code /api/dli-schedules/{id}/skips}: the physician skips a dose, with the reason;
 * {@code /api/dli-schedules/{id}/amendments}: the physician amends the doses still to give, with the reason.
 */
public final class DliScheduleRoutes implements FeatureRoutes {

    private final DliScheduleService schedules;

    public DliScheduleRoutes(DliScheduleService schedules) {
        this.schedules = schedules;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.post("/api/orders/{id}/dli-schedule", DLI_SCHEDULE_ORDER, "Order the escalating DLI schedule on "
                        + "a signed lymphocyte collection order: the recipient, the day of the first dose, and each "
                        + "dose (CD3+/kg: the order's planned doses, which may be left out) with the days after the dose "
                        + "before it", example(), this::create).audit().created()
                        .error(409, "not a signed lymphocyte collection order (DLI_SCHEDULE_REFUSED), or the order has "
                                + "a schedule already (DLI_SCHEDULE_EXISTS)"),
                Route.get("/api/orders/{id}/dli-schedule", DLI_SCHEDULE_READ, "The DLI schedule ordered on a "
                        + "lymphocyte collection order, as the recipient's list answers it; 404 when none was ordered "
                        + "on it (then a physician may order one)", this::ofOrder).audit(),
                Route.get("/api/patients/{id}/dli-schedules", DLI_SCHEDULE_READ, "The recipient's DLI schedules, the "
                        + "latest first: each dose with its due date, status (planned, due, held, given, skipped) and "
                        + "the aliquot that matches it", this::list).audit(),
                Route.post("/api/dli-schedules/{id}/skips", DLI_SCHEDULE_ORDER, "Skip a dose of a DLI schedule, with "
                        + "the reason (the next dose becomes due)", Map.of("dose", 2, "reason",
                        "grade II skin GVHD after dose 1; the physician moves on after it resolved"), this::skip)
                        .audit().error(409, "the dose was given or skipped already (DLI_DOSE_ALREADY_RECORDED)"),
                Route.post("/api/dli-schedules/{id}/amendments", DLI_SCHEDULE_ORDER, "Amend a DLI schedule, with the "
                        + "reason: doses is the whole schedule as it will stand (a dose given or skipped unchanged; the "
                        + "doses still to give with a new CD3+/kg or interval, the last of them may be left out; none "
                        + "added); firstDoseOn while the first dose is still to give", Map.of("doses", List.of(
                                Map.of("cd3PerKg", 1e6), Map.of("cd3PerKg", 1e6, "intervalDays", 56)), "reason",
                        "mixed chimerism improving after dose 1 without GVHD: dose 2 stays at 1 × 10^6/kg, later"),
                        this::amend).audit()
                        .error(409, "a dose given or skipped would change (DLI_DOSE_ALREADY_RECORDED)"));
    }

    static Map<String, Object> example() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recipientId", "3f2b1c0d-4e5f-4a6b-9c8d-7e6f5a4b3c2d");
        m.put("firstDoseOn", "2026-03-10");
        m.put("doses", List.of(Map.of("cd3PerKg", 1e6), Map.of("cd3PerKg", 5e6, "intervalDays", 42),
                Map.of("cd3PerKg", 1e7, "intervalDays", 42)));
        return m;
    }

    private void create(Call call) {
        Node f = call.body();
        String recipientId = f.text("recipientId", true, 36).orElse(null);
        Optional<LocalDate> first = f.date("firstDoseOn", true);
        List<DliScheduleService.NewDose> doses = new ArrayList<>();
        f.objects("doses", true, DliSchedule.MAX_DOSES).ifPresent(items -> {
            for (Node d : items) {
                boolean hasDose = d.has("cd3PerKg");
                OptionalDouble dose = d.number("cd3PerKg", DliSchedule.CD3_PER_KG, false);
                OptionalInt interval = d.integer("intervalDays", DliSchedule.INTERVAL_DAYS, false);
                d.rejectUnknown();
                if (hasDose && dose.isEmpty()) {
                    continue; // the problem is named already
                }
                doses.add(new DliScheduleService.NewDose(dose.isPresent() ? Optional.of(dose.getAsDouble())
                        : Optional.empty(), interval));
            }
        });
        f.rejectUnknown();
        throwIfProblems(f);
        String orderId = call.param("id");
        DliScheduleService.NewSchedule n = new DliScheduleService.NewSchedule(recipientId, first.orElseThrow(), doses);
        call.answer(call.write(h -> {
            call.concerns(recipientId);
            return json(schedules.create(h, call.actor(), orderId, n));
        }));
    }

    private void ofOrder(Call call) {
        String orderId = call.param("id");
        DliScheduleService.View v = call.read(h -> schedules.ofOrder(h, orderId))
                .orElseThrow(() -> DomainException.notFound("DLI schedule of this order"));
        call.concerns(v.schedule().recipientId());
        call.answer(json(v));
    }

    private void list(Call call) {
        String patientId = call.param("id");
        call.concerns(patientId);
        call.answer(call.read(h -> schedules.ofRecipient(h, patientId).stream().map(DliScheduleRoutes::json).toList()));
    }

    private void skip(Call call) {
        Node f = call.body();
        OptionalInt dose = f.integer("dose", Range.of(1, DliSchedule.MAX_DOSES), true);
        String reason = f.text("reason", true, 1000).orElse(null);
        f.rejectUnknown();
        throwIfProblems(f);
        answerChange(call, (h, id) -> schedules.skip(h, call.actor(), id, dose.getAsInt(), reason));
    }

    /**
     * Makes a change to the schedule the path names, in one transaction with the recipient named in its audit
     * entry, and answers the schedule as it stands after it.
     */
    private void answerChange(Call call, java.util.function.BiFunction<org.jdbi.v3.core.Handle, String,
            DliScheduleService.View> change) {
        String id = call.param("id");
        call.answer(call.write(h -> {
            call.concerns(schedules.find(h, id).orElseThrow(() -> DomainException.notFound("DLI schedule")).recipientId());
            return json(change.apply(h, id));
        }));
    }

    private void amend(Call call) {
        Node f = call.body();
        Optional<LocalDate> first = f.date("firstDoseOn", false);
        List<DliScheduleService.AmendedDose> doses = new ArrayList<>();
        f.objects("doses", true, DliSchedule.MAX_DOSES).ifPresent(items -> {
            for (Node d : items) {
                OptionalDouble dose = d.number("cd3PerKg", DliSchedule.CD3_PER_KG, true);
                OptionalInt interval = d.integer("intervalDays", DliSchedule.INTERVAL_DAYS, false);
                d.rejectUnknown();
                if (dose.isPresent()) {
                    doses.add(new DliScheduleService.AmendedDose(dose.getAsDouble(), interval));
                }
            }
        });
        String reason = f.text("reason", true, 1000).orElse(null);
        f.rejectUnknown();
        throwIfProblems(f);
        answerChange(call, (h, id) -> schedules.amend(h, call.actor(), id, first, doses, reason));
    }

    private static List<Map<String, Object>> doses(DliSchedule s) {
        return s.doses().stream().map(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("dose", d.number());
            m.put("cd3PerKg", d.cd3PerKg());
            m.put("intervalDays", d.intervalDays().isPresent() ? d.intervalDays().getAsInt() : null);
            return m;
        }).toList();
    }

    /** A schedule as the API answers it. */
    static Map<String, Object> json(DliScheduleService.View v) {
        DliScheduleRecord s = v.schedule();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("orderId", s.orderId());
        m.put("donorId", s.donorId());
        m.put("recipientId", s.recipientId());
        m.put("firstDoseOn", s.schedule().firstDoseOn());
        m.put("recipientWeightKg", v.recipientWeightKg().orElse(null));
        m.put("hold", v.hold().orElse(null));
        m.put("holdRule", DliHoldRule.SOURCE);
        m.put("doseToleranceFraction", DliDoseCheck.DOSE_TOLERANCE_FRACTION);
        List<Map<String, Object>> steps = new ArrayList<>();
        for (DliScheduleService.StepView x : v.steps()) {
            DliSchedule.Step st = x.step();
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("dose", st.dose().number());
            d.put("cd3PerKg", st.dose().cd3PerKg());
            d.put("intervalDays", st.dose().intervalDays().isPresent() ? st.dose().intervalDays().getAsInt() : null);
            d.put("dueOn", st.dueOn());
            d.put("status", st.status().name().toLowerCase(Locale.ROOT));
            x.outcome().ifPresent(o -> {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("at", o.at());
                r.put("by", o.recordedBy());
                if (o.outcome() instanceof DliSchedule.Given g) {
                    r.put("cd3PerKg", g.cd3PerKg());
                    r.put("productId", o.productId().orElse(null));
                    d.put("given", r);
                } else {
                    r.put("reason", o.reason().orElse(null));
                    d.put("skipped", r);
                }
            });
            x.aliquot().ifPresent(a -> {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("productId", a.productId());
                r.put("din", a.din());
                r.put("division", a.division());
                r.put("status", a.status().code());
                r.put("cd3PerKg", a.cd3PerKg().orElse(null));
                d.put("aliquot", r);
            });
            if (!x.heldBy().isEmpty()) {
                d.put("heldBy", x.heldBy().stream().map(hv -> {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("visitId", hv.visitId());
                    r.put("visitAt", hv.visitAt());
                    r.put("grade", hv.grade().roman());
                    return r;
                }).toList());
            }
            steps.add(d);
        }
        m.put("doses", steps);
        m.put("createdAt", s.createdAt());
        m.put("createdBy", s.createdBy());
        if (!s.amendments().isEmpty()) {
            // what was ordered, and each amendment with the schedule after it: nothing is overwritten
            m.put("ordered", Map.of("firstDoseOn", s.ordered().firstDoseOn(), "doses", doses(s.ordered())));
        }
        m.put("amendments", s.amendments().stream().map(a -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("number", a.number());
            r.put("at", a.at());
            r.put("by", a.by());
            r.put("reason", a.reason());
            r.put("firstDoseOn", a.schedule().firstDoseOn());
            r.put("doses", doses(a.schedule()));
            return r;
        }).toList());
        return m;
    }

    private static void throwIfProblems(Node f) {
        if (!f.problems().isEmpty()) {
            throw new InvalidInputException("the DLI schedule has invalid values", f.problems());
        }
    }
}
