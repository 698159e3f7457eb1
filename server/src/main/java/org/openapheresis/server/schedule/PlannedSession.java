package org.openapheresis.server.schedule;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.openapheresis.procedure.ProcedureType;
import org.openapheresis.server.session.BookingWarning;

/**
 * One session of a course to place: the planning entity. The solver chooses its start, machine, chair and nurse;
 * the rest is what the order and the patient's record say. A session already booked carries its {@link Booking} and
 * starts where it was booked; one running, done, or booked before now is pinned: it holds its resources and does
 * not move. The machine may be left unassigned (an infusion takes none); start, chair and nurse are always given.
 *
 * <p>Mutable because the solver moves it; only the solver and the problem's builder write it.
 */
@PlanningEntity
public class PlannedSession {

    static final String STARTS = "starts";

    @PlanningId
    private String key;
    private String orderId;
    private int sequence;
    private String patientId;
    private String patientName;
    private ProcedureType procedureType;
    private int runMin;
    private Set<Skill> needed;
    private int intervalMin;
    private Integer previousStartMinute;
    private Booking booked;
    @PlanningPin
    private boolean pinned;
    private UnitRules rules;

    private LabsDue labsDue;
    private PreferredHours preferred = PreferredHours.NONE;
    private Set<BookingWarning.Code> acknowledgedWhereBooked = Set.of();

    private List<Integer> possibleStarts = List.of();
    private int courseFewestStarts;

    @PlanningVariable(valueRangeProviderRefs = STARTS)
    private Integer startMinute;
    @PlanningVariable(valueRangeProviderRefs = WeekPlan.MACHINES, allowsUnassigned = true)
    private UnitMachine machine;
    @PlanningVariable(valueRangeProviderRefs = WeekPlan.CHAIRS)
    private UnitChair chair;
    @PlanningVariable(valueRangeProviderRefs = WeekPlan.NURSES)
    private UnitNurse nurse;

    /** For the solver's cloning. */
    public PlannedSession() {
    }

