package org.openapheresis.server.schedule;

import static org.openapheresis.server.access.Permission.AUTHENTICATED;
import static org.openapheresis.server.access.Permission.RESOURCES_MANAGE;
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
import org.openapheresis.server.session.Commands;
import org.openapheresis.server.session.SessionService;

/** {@code /api/schedule}: plan the week, book a proposal, and the nurses' skills it plans with. */
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
                        + "rescheduled as PUT /api/sessions/{id} does (version required)", Map.of("sessionId", "…",
                                "plannedStart", "2026-03-03T10:00:00Z", "machine", "Optia-2", "chair", "Chair 2",
                                "nurse", "nurse.tanaka", "version", 1), this::move).audit()
                        .error(409, "the move breaks a hard rule of the week (listed in breaches), the session "
                                + "cannot move, its version is stale, or a booking is in the way"),
                Route.get("/api/schedule/nurses", AUTHENTICATED, "The active nurses with their skills ("
                        + String.join(", ", Skill.codes()) + ")", this::nurses),
                Route.put("/api/schedule/nurse-skills", RESOURCES_MANAGE, "Record a nurse's skills by user name (the "
                        + "list replaces what was recorded)", Map.of("username", "nurse.moreau", "skills", List.of(
                                "plasma-exchange", "central-line")), this::setSkills).audit()
                        .error(404, "no active nurse of that user name"));
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
        f.rejectUnknown();
        f.throwIfProblems();
        Commands.Reschedule to = new Commands.Reschedule(start, machine, chair, nurse, (int) version.getAsDouble());
        call.answer(call.write(h -> {
            call.concerns(sessions.patientOf(h, id));
            return schedule.move(h, call.actor(), id, to);
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
