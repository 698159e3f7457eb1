package org.openapheresis.server.schedule;

import static org.openapheresis.server.access.Permission.AUTHENTICATED;
import static org.openapheresis.server.access.Permission.RESOURCES_MANAGE;
import static org.openapheresis.server.access.Permission.ROTA_MANAGE;
import static org.openapheresis.server.access.Permission.SCHEDULE_PLAN;
import static org.openapheresis.server.access.Permission.SESSIONS_SCHEDULE;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.openapheresis.contract.Node;
import org.openapheresis.server.http.Call;
import org.openapheresis.server.http.FeatureRoutes;
import org.openapheresis.server.http.Route;
import org.openapheresis.server.session.BookingAcknowledgement;
import org.openapheresis.server.session.BookingWarning;
import org.openapheresis.server.session.Commands;
import org.openapheresis.server.session.SessionRecord;
import org.openapheresis.server.session.SessionService;

/**
 * {@code /api/schedule}: plan the week, book a proposal, and what it plans with: the nurses' skills and shifts, the
 * unit's rules and the days it is closed.
 */
public final class ScheduleRoutes implements FeatureRoutes {

    private final ScheduleService schedule;
    private final SessionService sessions;

    public ScheduleRoutes(ScheduleService schedule, SessionService sessions) {
        this.schedule = schedule;
        this.sessions = sessions;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.post("/api/schedule/proposals", SCHEDULE_PLAN, "Plan the days from..to (inclusive, at most "
                        + ScheduleService.MAX_DAYS + "): every unscheduled session of the signed orders, and booked "
                        + "ones that must move, placed on a start, machine, chair and nurse by the solver within "
                        + "spentLimitSeconds (default " + ScheduleService.DEFAULT_SPENT_LIMIT.toSeconds() + "); "
                        + "answers the assignments and the score in words. Nothing is booked",
                        Map.of("from", "2026-03-02", "to", "2026-03-07", "spentLimitSeconds", 5), this::propose)
                        .audit().created(),
                Route.action("/api/schedule/proposals/{id}/apply", SCHEDULE_PLAN, "Book a proposal whole, through "
                        + "the sessions' own checks; refused whole when the records it was made on changed",
                        this::apply).audit()
                        .error(409, "booked already, infeasible, made on data that changed since, or a booking in "
                                + "the way (nothing is booked)"),
                Route.post("/api/schedule/moves", SESSIONS_SCHEDULE, "Move one booked session by hand (the week "
                        + "view's drag): the week's hard rules are checked for it where it is to go, then it is "
                        + "rescheduled as PUT /api/sessions/{id} does (version required; the opening hours, the "
                        + "lab's cut-off and the pre-procedure labs are warned of as there, to acknowledge with "
                        + "acknowledgedWarnings)", Map.of("sessionId", "…",
                                "plannedStart", "2026-03-03T10:00:00Z", "machine", "Optia-2", "chair", "Chair 2",
                                "nurse", "nurse.tanaka", "version", 1), this::move).audit()
                        .error(409, "the move breaks a hard rule of the week (listed in breaches), the session "
                                + "cannot move, its version is stale, a booking is in the way, or warnings of the "
                                + "unit's rules not acknowledged (BOOKING_WARNINGS_OPEN)"),
                Route.get("/api/schedule/nurses", AUTHENTICATED, "The active nurses with their skills ("
                        + String.join(", ", Skill.codes()) + ")", this::nurses),
                Route.put("/api/schedule/nurse-skills", RESOURCES_MANAGE, "Record a nurse's skills by user name (the "
                        + "list replaces what was recorded)", Map.of("username", "nurse.moreau", "skills", List.of(
                                "plasma-exchange", "central-line")), this::setSkills).audit()
                        .error(404, "no active nurse of that user name"),
                Route.get("/api/schedule/rules", AUTHENTICATED, "The unit's rules for planning: opening hours per day "
                        + "of the week, the lab's cut-off for collections, sessions per nurse at once, turnover, the "
                        + "tolerance on a course's interval, the step between starts, the lab's turnaround for "
                        + "pre-procedure labs drawn on arrival", this::rules),
                Route.put("/api/schedule/rules", RESOURCES_MANAGE, "Replace the unit's rules (version; a day left out "
                        + "of openingHours is closed); proposals made on the old rules can no longer be booked",
                        Map.of("openingHours", List.of(Map.of("day", "monday", "opens", "07:30", "closes", "18:00")),
                                "labCutOff", "15:00", "maxPatientsPerNurse", 2, "turnoverMin", 15,
                                "intervalToleranceMin", 720, "slotMin", 15, "labTurnaroundMin", 60, "version", 1),
                        this::setRules).audit()
                        .error(409, "stale version (the current rules are in the answer)"),
                Route.get("/api/schedule/closures", AUTHENTICATED, "The days the unit is closed whatever the day of "
                        + "the week, from..to (default: from today for a year)", this::closures),
                Route.post("/api/schedule/closures", ROTA_MANAGE, "Close the unit on a day (nothing is planned on "
                        + "it)", Map.of("day", "2026-12-25", "reason", "Christmas Day"), this::addClosure).audit()
                        .created(),
                Route.action("/api/schedule/closures/{id}/cancel", ROTA_MANAGE, "Open the unit again on a closed day "
                        + "(the record is kept)", this::cancelClosure).audit().error(404, "no such closure")
                        .error(409, "cancelled already"),
                Route.get("/api/schedule/rota-conflicts", SCHEDULE_PLAN, "The booked sessions from..to (days, at "
                        + "most 31; default this week) that the rota breaks now: a machine taken out of service or a "
                        + "nurse off shift for part of one, each with what it breaks in words; planning those days "
                        + "again moves them (POST /api/schedule/proposals)", this::rotaConflicts),
                Route.get("/api/schedule/shifts", AUTHENTICATED, "The nurses' shifts from..to (days, at most 31; "
                        + "default this week). When any shift is recorded for the days planned, nurses are given "
                        + "sessions only inside their shifts", this::shifts),
                Route.post("/api/schedule/shifts", ROTA_MANAGE, "Put a nurse on the rota from..to (30 min to 24 h; "
                        + "not overlapping another of their shifts)", Map.of("nurse", "nurse.moreau", "from",
                                "2026-03-02T07:30:00Z", "to", "2026-03-02T15:30:00Z"), this::addShift).audit()
                        .created(),
                Route.post("/api/schedule/shift-patterns", ROTA_MANAGE, "Put a nurse on the rota by a weekly "
                        + "pattern: a shift from start to end (unit time; an end not after the start is the next day) "
                        + "on each of days (monday .. sunday) from firstDay to lastDay (at most "
                        + ScheduleService.MAX_PATTERN_DAYS + " days); each becomes a shift of its own, cancelled "
                        + "one by one; all are added or none (the refused day named)", Map.of("nurse", "nurse.moreau",
                                "firstDay", "2026-03-02", "lastDay", "2026-03-27", "days", List.of("monday", "tuesday",
                                        "wednesday", "thursday", "friday"), "start", "07:30", "end", "15:30"),
                        this::addShiftPattern).audit().created(),
                Route.action("/api/schedule/shifts/{id}/cancel", ROTA_MANAGE, "Take a shift off the rota (the record "
                        + "is kept)", this::cancelShift).audit().error(404, "no such shift")
                        .error(409, "cancelled already"));
    }

    private void rules(Call call) {
        call.answer(call.read(schedule::settings));
    }

    private void setRules(Call call) {
        Node f = call.body();
        List<Node> days = f.objects("openingHours", true, 7).orElse(List.of());
        List<UnitSettings.DayHours> hours = new java.util.ArrayList<>();
        for (Node d : days) {
            Optional<String> day = d.oneOf("day", true, java.util.Arrays.stream(java.time.DayOfWeek.values())
                    .map(x -> x.name().toLowerCase(java.util.Locale.ROOT)).toList());
            Optional<java.time.LocalTime> opens = timeOfDay(d, "opens");
            Optional<java.time.LocalTime> closes = timeOfDay(d, "closes");
            d.rejectUnknown();
            if (day.isPresent() && opens.isPresent() && closes.isPresent()) {
                if (!closes.get().isAfter(opens.get())) {
                    d.add("closes", org.openapheresis.system.MessageKey.INVALID, "closes at " + closes.get()
                            + ", not after it opens at " + opens.get());
                } else {
                    hours.add(new UnitSettings.DayHours(day.get(), opens.get(), closes.get()));
                }
            }
        }
        if (hours.stream().map(UnitSettings.DayHours::day).distinct().count() != hours.size()) {
            f.add("openingHours", org.openapheresis.system.MessageKey.INVALID, "a day is given twice");
        }
        Optional<java.time.LocalTime> cutOff = timeOfDay(f, "labCutOff");
        OptionalInt ratio = f.integer("maxPatientsPerNurse", UnitSettings.PATIENTS_PER_NURSE, true);
        OptionalInt turnover = f.integer("turnoverMin", UnitSettings.TURNOVER_MIN, true);
        OptionalInt tolerance = f.integer("intervalToleranceMin", UnitSettings.INTERVAL_TOLERANCE_MIN, true);
        OptionalInt slot = f.integer("slotMin", UnitSettings.SLOT_MIN, true);
        OptionalInt turnaround = f.integer("labTurnaroundMin", UnitSettings.LAB_TURNAROUND_MIN, false);
        OptionalInt version = f.integer("version", org.openapheresis.system.Range.of(1, Integer.MAX_VALUE), true);
        f.allow("setUpAndRinsebackMin", "updatedAt", "updatedBy");
        f.rejectUnknown();
        f.throwIfProblems();
        call.answer(call.write(h -> {
            // the lab's turnaround may be left out (a client older than it): it then stays as the unit keeps it
            UnitSettings draft = new UnitSettings(version.getAsInt(), slot.getAsInt(), hours, cutOff.orElseThrow(),
                    ratio.getAsInt(), turnover.getAsInt(), tolerance.getAsInt(), 0, turnaround.isPresent()
                            ? turnaround.getAsInt() : schedule.settings(h).labTurnaroundMin(), java.time.Instant.EPOCH,
                    "-");
            return schedule.updateSettings(h, call.actor(), draft, version.getAsInt());
        }));
    }

    /** A time of day, {@code HH:MM} (or {@code HH:MM:SS}, as the answers write it). */
    private static Optional<java.time.LocalTime> timeOfDay(Node f, String key) {
        return f.text(key, true, 8).flatMap(t -> {
            if (!t.matches("([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d)?")) {
                f.add(key, org.openapheresis.system.MessageKey.INVALID, t + " is not a time of day (HH:MM)");
                return Optional.empty();
            }
            return Optional.of(java.time.LocalTime.parse(t));
        });
    }

    private void closures(Call call) {
        LocalDate from = call.dateQuery("from").orElse(LocalDate.now(call.zone()));
        LocalDate to = call.dateQuery("to").orElse(from.plusDays(366));
        call.answer(call.read(h -> schedule.closures(h, from, to)));
    }

    private void addClosure(Call call) {
        Node f = call.body();
        LocalDate day = f.date("day", true).orElse(null);
        String reason = f.text("reason", true, 200).orElse(null);
        f.rejectUnknown();
        f.throwIfProblems();
        call.answer(call.write(h -> schedule.addClosure(h, call.actor(), day, reason)));
    }

    private void cancelClosure(Call call) {
        call.noBody();
        String id = call.param("id");
        call.answer(call.write(h -> schedule.cancelClosure(h, call.actor(), id)));
    }

    /** The days {@code ?from=&to=} ask for: this week, Monday to Sunday, for what is left out. */
    private record Days(LocalDate from, LocalDate to) {
        static Days asked(Call call) {
            LocalDate today = LocalDate.now(call.zone());
            LocalDate from = call.dateQuery("from").orElse(today.minusDays(today.getDayOfWeek().getValue() - 1L));
            return new Days(from, call.dateQuery("to").orElse(from.plusDays(6)));
        }
    }

    private void shifts(Call call) {
        Days d = Days.asked(call);
        call.answer(call.read(h -> schedule.shifts(h, d.from(), d.to())));
    }

    private void rotaConflicts(Call call) {
        Days d = Days.asked(call);
        LocalDate from = d.from();
        LocalDate to = d.to();
        if (to.isBefore(from) || java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1 > 31) {
            throw org.openapheresis.system.InvalidInputException.of("to", org.openapheresis.system.MessageKey.INVALID,
                    "list conflicts over 1 to 31 days from " + from);
        }
        call.answer(call.read(h -> sessions.rotaConflicts(h, from.atStartOfDay(call.zone()).toInstant(),
                to.plusDays(1).atStartOfDay(call.zone()).toInstant())));
    }

    private void addShift(Call call) {
        Node f = call.body();
        String nurse = f.text("nurse", true, 100).orElse(null);
        java.time.Instant from = call.plannedTime(f, "from", true).orElse(null);
        java.time.Instant to = call.plannedTime(f, "to", true).orElse(null);
        f.rejectUnknown();
        f.throwIfProblems();
        call.answer(call.write(h -> schedule.addShift(h, call.actor(), nurse, from, to)));
    }

    private void addShiftPattern(Call call) {
        Node f = call.body();
        String nurse = f.text("nurse", true, 100).orElse(null);
        Optional<LocalDate> first = f.date("firstDay", true);
        Optional<LocalDate> last = f.date("lastDay", true);
        List<String> names = java.util.Arrays.stream(java.time.DayOfWeek.values())
                .map(x -> x.name().toLowerCase(java.util.Locale.ROOT)).toList();
        Optional<List<String>> days = f.texts("days", true, 7, 10);
        days.ifPresent(ds -> ds.stream().filter(d -> !names.contains(d)).findFirst().ifPresent(d -> f.add("days",
                org.openapheresis.system.MessageKey.NOT_ONE_OF, d, String.join(", ", names))));
        Optional<java.time.LocalTime> start = timeOfDay(f, "start");
        Optional<java.time.LocalTime> end = timeOfDay(f, "end");
        f.rejectUnknown();
        f.throwIfProblems();
        Set<java.time.DayOfWeek> weekdays = EnumSet.noneOf(java.time.DayOfWeek.class);
        days.orElseThrow().forEach(d -> weekdays.add(java.time.DayOfWeek.valueOf(d.toUpperCase(java.util.Locale.ROOT))));
        call.answer(call.write(h -> schedule.addShiftPattern(h, call.actor(), nurse, first.orElseThrow(),
                last.orElseThrow(), weekdays, start.orElseThrow(), end.orElseThrow())));
    }

    private void cancelShift(Call call) {
        call.noBody();
        String id = call.param("id");
        call.answer(call.write(h -> schedule.cancelShift(h, call.actor(), id)));
    }


    private void propose(Call call) {
        Node f = call.body();
        LocalDate from = f.date("from", true).orElse(null);
        LocalDate to = f.date("to", true).orElse(null);
        OptionalInt limit = f.integer("spentLimitSeconds", ScheduleService.SPENT_LIMIT_SECONDS, false);
        f.rejectUnknown();
        f.throwIfProblems();
        schedule.requireWindow(from, to);
        Duration spent = limit.isPresent() ? Duration.ofSeconds(limit.getAsInt()) : ScheduleService.DEFAULT_SPENT_LIMIT;
        WeekProblem problem = call.read(h -> schedule.problem(h, from, to));
        WeekSolver.Solved solved = schedule.solve(problem, spent);
        call.answer(call.write(h -> schedule.save(h, call.actor(), problem, solved)));
    }

    private void apply(Call call) {
        call.noBody();
        String id = call.param("id");
        call.answer(call.write(h -> schedule.apply(h, call.actor(), id)));
    }

    private void move(Call call) {
        Node f = call.body();
        String id = f.text("sessionId", true, 100).orElse(null);
        java.time.Instant start = call.plannedTime(f, "plannedStart", true).orElse(null);
        Optional<String> machine = f.text("machine", false, 100);
        Optional<String> chair = f.text("chair", false, 100);
        Optional<String> nurse = f.text("nurse", false, 100);
        OptionalDouble version = f.number("version", org.openapheresis.system.Range.of(1, Integer.MAX_VALUE), true);
        Set<BookingWarning.Code> acknowledged = BookingWarning.readAcknowledged(f);
        f.rejectUnknown();
        f.throwIfProblems();
        Commands.Reschedule to = new Commands.Reschedule(start, machine, chair, nurse, (int) version.getAsDouble(),
                acknowledged);
        call.answer(call.write(h -> {
            call.concerns(sessions.patientOf(h, id));
            SessionRecord moved = schedule.move(h, call.actor(), id, to);
            moved.bookingAcknowledgement().ifPresent(a -> call.auditDetail(h, BookingAcknowledgement.AUDIT_ACTION,
                    a.auditResource(moved.id())));
            return moved;
        }));
    }

    private void nurses(Call call) {
        call.answer(call.read(schedule::nurses));
    }

    private void setSkills(Call call) {
        Node f = call.body();
        String username = f.text("username", true, 100).orElse(null);
        List<String> codes = f.texts("skills", true, Skill.values().length, 40).orElse(List.of());
        Set<Skill> skills = EnumSet.noneOf(Skill.class);
        for (int i = 0; i < codes.size(); i++) {
            int at = i;
            Skill.fromCode(codes.get(i)).ifPresentOrElse(skills::add, () -> f.add("skills[" + at + "]",
                    org.openapheresis.system.MessageKey.NOT_ONE_OF, codes.get(at), String.join(", ", Skill.codes())));
        }
        f.rejectUnknown();
        f.throwIfProblems();
        call.answer(call.write(h -> schedule.setSkills(h, username, skills)));
    }
}
