package org.openapheresis.server.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.openapheresis.server.access.Actor;
import org.openapheresis.server.access.Role;
import org.openapheresis.server.access.StaffDirectory;
import org.openapheresis.server.db.Ids;
import org.openapheresis.server.db.Times;
import org.openapheresis.server.order.OrderService;
import org.openapheresis.server.patient.PatientService;
import org.openapheresis.server.resource.ResourceService;
import org.openapheresis.server.schedule.constraint.CollectionBeforeLabCutOff;
import org.openapheresis.server.schedule.constraint.InsideOpeningHours;
import org.openapheresis.server.schedule.constraint.PreProcedureLabsDue;
import org.openapheresis.server.session.Commands;
import org.openapheresis.server.session.MachineBookings;
import org.openapheresis.server.session.SessionRecord;
import org.openapheresis.server.session.SessionService;
import org.openapheresis.server.system.DomainException;
import org.openapheresis.server.system.Refusal;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Range;

/**
 * Planning the week: read the problem from the records, solve it for a spent limit, keep the proposal, and book it
 * whole through {@link SessionService} (its row locks and overlap checks are the one guarantee against double
 * booking, for the solver as for people), or refuse it whole when the records it was made on changed.
 *
 * <p>Reading, solving and keeping are three calls so that no transaction stays open while the solver runs.
 */
public final class ScheduleService {

    /** The solver's default spent limit. */
    public static final Duration DEFAULT_SPENT_LIMIT = Duration.ofSeconds(5);
    /** Spent limits a request may ask for, seconds. */
    public static final Range SPENT_LIMIT_SECONDS = Range.of(1, 60);
    /** Most days one proposal plans. */
    public static final int MAX_DAYS = 14;

    private final ScheduleStore store;
    private final OrderService orders;
    private final SessionService sessions;
    private final PatientService patients;
    private final ResourceService resources;
    private final StaffDirectory staff;
    private final WeekSolver solver;
    private final Clock clock;

    public ScheduleService(ScheduleStore store, OrderService orders, SessionService sessions, PatientService patients,
            ResourceService resources, StaffDirectory staff, WeekSolver solver, Clock clock) {
        this.store = store;
        this.orders = orders;
        this.sessions = sessions;
        this.patients = patients;
        this.resources = resources;
        this.staff = staff;
        this.solver = solver;
        this.clock = clock;
        sessions.checkNursesWith(new ShiftRota(store, clock.getZone()));
        sessions.checkBookingsWith(new UnitRulesCheck(store, patients, clock.getZone()));
    }

    /** The days to plan: {@code to} on or after {@code from}, at most {@link #MAX_DAYS}, not before today. */
    public void requireWindow(LocalDate from, LocalDate to) {
        if (from.isBefore(LocalDate.now(clock))) {
            throw InvalidInputException.of("from", MessageKey.INVALID, from + " is in the past; plan from today");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days < 1 || days > MAX_DAYS) {
            throw InvalidInputException.of("to", MessageKey.INVALID, "the window is " + days + " day(s); plan 1 to "
                    + MAX_DAYS + " days from " + from);
        }
    }

    /** The week's problem as the records stand. */
    public WeekProblem problem(Handle h, LocalDate from, LocalDate to) {
        requireWindow(from, to);
        return WeekProblem.read(h, from, to, clock.instant(), settings(h), clock.getZone(), orders, sessions, patients,
                resources, staff, store);
    }

    /** Solves the problem for the spent limit (no transaction is open). */
    public WeekSolver.Solved solve(WeekProblem p, Duration spentLimit) {
        return solver.solve(p.plan(), spentLimit, null, x -> { }).withLeftOut(p.leftOut());
    }

