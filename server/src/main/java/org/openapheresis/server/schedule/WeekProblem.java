package org.openapheresis.server.schedule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.openapheresis.procedure.ProcedureType;
import org.openapheresis.server.access.Role;
import org.openapheresis.server.access.StaffDirectory;
import org.openapheresis.server.order.OrderRecord;
import org.openapheresis.server.order.OrderService;
import org.openapheresis.server.order.OrderStatus;
import org.openapheresis.server.order.PreProcedureLabs;
import org.openapheresis.server.patient.LabEntry;
import org.openapheresis.server.patient.LabField;
import org.openapheresis.server.patient.PatientRecord;
import org.openapheresis.server.patient.PatientStore;
import org.openapheresis.server.patient.PreferredTime;
import org.openapheresis.server.patient.PatientService;
import org.openapheresis.server.resource.Chair;
import org.openapheresis.server.resource.Machine;
import org.openapheresis.server.resource.OutOfServicePeriod;
import org.openapheresis.server.resource.ResourceService;
import org.openapheresis.server.session.BookingWarning;
import org.openapheresis.server.session.Entries;
import org.openapheresis.server.session.SessionRecord;
import org.openapheresis.server.session.SessionService;
import org.openapheresis.server.session.SessionStatus;
import org.openapheresis.server.session.Vocabulary;

/**
 * A week to plan as read from the records, and the digest of what it was read from.
 *
 * <p>Every signed order is read with its course: sessions done, running or booked before the window leave the
 * course's last start (the interval is kept from it); booked sessions inside the window may move (those running,
 * done or already begun are pinned and only hold their resources); and the sessions still owed are placed, as many as
 * fall in the window at the ordered interval. An order with a session booked after the window is left alone. The
 * unit's rules, its closures, the nurses' shifts and the machines' time out of service in the window are read with
 * them, and so are, per order, the labs on record when it asks for pre-procedure labs (until when they are current)
 * and the patient's preferred times; every one of these records is part of the digest.
 *
 * <p>A session owed that has no start at all in the window (today, planned after the unit closed; a window of closed
 * days; a course whose interval puts its next session past the window's opening hours) is not a planning entity —
 * the solver can place nothing with no value to give it — but is named in {@code leftOut}, so that the proposal says
 * it was not placed and why, instead of saying nothing or failing.
 *
 * @param plan the planning problem
 * @param basis the SHA-256 of every record it was built from, in a fixed order
 * @param from first day
 * @param to last day
 * @param leftOut the sessions owed that the window offers no start, each in words with why
 */
public record WeekProblem(WeekPlan plan, String basis, LocalDate from, LocalDate to, List<String> leftOut) {

    /** How many of a patient's latest sessions are searched for the last vascular access recorded. */
    static final int ACCESS_LOOKBACK_SESSIONS = 5;

    public WeekProblem {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(basis, "basis");
        leftOut = List.copyOf(leftOut);
    }