    /**
     * A session of a course to place.
     *
     * @param key the session's id when booked, else the order's id and the sequence ({@code order#3})
     * @param orderId the signed order
     * @param sequence its place in the course, from 1
     * @param patientId the patient or donor
     * @param patientName as the schedule shows it
     * @param procedureType the ordered procedure
     * @param runMin the plan's run time, minutes (set-up and rinseback come from the rules)
     * @param needed the skills its nurse needs
     * @param intervalMin the course's interval between starts, minutes (0 for a single session)
     * @param previousStartMinute the start of the course's last session before this plan, when this is the first of
     *     the course in the plan and there was one (minutes after the origin, negative before it), else null
     * @param rules the unit's rules and the plan's clock
     */
    public PlannedSession(String key, String orderId, int sequence, String patientId, String patientName,
            ProcedureType procedureType, int runMin, Set<Skill> needed, int intervalMin, Integer previousStartMinute,
            UnitRules rules) {
        this.key = Objects.requireNonNull(key, "key");
        this.orderId = Objects.requireNonNull(orderId, "orderId");
        this.sequence = sequence;
        this.patientId = Objects.requireNonNull(patientId, "patientId");
        this.patientName = Objects.requireNonNull(patientName, "patientName");
        this.procedureType = Objects.requireNonNull(procedureType, "procedureType");
        this.runMin = runMin;
        this.needed = Set.copyOf(needed);
        this.intervalMin = intervalMin;
        this.previousStartMinute = previousStartMinute;
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * The starts this session may be given: those where it fits the day's opening hours and, for a collection, the
     * lab's cut-off ({@link UnitRules#startsFor}); a booked session's own start is among them. In time order: the
     * construction phase takes the earliest start that breaks nothing.
     */
    public PlannedSession withStarts(List<Integer> starts) {
        this.possibleStarts = new java.util.TreeSet<>(starts).stream().toList();
        return this;
    }

    /** This session's order asks for pre-procedure labs: what, and until when the results on record are current. */
    public PlannedSession withLabsDue(LabsDue due) {
        this.labsDue = due;
        return this;
    }

    /** The times the patient prefers to come. */
    public PlannedSession withPreference(PreferredHours hours) {
        this.preferred = Objects.requireNonNull(hours, "hours");
        return this;
    }

    /** The order's pre-procedure labs as this session sees them, or null when the order asks for none. */
    public LabsDue getLabsDue() {
        return labsDue;
    }

    public PreferredHours getPreferred() {
        return preferred;
    }

    /**
     * Minutes this session starts before the labs it needs can be back: 0 when its order asks for none, when the
     * results on record are current at its start, or when it starts at or after the labs drawn on arrival are back
     * ({@link UnitRules#labsBackMinute}: the opening plus the lab's turnaround inside the opening hours, the start
     * plus it outside them).
     */
    public int minutesBeforeLabsBack() {
        if (labsDue == null || startMinute == null || labsDue.currentAt(startMinute)) {
            return 0;
        }
        return Math.max(0, rules.labsBackMinute(startMinute) - startMinute);
    }

    /**
     * Minutes this session, set-up and rinseback included, lies outside the opening hours of its day (all of it on a
     * closed day): what the hard rule {@code InsideOpeningHours} counts, and what a booking by hand is warned of.
     */
    public int minutesOutsideHours() {
        return startMinute == null ? 0 : rules.minutesOutsideHours(startMinute, endMinute());
    }

    /**
     * Minutes a collection ends, rinseback included, after the lab's cut-off of its day (0 for a procedure that
     * collects nothing): what the hard rule {@code CollectionBeforeLabCutOff} counts, and what a booking by hand is
     * warned of.
     */
    public int minutesAfterLabCutOff() {
        return startMinute == null || !procedureType.collectsProduct() ? 0
                : rules.minutesAfterLabCutOff(startMinute, endMinute());
    }

    /**
     * The warnings its booking by hand acknowledged (on call): while the session stands where it was booked, the hard
     * rules they name do not count it, so a plan leaves a night-time exchange where the coordinator put it rather than
     * move it into the day; moved, it is counted again.
     */
    public PlannedSession withAcknowledgedWhereBooked(Set<BookingWarning.Code> codes) {
        this.acknowledgedWhereBooked = Set.copyOf(codes);
        return this;
    }

    /** Whether it stands where it was booked and that booking acknowledged one of {@code codes}. */
    public boolean acknowledgedWhereBooked(BookingWarning.Code... codes) {
        if (booked == null || startMinute == null || booked.startMinute() != startMinute) {
            return false;
        }
        for (BookingWarning.Code c : codes) {
            if (acknowledgedWhereBooked.contains(c)) {
                return true;
            }
        }
        return false;
    }

    /** Minutes of this session (set-up and rinseback included) outside the patient's preferred times. */
    public int minutesOutsidePreference() {
        return startMinute == null ? 0 : preferred.minutesOutside(rules, startMinute, endMinute());
    }

    @ValueRangeProvider(id = STARTS)
    public List<Integer> getPossibleStarts() {
        return possibleStarts;
    }

    /** The fewest starts any session of this one's course in the plan may take (the construction's order). */
    public int getCourseFewestStarts() {
        return courseFewestStarts;
    }

    /** Set by the plan, which sees the whole course. */
    void courseFewestStarts(int starts) {
        this.courseFewestStarts = starts;
    }

    /** This session, booked already: it starts where it was booked, on the resources it holds. */
    public PlannedSession booked(Booking b, boolean pin) {
        this.booked = b;
        this.pinned = pin;
        this.startMinute = b.startMinute();
        this.machine = b.machine();
        this.chair = b.chair();
        this.nurse = b.nurse();
        return this;
    }

    /** This session placed (a test's or a proposal's assignment). */
    public PlannedSession at(int start, UnitMachine m, UnitChair c, UnitNurse n) {
        this.startMinute = start;
        this.machine = m;
        this.chair = c;
        this.nurse = n;
        return this;
    }

    /** True when the session has its start, chair and nurse (the machine may rightly be none: an infusion). */
    public boolean placed() {
        return startMinute != null && chair != null && nurse != null;
    }

    /** Minutes the session holds its machine (or chair, for an infusion): run time, set-up and rinseback. */
    public int durationMin() {
        return runMin + rules.setUpAndRinsebackMin();
    }

    /** The planned end: start, run time, set-up and rinseback. */
    public int endMinute() {
        return startMinute + durationMin();
    }

    /** Until when its machine and chair are taken: the end and the turnover. */
    public int freeAtMinute() {
        return endMinute() + rules.turnoverMin();
    }

    /**
     * Minutes this session, placed, lies outside what its course allows after a session of the course begun at
     * {@code previousMinute}: earlier than the interval less the tolerance, or later than
     * {@link UnitRules#latestNextInCourse} (the interval and the tolerance, stretched past a closure); 0 inside.
     */
    public int minutesOutsideCourse(int previousMinute) {
        int early = previousMinute + intervalMin - rules.intervalToleranceMin() - startMinute;
        int late = startMinute - rules.latestNextInCourse(previousMinute, intervalMin, durationMin());
        return Math.max(0, Math.max(early, late));
    }

    /**
     * Minutes the closure stretches this session's course after a session begun at {@code previousMinute}: how far it
     * starts beyond the interval and the tolerance while {@link UnitRules#latestNextInCourse} still allows it (0 when
     * the interval is kept, or broken, which {@link #minutesOutsideCourse} counts).
     */
    public int minutesStretchedByClosure(int previousMinute) {
        int kept = previousMinute + intervalMin + rules.intervalToleranceMin();
        int allowed = rules.latestNextInCourse(previousMinute, intervalMin, durationMin());
        return Math.max(0, Math.min(startMinute, allowed) - kept);
    }

    /** True when the machine is right for the procedure: one set up for it, or none for an infusion. */
    public boolean machineFits() {
        return procedureType.onSeparator() ? machine != null && machine.runs().contains(procedureType) : machine == null;
    }

    /** True when a session already booked stands elsewhere, or on other resources, than it was booked. */
    public boolean moved() {
        return booked != null && (booked.startMinute() != startMinute || !Objects.equals(booked.machine(), machine)
                || booked.chair() != null && !booked.chair().equals(chair)
                || booked.nurse() != null && !booked.nurse().equals(nurse));
    }

    /** Who and what, for a sentence: {@code Berg, Sofia (plasma-exchange 2 of the course)}. */
    public String label() {
        return patientName + " (" + procedureType.code() + ", session " + sequence + " of the course)";
    }

    public String getKey() {
        return key;
    }

    public String getOrderId() {
        return orderId;
    }

    public int getSequence() {
        return sequence;
    }

    public String getPatientId() {
        return patientId;
    }

    public String getPatientName() {
        return patientName;
    }

    public ProcedureType getProcedureType() {
        return procedureType;
    }

    public int getRunMin() {
        return runMin;
    }

    public Set<Skill> getNeeded() {
        return needed;
    }

    public int getIntervalMin() {
        return intervalMin;
    }

    public Integer getPreviousStartMinute() {
        return previousStartMinute;
    }

    public Booking getBooked() {
        return booked;
    }

    public boolean isPinned() {
        return pinned;
    }

    public UnitRules getRules() {
        return rules;
    }

    public Integer getStartMinute() {
        return startMinute;
    }

    public void setStartMinute(Integer startMinute) {
        this.startMinute = startMinute;
    }

    public UnitMachine getMachine() {
        return machine;
    }

    public void setMachine(UnitMachine machine) {
        this.machine = machine;
    }

    public UnitChair getChair() {
        return chair;
    }

    public void setChair(UnitChair chair) {
        this.chair = chair;
    }

    public UnitNurse getNurse() {
        return nurse;
    }

    public void setNurse(UnitNurse nurse) {
        this.nurse = nurse;
    }

    @Override
    public String toString() {
        return key;
    }
}