    /** Keeps the solved plan as a proposal. */
    public Proposal save(Handle h, Actor by, WeekProblem p, WeekSolver.Solved s) {
        UnitRules r = s.plan().getRules();
        List<Proposal.Assignment> out = new ArrayList<>();
        for (PlannedSession e : s.plan().getSessions()) {
            if (e.isPinned() || !e.placed()) {
                continue;
            }
            Booking b = e.getBooked();
            Proposal.Change change = b == null ? Proposal.Change.NEW : e.moved() ? Proposal.Change.MOVE
                    : b.chair() == null && e.getChair() != null || b.nurse() == null && e.getNurse() != null
                            ? Proposal.Change.COMPLETE : Proposal.Change.KEEP;
            out.add(new Proposal.Assignment(Optional.ofNullable(b).map(Booking::sessionId), Optional.ofNullable(b)
                    .map(Booking::version), e.getOrderId(), e.getSequence(), e.getPatientId(), e.getPatientName(),
                    e.getProcedureType().code(), r.at(e.getStartMinute()), e.durationMin(), Optional.ofNullable(
                            e.getMachine()).map(UnitMachine::name), e.getChair().name(), e.getNurse().username(),
                    change, notes(e, previousInCourse(s.plan(), e))));
        }
        out.sort(java.util.Comparator.comparing(Proposal.Assignment::plannedStart)
                .thenComparing(Proposal.Assignment::chair));
        Proposal proposal = new Proposal(Ids.next(), p.from(), p.to(), s.score().toShortString(), s.feasible(), out,
                s.explanation(), NextStep.of(s.explanation(), p.from(), p.to(), s.solvedMs()), s.solvedMs(),
                Times.now(clock), by.username());
        store.insert(h, proposal, p.basis());
        return proposal;
    }

    /** The start of the course's session before this one: in the plan, or the last before it; null for a first. */
    static Integer previousInCourse(WeekPlan plan, PlannedSession e) {
        return plan.getSessions().stream().filter(o -> o.getOrderId().equals(e.getOrderId())
                && o.getSequence() == e.getSequence() - 1 && o.getStartMinute() != null).map(
                        PlannedSession::getStartMinute).findFirst().orElse(e.getPreviousStartMinute());
    }

    /**
     * What the coordinator tells the patient, the nurse and the prescriber about a session placed: the labs to draw on
     * arrival (when the results on record will not be current at its start) and when they are back; how far it lies
     * outside the patient's preferred times; a course that waits over a closure, longer than its order asks.
     */
    static List<String> notes(PlannedSession e, Integer previousStartMinute) {
        List<String> out = new ArrayList<>();
        LabsDue due = e.getLabsDue();
        UnitRules r = e.getRules();
        if (previousStartMinute != null && e.minutesStretchedByClosure(previousStartMinute) > 0) {
            out.add(String.format(java.util.Locale.ROOT, "%.1f h after the course's session before (the order asks "
                    + "for %.0f h \u00b1 %.0f h): the unit is closed in between; tell the prescriber",
                    (e.getStartMinute() - previousStartMinute) / 60.0, e.getIntervalMin() / 60.0,
                    r.intervalToleranceMin() / 60.0));
        }
        if (due != null && !due.currentAt(e.getStartMinute())) {
            out.add("Draw " + due.tests() + " on arrival (" + due.limiting() + "; the order allows " + due.maxAgeHours()
                    + " h): back by " + r.local(r.labsBackMinute(e.getStartMinute())).toLocalTime());
        }
        int outside = e.minutesOutsidePreference();
        if (outside > 0) {
            out.add(outside + " min outside the patient's preferred times (" + e.getPreferred().describe() + ")");
        }
        return out;
    }