    /** Reads the problem of the days {@code from} to {@code to} (inclusive), none of its starts before {@code now}. */
    static WeekProblem read(Handle h, LocalDate from, LocalDate to, Instant now, UnitSettings settings, ZoneId zone,
            OrderService orders, SessionService sessions, PatientService patients, ResourceService resources,
            StaffDirectory staff, ScheduleStore store) {
        List<Closure> closures = store.closures(h, from, to);
        UnitRules rules = settings.rules(from, zone, closures.stream().map(Closure::day).collect(Collectors.toSet()));
        int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
        int horizon = rules.minuteOf(to.plusDays(1).atStartOfDay(rules.zone()).toInstant());
        int nowMinute = rules.minuteOf(now);
        int notBefore = Math.max(0, nowMinute + rules.slotMin() - Math.floorMod(nowMinute, rules.slotMin()));
        List<String> basis = new ArrayList<>();
        basis.add("window " + from + " " + to);
        basis.add("rules " + settings.version());
        closures.forEach(c -> basis.add("closed " + c.id() + " " + c.day()));

        Instant windowEnd = rules.at(horizon);
        Map<String, List<Span>> down = new HashMap<>();
        for (OutOfServicePeriod o : resources.outOfServiceBetween(h, rules.origin(), windowEnd)) {
            basis.add("out of service " + o.id() + " " + o.machineId() + " " + o.from() + " " + o.to());
            span(rules, o.from(), o.to()).ifPresent(x -> down.computeIfAbsent(o.machineId(), k -> new ArrayList<>())
                    .add(x));
        }
        List<Machine> activeMachines = resources.machines(h).stream().filter(Machine::active).toList();
        List<UnitMachine> machines = activeMachines.stream().map(m -> new UnitMachine(m.id(), m.name(), types(m),
                down.getOrDefault(m.id(), List.of()))).toList();
        resources.machines(h).forEach(m -> basis.add("machine " + m.id() + " " + m.version() + " " + m.active()));
        List<Chair> activeChairs = resources.chairs(h).stream().filter(Chair::active).toList();
        List<UnitChair> chairs = activeChairs.stream().map(c -> new UnitChair(c.id(), c.name())).toList();
        resources.chairs(h).forEach(c -> basis.add("chair " + c.id() + " " + c.version() + " " + c.active()));
        Map<String, Set<Skill>> skills = store.skills(h);
        List<Shift> shifts = store.shifts(h, rules.origin(), windowEnd);
        shifts.forEach(x -> basis.add("shift " + x.id() + " " + x.nurse() + " " + x.from() + " " + x.to()));
        Map<String, List<Span>> onShift = new HashMap<>();
        shifts.forEach(x -> span(rules, x.from(), x.to()).ifPresent(sp -> onShift.computeIfAbsent(x.nurse(),
                k -> new ArrayList<>()).add(sp)));
        boolean rostered = !shifts.isEmpty();
        List<UnitNurse> nurses = staff.active(h, Role.NURSE).stream().map(n -> new UnitNurse(n.username(),
                n.displayName(), skills.getOrDefault(n.username(), Set.of()), rostered, onShift.getOrDefault(
                        n.username(), List.of()))).toList();
        nurses.forEach(n -> basis.add("nurse " + n.username() + " " + new TreeSet<>(n.skills())));
        Map<String, UnitMachine> machineByName = machines.stream().collect(Collectors.toMap(UnitMachine::name,
                Function.identity()));
        Map<String, UnitChair> chairByName = chairs.stream().collect(Collectors.toMap(UnitChair::name,
                Function.identity()));
        Map<String, UnitNurse> nurseByName = nurses.stream().collect(Collectors.toMap(UnitNurse::username,
                Function.identity()));

        List<PlannedSession> placed = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        List<OrderRecord> signed = orders.list(h, Optional.empty()).stream()
                .filter(o -> o.status() == OrderStatus.SIGNED).sorted(Comparator.comparing(OrderRecord::id)).toList();
        for (OrderRecord o : signed) {
            basis.add("order " + o.id() + " " + o.version() + " " + o.status().code());
            PatientRecord patient = patients.require(h, o.patientId());
            List<SessionRecord> ofPatient = sessions.list(h, Optional.empty(), Optional.empty(),
                    Optional.of(o.patientId()));
            List<SessionRecord> course = ofPatient.stream().filter(s -> s.orderId().equals(o.id())
                    && s.status().countsAgainstCourse()).sorted(Comparator.comparing(SessionRecord::plannedStart))
                    .toList();
            course.forEach(s -> basis.add("session " + s.id() + " " + s.version() + " " + s.status().code() + " "
                    + s.plannedStart() + " " + s.machine().orElse("-") + " " + s.chair().orElse("-") + " "
                    + s.nurse().orElse("-")));
            ProcedureType type = o.procedureSpec().type();
            Set<Skill> needed = Skill.needed(type, patient.ageYears(from) < Skill.ADULT_AGE_YEARS,
                    lastAccessWasCentralLine(h, sessions, ofPatient));
            int runMin = (int) Math.round(o.plan().durationMin());
            int durationMin = runMin + rules.setUpAndRinsebackMin();
            int intervalMin = o.schedule().map(c -> (int) Math.round(c.intervalHours() * 60)).orElse(0);
            LabsDue labsDue = o.preProcedureLabs().map(l -> labsDue(rules, l, patients.labHistory(h, o.patientId())))
                    .orElse(null);
            if (labsDue != null) {
                basis.add("labs due " + o.id() + " " + labsDue.currentUntilMinute());
            }
            PreferredHours preferred = preferred(patients.preferredTimes(h, o.patientId()));
            basis.add("preferred " + o.id() + " " + preferred.describe());
            List<Integer> free = labsAllow(available(rules.startsFor(days, notBefore, durationMin,
                    type.collectsProduct()), durationMin, type, machines, nurses), labsDue, rules);
            Integer previous = null;
            boolean first = true;
            boolean bookedLater = false;
            for (int i = 0; i < course.size(); i++) {
                SessionRecord s = course.get(i);
                int start = rules.minuteOf(s.plannedStart());
                if (start < 0) {
                    previous = start;
                } else if (start >= horizon) {
                    bookedLater = true;
                } else {
                    boolean pinned = s.status() != SessionStatus.SCHEDULED || start < notBefore;
                    PlannedSession e = new PlannedSession(s.id(), o.id(), i + 1, o.patientId(), s.patientName(), type,
                            runMin, needed, intervalMin, first ? previous : null, rules);
                    List<Integer> own = new ArrayList<>(pinned ? List.of() : free);
                    own.add(start);
                    e.withLabsDue(labsDue).withPreference(preferred).withStarts(own).withAcknowledgedWhereBooked(
                            s.bookingAcknowledgement().map(a -> a.warnings().stream().map(BookingWarning::code)
                                    .collect(Collectors.toSet())).orElse(Set.of())).booked(new Booking(s.id(),
                            s.version(), start, s.machine().map(machineByName::get).orElse(null), s.chair().map(
                                    chairByName::get).orElse(null), s.nurse().map(nurseByName::get).orElse(null)),
                            pinned);
                    placed.add(e);
                    first = false;
                }
            }
            if (bookedLater) {
                continue;
            }
            int owed = o.sessionsOrdered() - course.size();
            Integer last = course.isEmpty() ? null : rules.minuteOf(course.get(course.size() - 1).plannedStart());
            // owed sessions in the window: each while the unit is open near where the course's interval puts it, or
            // as soon as it reopens after a closure (never squeezed in by moving the course earlier)
            int inWindow;
            if (owed <= 0) {
                inWindow = 0;
            } else if (intervalMin > 0) {
                int chain = longestCourse(free, last, intervalMin, rules.intervalToleranceMin(),
                        m -> rules.latestNextInCourse(m, intervalMin, durationMin));
                inWindow = Math.min(owed, last == null ? Math.max(1, chain) : chain);
            } else {
                inWindow = last == null || openNear(free, last, rules.intervalToleranceMin()) ? 1 : 0;
            }
            int bookedHere = (int) placed.stream().filter(e -> e.getOrderId().equals(o.id()) && !e.isPinned()).count();
            String name = patient.familyName() + ", " + patient.givenName();
            for (int j = 0; j < inWindow; j++) {
                int sequence = course.size() + j + 1;
                List<Integer> starts = rules.startsInCourse(free, bookedHere + j, inWindow - 1 - j, intervalMin);
                if (starts.isEmpty()) { // this one and the course's later ones: none can be placed before it
                    leftOut.add(name + " (" + type.code() + ", session " + sequence + " of the course): no start "
                            + "left for it from " + from + " to " + to + ": " + (free.isEmpty() ? "the unit is "
                            + "closed then, or what is left of its opening hours after now" + (type.collectsProduct()
                                    ? " (and before the lab's cut-off)" : "") + " is shorter than the session's "
                                    + durationMin + " min"
                            : "the course's interval puts it outside the opening hours left in these days"));
                    break;
                }
                placed.add(new PlannedSession(o.id() + "#" + sequence, o.id(), sequence, o.patientId(), name, type,
                        runMin, needed, intervalMin, first ? previous : null, rules).withLabsDue(labsDue)
                        .withPreference(preferred).withStarts(starts));
                first = false;
            }
        }
        return new WeekProblem(new WeekPlan(rules, machines, chairs, nurses, placed), digest(basis), from, to,
                leftOut);
    }