    /**
     * Books a proposal whole, in the caller's transaction: refused when it was booked already, breaks a hard rule,
     * or was made on records that changed since (the problem is read again and its digest compared). Each session
     * is scheduled or rescheduled through {@link SessionService}; a move that lands where another booked session
     * still stands is retried after the others moved, and any refusal left undoes the whole booking.
     */
    public Proposal.Applied apply(Handle h, Actor by, String id) {
        if (!Ids.isId(id)) {
            throw DomainException.notFound("proposal");
        }
        ScheduleStore.Stored stored = store.lock(h, id).orElseThrow(() -> DomainException.notFound("proposal"));
        Proposal p = stored.proposal();
        if (stored.appliedAt().isPresent()) {
            throw DomainException.of(Refusal.PROPOSAL_APPLIED, id, stored.appliedAt().get(), p.createdBy());
        }
        if (!p.feasible()) {
            throw DomainException.of(Refusal.PROPOSAL_INFEASIBLE, id, p.score());
        }
        WeekProblem now = WeekProblem.read(h, p.from(), p.to(), p.createdAt(), settings(h), clock.getZone(), orders,
                sessions, patients, resources, staff, store);
        if (!now.basis().equals(stored.basis())) {
            throw new DomainException(Refusal.PROPOSAL_STALE, List.of(id, "orders, sessions, machines, chairs, nurses, "
                    + "skills, shifts, closures, machines out of service, the unit's rules, the labs on record of an "
                    + "order asking for pre-procedure labs, or a patient's preferred times"), Map.of("proposalId", id));
        }
        List<Proposal.Assignment> pending = new ArrayList<>(p.assignments().stream()
                .filter(a -> a.change() != Proposal.Change.KEEP).toList());
        List<SessionRecord> scheduled = new ArrayList<>();
        List<SessionRecord> rescheduled = new ArrayList<>();
        while (!pending.isEmpty()) {
            List<Proposal.Assignment> blocked = new ArrayList<>();
            DomainException last = null;
            for (Proposal.Assignment a : pending) {
                try {
                    if (a.change() == Proposal.Change.NEW) {
                        scheduled.add(sessions.schedule(h, by, new Commands.Schedule(a.orderId(), a.plannedStart(),
                                a.machine(), Optional.of(a.chair()), Optional.of(a.nurse()))));
                    } else {
                        rescheduled.add(sessions.reschedule(h, by, a.sessionId().orElseThrow(), new Commands.Reschedule(
                                a.plannedStart(), a.machine(), Optional.of(a.chair()), Optional.of(a.nurse()),
                                a.sessionVersion().orElseThrow())));
                    }
                } catch (DomainException e) {
                    if (e.refusal() != Refusal.MACHINE_BOOKED && e.refusal() != Refusal.CHAIR_BOOKED) {
                        throw e;
                    }
                    blocked.add(a);
                    last = e;
                }
            }
            if (blocked.size() == pending.size()) {
                throw last;
            }
            pending = blocked;
        }
        store.applied(h, id, Times.now(clock), by.username());
        return new Proposal.Applied(id, scheduled, rescheduled);
    }

    /**
     * Moves a booked session by hand (dragged on the week view), checked by the week's own hard rules before the
     * sessions' own checks book it: the week around the session's old and new day is read as it stands, the session
     * set where it is asked to go, and the move refused when it makes the hard rules that concern this session worse
     * than they were (the breaches named). Nothing else moves. The rules a booking by hand is warned of rather than
     * refused ({@link #WARNED_NOT_REFUSED}) are left to the sessions' own check, which asks for their acknowledgement
     * as it does of a move on the order page.
     */
    public SessionRecord move(Handle h, Actor by, String sessionId, Commands.Reschedule to) {
        SessionRecord s = sessions.require(h, sessionId);
        LocalDate today = LocalDate.now(clock);
        LocalDate oldDay = LocalDate.ofInstant(s.plannedStart(), clock.getZone());
        LocalDate newDay = LocalDate.ofInstant(to.plannedStart(), clock.getZone());
        LocalDate from = oldDay.isBefore(newDay) ? oldDay : newDay;
        LocalDate until = (oldDay.isAfter(newDay) ? oldDay : newDay).plusDays(1);
        from = from.isBefore(today) ? today : from;
        if (until.isBefore(from) || ChronoUnit.DAYS.between(from, until) + 1 > MAX_DAYS) {
            throw DomainException.of(Refusal.SESSION_NOT_MOVABLE, sessionId, "it would move more than " + MAX_DAYS
                    + " days or into the past; move it from its order page");
        }
        WeekProblem p = WeekProblem.read(h, from, until, clock.instant(), settings(h), clock.getZone(), orders, sessions,
                patients, resources, staff, store);
        PlannedSession e = p.plan().getSessions().stream().filter(x -> x.getKey().equals(sessionId)).findFirst()
                .orElseThrow(() -> DomainException.of(Refusal.SESSION_NOT_MOVABLE, sessionId, "it is not a booked "
                        + "session of a signed order in these days"));
        if (e.isPinned()) {
            throw DomainException.of(Refusal.SESSION_NOT_MOVABLE, sessionId, "it has begun, ended, or was due before "
                    + "now");
        }
        WeekPlan plan = p.plan();
        WeekSolver.HardOf before = solver.hardOf(plan, sessionId, WARNED_NOT_REFUSED);
        UnitRules r = plan.getRules();
        int target = r.minuteOf(to.plannedStart());
        List<Integer> starts = new ArrayList<>(e.getPossibleStarts());
        starts.add(target); // a hand may put it where the solver would never offer it: the rules then say why not
        e.withStarts(starts).at(target, named(to.machine(), plan.getMachines(), UnitMachine::name, "machine"),
                named(to.chair(), plan.getChairs(), UnitChair::name, "chair"),
                named(to.nurse(), plan.getNurses(), UnitNurse::username, "nurse"));
        WeekSolver.HardOf after = solver.hardOf(plan, sessionId, WARNED_NOT_REFUSED);
        if (after.hard() < before.hard()) {
            throw new DomainException(Refusal.MOVE_BREAKS_RULES, List.of(sessionId, after.sentences().size()),
                    Map.of("breaches", after.sentences()));
        }
        return sessions.reschedule(h, by, sessionId, to);
    }