    /**
     * The order's pre-procedure labs against the patient's lab history: until when the latest result of every test
     * asked for is at most the order's maximum age (a result said to be taken after it was recorded never counts,
     * as for the planner's latest labs).
     */
    static LabsDue labsDue(UnitRules rules, PreProcedureLabs asked, List<LabEntry> history) {
        int until = Integer.MAX_VALUE;
        String limiting = "";
        for (String test : asked.tests()) {
            String name = LabField.of(test).map(LabField::name).orElse(test);
            Optional<Instant> last = history.stream().filter(e -> e.field().equals(test)
                    && PatientStore.countsAsTaken(e)).map(LabEntry::takenAt).max(Comparator.naturalOrder());
            int t = last.map(x -> rules.minuteOf(x.plus(java.time.Duration.ofHours(asked.maxAgeHours()))))
                    .orElse(LabsDue.NEVER);
            if (t < until) {
                until = t;
                limiting = last.map(x -> name + " taken " + TAKEN.format(LocalDateTime.ofInstant(x, rules.zone())))
                        .orElse("no " + name + " on record");
            }
        }
        return new LabsDue(asked.names(), asked.maxAgeHours(), until, limiting);
    }

    private static final java.time.format.DateTimeFormatter TAKEN = java.time.format.DateTimeFormatter.ofPattern(
            "EEE d MMM HH:mm", java.util.Locale.ROOT);

    /**
     * The starts at which the labs asked for can be back: where the results on record are current, or from the day's
     * opening plus the lab's turnaround. When that leaves nothing, every start given (the broken rule is named).
     */
    static List<Integer> labsAllow(List<Integer> starts, LabsDue due, UnitRules rules) {
        if (due == null) {
            return starts;
        }
        List<Integer> out = starts.stream().filter(m -> due.currentAt(m) || m >= rules.labsBackMinute(m)).toList();
        return out.isEmpty() ? starts : out;
    }

    /** A patient's preferred times as the plan's windows. */
    static PreferredHours preferred(List<PreferredTime> times) {
        Map<java.time.DayOfWeek, UnitRules.Hours> w = new java.util.EnumMap<>(java.time.DayOfWeek.class);
        times.forEach(t -> w.put(t.dayOfWeek(), new UnitRules.Hours(t.from(), t.to())));
        return new PreferredHours(w);
    }

    /** The span of the plan's clock from {@code from} to {@code to}, when it is a minute or more. */
    private static Optional<Span> span(UnitRules rules, Instant from, Instant to) {
        int a = rules.minuteOf(from);
        int b = rules.minuteOf(to);
        return b > a ? Optional.of(new Span(a, b)) : Optional.empty();
    }

    /**
     * The starts at which some machine that runs the procedure is in service, and some nurse is on shift, for the
     * whole session: where no plan could keep those rules, nothing is offered. When that leaves nothing, every start
     * given (the broken rule is then named).
     */
    static List<Integer> available(List<Integer> starts, int durationMin, ProcedureType type, List<UnitMachine> machines,
            List<UnitNurse> nurses) {
        List<UnitMachine> fitting = machines.stream().filter(m -> m.runs().contains(type)).toList();
        List<Integer> out = starts.stream().filter(m -> (!type.onSeparator() || fitting.isEmpty() || fitting.stream()
                .anyMatch(x -> x.minutesOutOfService(m, m + durationMin) == 0)) && (nurses.isEmpty() || nurses.stream()
                        .anyMatch(n -> n.minutesOffShift(m, m + durationMin) == 0))).toList();
        return out.isEmpty() ? starts : out;
    }

    /**
     * The most sessions of a course the starts can hold keeping its interval: each no earlier than the interval less
     * the tolerance after the one before, and no later than {@code latestAfter} of it (the interval and the tolerance,
     * or the unit's reopening after a closure); the first of them so placed after {@code last} when the course has a
     * session before ({@code last} not null). A course is never squeezed in by moving it earlier.
     */
    static int longestCourse(List<Integer> starts, Integer last, int intervalMin, int toleranceMin,
            IntUnaryOperator latestAfter) {
        int[] s = starts.stream().mapToInt(Integer::intValue).sorted().toArray();
        int[] best = new int[s.length];
        int[] latest = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            latest[i] = latestAfter.applyAsInt(s[i]);
        }
        int lastLatest = last == null ? 0 : latestAfter.applyAsInt(last);
        int most = 0;
        for (int i = 0; i < s.length; i++) {
            best[i] = last == null || s[i] >= last + intervalMin - toleranceMin && s[i] <= lastLatest ? 1 : 0;
            for (int j = i - 1; j >= 0 && s[i] - s[j] >= 0; j--) {
                if (best[j] > 0 && s[i] - s[j] >= intervalMin - toleranceMin && s[i] <= latest[j]) {
                    best[i] = Math.max(best[i], best[j] + 1);
                }
            }
            most = Math.max(most, best[i]);
        }
        return most;
    }

    /** Whether one of the starts lies within {@code toleranceMin} of {@code nominal}. */
    static boolean openNear(List<Integer> starts, int nominal, int toleranceMin) {
        return starts.stream().anyMatch(m -> Math.abs(m - nominal) <= toleranceMin);
    }

    private static Set<ProcedureType> types(Machine m) {
        Set<ProcedureType> t = EnumSet.noneOf(ProcedureType.class);
        m.procedureTypes().forEach(c -> ProcedureType.fromCode(c).ifPresent(t::add));
        return t;
    }

    /** Whether the last vascular access recorded for the patient, in their latest sessions, was a central line. */
    private static boolean lastAccessWasCentralLine(Handle h, SessionService sessions, List<SessionRecord> ofPatient) {
        List<SessionRecord> latest = ofPatient.stream().sorted(Comparator.comparing(SessionRecord::plannedStart)
                .reversed()).limit(ACCESS_LOOKBACK_SESSIONS).toList();
        for (SessionRecord s : latest) {
            List<Entries.VascularAccess> a = sessions.vascularAccess(h, s.id());
            if (!a.isEmpty()) {
                return a.get(a.size() - 1).kind() == Vocabulary.AccessKind.CENTRAL_LINE;
            }
        }
        return false;
    }

    private static String digest(List<String> lines) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (String l : lines) {
                d.update(l.getBytes(StandardCharsets.UTF_8));
                d.update((byte) '\n');
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