    /**
     * The hard rules of the week that a session booked or moved by hand is warned of, to acknowledge on call, rather
     * than refused: the opening hours, the lab's cut-off and the pre-procedure labs' turnaround ({@link UnitRulesCheck}
     * measures them as these rules do).
     */
    static final Set<String> WARNED_NOT_REFUSED = Set.of(InsideOpeningHours.NAME, CollectionBeforeLabCutOff.NAME,
            PreProcedureLabsDue.NAME);

    private static <T> T named(Optional<String> name, List<T> all, java.util.function.Function<T, String> nameOf,
            String field) {
        if (name.isEmpty()) {
            return null;
        }
        return all.stream().filter(x -> nameOf.apply(x).equals(name.get())).findFirst().orElseThrow(() ->
                InvalidInputException.of(field, MessageKey.INVALID, "no active " + field + " " + name.get()));
    }

    /** The longest shift a nurse may be given: 24 h (a longer one is two shifts, or a mistake). */
    public static final Duration MAX_SHIFT = Duration.ofHours(24);
    /** The shortest shift: 30 min. */
    public static final Duration MIN_SHIFT = Duration.ofMinutes(30);

    /** The unit's rules for planning as it keeps them. */
    public UnitSettings settings(Handle h) {
        return store.settings(h, (int) MachineBookings.SET_UP_AND_RINSEBACK.toMinutes());
    }

    /**
     * Replaces the unit's rules when they are still at {@code expectedVersion} (a stale version is refused with the
     * current rules). Proposals made on the old rules can no longer be booked.
     */
    public UnitSettings updateSettings(Handle h, Actor by, UnitSettings draft, int expectedVersion) {
        UnitSettings current = settings(h);
        if (current.version() != expectedVersion) {
            throw DomainException.stale(current.version(), current);
        }
        UnitSettings next = new UnitSettings(expectedVersion + 1, draft.slotMin(), draft.openingHours(),
                draft.labCutOff(), draft.maxPatientsPerNurse(), draft.turnoverMin(), draft.intervalToleranceMin(),
                current.setUpAndRinsebackMin(), draft.labTurnaroundMin(), Times.now(clock), by.username());
        if (!store.updateSettings(h, next, expectedVersion)) {
            UnitSettings now = settings(h);
            throw DomainException.stale(now.version(), now);
        }
        return settings(h);
    }

    /** The closures from {@code from} to {@code to} inclusive (at most a year and a day apart). */
    public List<Closure> closures(Handle h, LocalDate from, LocalDate to) {
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > 366) {
            throw InvalidInputException.of("to", MessageKey.INVALID, "list closures over 0 to 366 days from " + from);
        }
        return store.closures(h, from, to);
    }

    /** Closes the unit on a day from today on; refused when it is closed that day already. */
    public Closure addClosure(Handle h, Actor by, LocalDate day, String reason) {
        if (day.isBefore(LocalDate.now(clock))) {
            throw InvalidInputException.of("day", MessageKey.INVALID, day + " is in the past");
        }
        store.closures(h, day, day).stream().findFirst().ifPresent(c -> {
            throw InvalidInputException.of("day", MessageKey.INVALID, "the unit is closed on " + day + " already ("
                    + c.reason() + ")");
        });
        Closure c = new Closure(Ids.next(), day, reason.strip(), Times.now(clock), by.username(), Optional.empty(),
                Optional.empty());
        store.insert(h, c);
        return c;
    }

    /** Opens the unit again on a closed day; the closure's row is kept. */
    public Closure cancelClosure(Handle h, Actor by, String id) {
        Closure c = (Ids.isId(id) ? store.closure(h, id) : Optional.<Closure>empty())
                .orElseThrow(() -> DomainException.notFound("closure"));
        if (!store.cancelClosure(h, id, Times.now(clock), by.username())) {
            throw DomainException.of(Refusal.ALREADY_CANCELLED, c.cancelledAt().map(Object::toString).orElse("?"),
                    c.cancelledBy().orElse("?"));
        }
        return store.closure(h, id).orElseThrow();
    }

    /** The shifts sharing time with the days {@code from} to {@code to} inclusive (at most {@link #MAX_DAYS}). */
    public List<Shift> shifts(Handle h, LocalDate from, LocalDate to) {
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) + 1 > 31) {
            throw InvalidInputException.of("to", MessageKey.INVALID, "list shifts over 1 to 31 days from " + from);
        }
        return store.shifts(h, from.atStartOfDay(clock.getZone()).toInstant(), to.plusDays(1)
                .atStartOfDay(clock.getZone()).toInstant());
    }

    /**
     * Puts an active nurse on the rota from {@code from} to {@code to}: refused when the shift ends before it begins,
     * is shorter than {@link #MIN_SHIFT} or longer than {@link #MAX_SHIFT}, is over already, or overlaps another of
     * the nurse's shifts.
     */
    public Shift addShift(Handle h, Actor by, String username, java.time.Instant from, java.time.Instant to) {
        staff.activeMember(h, username).filter(m -> m.role() == Role.NURSE).orElseThrow(() ->
                InvalidInputException.of("nurse", MessageKey.NOT_STAFF, username, "an active nurse"));
        Duration length = Duration.between(from, to);
        if (length.compareTo(MIN_SHIFT) < 0 || length.compareTo(MAX_SHIFT) > 0) {
            throw InvalidInputException.of("to", MessageKey.INVALID, "the shift lasts " + length.toMinutes()
                    + " min; a shift lasts " + MIN_SHIFT.toMinutes() + " min to " + MAX_SHIFT.toHours() + " h");
        }
        if (!to.isAfter(clock.instant())) {
            throw InvalidInputException.of("to", MessageKey.INVALID, "the shift is over already");
        }
        store.shifts(h, from, to).stream().filter(x -> x.nurse().equals(username)).findFirst().ifPresent(x -> {
            throw InvalidInputException.of("from", MessageKey.INVALID, username + " is on shift from "
                    + unitTime(x.from()) + " to " + unitTime(x.to()) + " already");
        });
        Shift s = new Shift(Ids.next(), username, from, to, Times.now(clock), by.username(), Optional.empty(),
                Optional.empty());
        store.insert(h, s);
        return s;
    }

    /** A time as the unit reads it: "Mon 14 Dec 2026 07:30 (UTC)", in the unit's zone. */
    private String unitTime(java.time.Instant t) {
        return java.time.format.DateTimeFormatter.ofPattern("EEE d MMM uuuu HH:mm", java.util.Locale.ENGLISH)
                .withZone(clock.getZone()).format(t) + " (" + clock.getZone().getId() + ")";
    }

    /** The longest span a weekly pattern of shifts is laid out over: twelve weeks. */
    public static final int MAX_PATTERN_DAYS = 84;

    /**
     * Puts a nurse on the rota by a weekly pattern: a shift from {@code start} to {@code end} (the next day's
     * {@code end} when it is not after {@code start}: a night shift), in the unit's time zone, on each of
     * {@code weekdays} from {@code firstDay} to {@code lastDay} inclusive. Each shift is an ordinary shift of its own
     * (cancelled one by one: a sick day takes one off), checked as {@link #addShift} checks one; all are made or none:
     * the first that is refused refuses the pattern, naming its day.
     *
     * @throws InvalidInputException on {@code lastDay} (before {@code firstDay}, or more than
     *     {@value #MAX_PATTERN_DAYS} days on), {@code firstDay} (in the past), {@code days} (none of the weekdays falls
     *     in the span) or {@code days} naming the day whose shift is refused and why
     */
    public List<Shift> addShiftPattern(Handle h, Actor by, String username, LocalDate firstDay, LocalDate lastDay,
            Set<java.time.DayOfWeek> weekdays, java.time.LocalTime start, java.time.LocalTime end) {
        if (lastDay.isBefore(firstDay) || ChronoUnit.DAYS.between(firstDay, lastDay) + 1 > MAX_PATTERN_DAYS) {
            throw InvalidInputException.of("lastDay", MessageKey.INVALID, "a pattern runs over 1 to "
                    + MAX_PATTERN_DAYS + " days from " + firstDay);
        }
        if (firstDay.isBefore(LocalDate.now(clock))) {
            throw InvalidInputException.of("firstDay", MessageKey.INVALID, firstDay + " is in the past");
        }
        java.time.ZoneId zone = clock.getZone();
        List<Shift> made = new java.util.ArrayList<>();
        for (LocalDate d = firstDay; !d.isAfter(lastDay); d = d.plusDays(1)) {
            if (!weekdays.contains(d.getDayOfWeek())) {
                continue;
            }
            java.time.Instant from = d.atTime(start).atZone(zone).toInstant();
            java.time.Instant to = (end.isAfter(start) ? d : d.plusDays(1)).atTime(end).atZone(zone).toInstant();
            try {
                made.add(addShift(h, by, username, from, to));
            } catch (InvalidInputException e) {
                if (e.problems().get(0).field().equals("nurse")) {
                    throw e;
                }
                throw InvalidInputException.of("days", MessageKey.INVALID, "the shift on " + d + " ("
                        + d.getDayOfWeek().toString().toLowerCase(java.util.Locale.ROOT) + "): "
                        + e.problems().get(0).message() + "; no shift of the pattern was added");
            }
        }
        if (made.isEmpty()) {
            throw InvalidInputException.of("days", MessageKey.INVALID, "none of these days falls between " + firstDay
                    + " and " + lastDay);
        }
        return made;
    }

    /** Takes a shift off the rota; its row is kept. */
    public Shift cancelShift(Handle h, Actor by, String id) {
        Shift s = (Ids.isId(id) ? store.shift(h, id) : Optional.<Shift>empty())
                .orElseThrow(() -> DomainException.notFound("shift"));
        if (!store.cancelShift(h, id, Times.now(clock), by.username())) {
            throw DomainException.of(Refusal.ALREADY_CANCELLED, s.cancelledAt().map(Object::toString).orElse("?"),
                    s.cancelledBy().orElse("?"));
        }
        return store.shift(h, id).orElseThrow();
    }

    /** The active nurses with their skills. */
    public List<Proposal.NurseSkills> nurses(Handle h) {
        Map<String, Set<Skill>> skills = store.skills(h);
        return staff.active(h, Role.NURSE).stream().map(n -> new Proposal.NurseSkills(n.username(), n.displayName(),
                skills.getOrDefault(n.username(), Set.of()).stream().sorted().map(Skill::code).toList())).toList();
    }

    /** Records an active nurse's skills (all of them: the list replaces what was recorded). */
    public Proposal.NurseSkills setSkills(Handle h, String username, Set<Skill> skills) {
        StaffDirectory.StaffMember n = staff.activeMember(h, username).filter(m -> m.role() == Role.NURSE)
                .orElseThrow(() -> DomainException.notFound("nurse"));
        store.setSkills(h, username, skills.isEmpty() ? EnumSet.noneOf(Skill.class) : EnumSet.copyOf(skills));
        return new Proposal.NurseSkills(n.username(), n.displayName(), skills.stream().sorted().map(Skill::code)
                .toList());
    }

    /** The latest proposals, newest first. */
    public List<Proposal> latest(Handle h) {
        return store.latest(h, 20);
    }
}
