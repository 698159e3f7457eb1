package org.openapheresis.server.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hard rules counted again, by plain loops over the plan's times as instants and local times, without the
 * solver, its score or the rules' classes: what a proposal must keep, checked independently.
 */
public final class HardRuleCheck {

    private HardRuleCheck() {
    }

    /** Every breach of a hard rule in the plan, one line each. */
    public static List<String> breaches(WeekPlan plan) {
        UnitRules rules = plan.getRules();
        List<PlannedSession> ss = plan.getSessions();
        List<String> out = new ArrayList<>();
        for (PlannedSession s : ss) {
            if (s.getStartMinute() == null || s.getChair() == null || s.getNurse() == null) {
                out.add(s.getKey() + " is not placed");
                continue;
            }
            if (s.isPinned()) {
                // done, running or due before now: a fact no plan changes; only what it shares with others counts
                pairs(rules, ss, s, out);
                continue;
            }
            Instant start = rules.origin().plusSeconds(60L * s.getStartMinute());
            Instant end = start.plusSeconds(60L * (s.getRunMin() + rules.setUpAndRinsebackMin()));
            LocalDateTime localStart = LocalDateTime.ofInstant(start, rules.zone());
            LocalDateTime localEnd = LocalDateTime.ofInstant(end, rules.zone());
            boolean separator = s.getProcedureType().onSeparator();
            if (separator ? s.getMachine() == null || !s.getMachine().runs().contains(s.getProcedureType())
                    : s.getMachine() != null) {
                out.add(s.getKey() + " has the wrong machine " + s.getMachine());
            }
            if (!s.getNurse().skills().containsAll(s.getNeeded())) {
                out.add(s.getKey() + " nurse " + s.getNurse() + " lacks a skill of " + s.getNeeded());
            }
            int offShift = 0;
            int outOfService = 0;
            for (int m = s.getStartMinute(); m < s.getStartMinute() + s.getRunMin() + rules.setUpAndRinsebackMin(); m++) {
                int minute = m;
                if (s.getNurse().rostered() && s.getNurse().shifts().stream().noneMatch(x -> x.fromMinute() <= minute
                        && minute < x.toMinute())) {
                    offShift++;
                }
                if (s.getMachine() != null && s.getMachine().outOfService().stream().anyMatch(x -> x.fromMinute()
                        <= minute && minute < x.toMinute())) {
                    outOfService++;
                }
            }
            if (offShift > 0) {
                out.add(s.getKey() + " nurse " + s.getNurse() + " is off shift for " + offShift + " min of it");
            }
            if (outOfService > 0) {
                out.add(s.getKey() + " machine " + s.getMachine() + " is out of service for " + outOfService + " min");
            }
            Optional<UnitRules.Hours> h = rules.holidays().contains(localStart.toLocalDate()) ? Optional.empty()
                    : Optional.ofNullable(rules.openingHours().get(localStart.getDayOfWeek()));
            if (h.isEmpty() || localStart.toLocalTime().isBefore(h.get().open())
                    || !localEnd.toLocalDate().equals(localStart.toLocalDate())
                    || localEnd.toLocalTime().isAfter(h.get().close())) {
                out.add(s.getKey() + " lies outside opening hours: " + localStart + " to " + localEnd);
            }
            LabsDue due = s.getLabsDue();
            if (due != null && s.getStartMinute() > due.currentUntilMinute()) {
                // labs drawn at the day's opening (midnight on a closed day), back after the lab's turnaround
                LocalTime opens = h.map(UnitRules.Hours::open).orElse(LocalTime.MIDNIGHT);
                LocalDateTime back = localStart.toLocalDate().atTime(opens).plusMinutes(rules.labTurnaroundMin());
                if (localStart.isBefore(back)) {
                    out.add(s.getKey() + " starts " + localStart + ", before its labs drawn on arrival are back at "
                            + back);
                }
            }
            LocalTime cutOff = rules.labCutOff();
            if (s.getProcedureType().collectsProduct() && (!localEnd.toLocalDate().equals(localStart.toLocalDate())
                    || localEnd.toLocalTime().isAfter(cutOff))) {
                out.add(s.getKey() + " collection ends " + localEnd + " after the lab cut-off");
            }
            pairs(rules, ss, s, out);
            if (s.getPreviousStartMinute() != null && outsideCourse(rules, s.getPreviousStartMinute(), s)) {
                out.add(s.getKey() + " does not follow the course's last session");
            }
        }
        return out;
    }

    /** The rules between this session and the others: the nurse's ratio, a machine or chair shared, the interval. */
    private static void pairs(UnitRules rules, List<PlannedSession> ss, PlannedSession s, List<String> out) {
        Instant start = rules.origin().plusSeconds(60L * s.getStartMinute());
        Instant end = start.plusSeconds(60L * (s.getRunMin() + rules.setUpAndRinsebackMin()));
        int running = 0;
        boolean anyMovable = !s.isPinned();
        for (PlannedSession o : ss) {
            if (o.getStartMinute() == null || o.getNurse() == null || !o.getNurse().equals(s.getNurse())) {
                continue;
            }
            Instant os = rules.origin().plusSeconds(60L * o.getStartMinute());
            Instant oe = os.plusSeconds(60L * (o.getRunMin() + rules.setUpAndRinsebackMin()));
            if (!os.isAfter(start) && oe.isAfter(start)) {
                running++;
                anyMovable |= !o.isPinned();
            }
        }
        if (running > rules.maxPatientsPerNurse() && anyMovable) {
            out.add(s.getKey() + " nurse " + s.getNurse() + " runs " + running + " at its start");
        }
        for (PlannedSession o : ss) {
            if (o == s || o.getStartMinute() == null || o.getKey().compareTo(s.getKey()) < 0
                    || o.isPinned() && s.isPinned()) {
                continue;
            }
            Instant os = rules.origin().plusSeconds(60L * o.getStartMinute());
            Instant oFree = os.plusSeconds(60L * (o.getRunMin() + rules.setUpAndRinsebackMin()
                    + rules.turnoverMin()));
            Instant sFree = end.plusSeconds(60L * rules.turnoverMin());
            boolean overlap = start.isBefore(oFree) && os.isBefore(sFree);
            if (overlap && s.getMachine() != null && s.getMachine().equals(o.getMachine())) {
                out.add(s.getKey() + " and " + o.getKey() + " share machine " + s.getMachine());
            }
            if (overlap && s.getChair() != null && s.getChair().equals(o.getChair())) {
                out.add(s.getKey() + " and " + o.getKey() + " share chair " + s.getChair());
            }
            if (o.getOrderId().equals(s.getOrderId()) && Math.abs(o.getSequence() - s.getSequence()) == 1) {
                PlannedSession first = o.getSequence() < s.getSequence() ? o : s;
                PlannedSession second = first == o ? s : o;
                long gapMin = 60L * (second.getStartMinute() - first.getStartMinute()) / 60;
                if (outsideCourse(rules, first.getStartMinute(), second)) {
                    out.add(first.getKey() + " and " + second.getKey() + " are " + gapMin + " min apart");
                }
            }
        }
    }

    /**
     * Whether {@code next} lies outside its course's interval after a session begun at {@code previousMinute}: earlier
     * than the interval less the tolerance, or later than the interval and the tolerance, unless the unit offers no
     * start for it in that window, when it may wait until the tolerance after the first minute it fits the hours again
     * (searched minute by minute over 14 days).
     */
    private static boolean outsideCourse(UnitRules rules, int previousMinute, PlannedSession next) {
        int tolerance = rules.intervalToleranceMin();
        int due = previousMinute + next.getIntervalMin();
        int start = next.getStartMinute();
        int duration = next.getRunMin() + rules.setUpAndRinsebackMin();
        if (start < due - tolerance) {
            return true;
        }
        int latest = due + tolerance;
        if (next.getIntervalMin() > 0 && firstFit(rules, due - tolerance, due + tolerance, duration) < 0) {
            int reopens = firstFit(rules, due + tolerance + 1, due + tolerance + 14 * 24 * 60, duration);
            latest = reopens < 0 ? latest : reopens + tolerance;
        }
        return start > latest;
    }

    /** The first minute from {@code from} to {@code to} at which the session lies inside one day's hours, or -1. */
    private static int firstFit(UnitRules rules, int from, int to, int durationMin) {
        for (int m = from; m <= to; m++) {
            LocalDateTime a = LocalDateTime.ofInstant(rules.origin().plusSeconds(60L * m), rules.zone());
            LocalDateTime b = LocalDateTime.ofInstant(rules.origin().plusSeconds(60L * (m + durationMin)),
                    rules.zone());
            Optional<UnitRules.Hours> h = rules.holidays().contains(a.toLocalDate()) ? Optional.empty()
                    : Optional.ofNullable(rules.openingHours().get(a.getDayOfWeek()));
            if (h.isPresent() && !a.toLocalTime().isBefore(h.get().open()) && b.toLocalDate().equals(a.toLocalDate())
                    && !b.toLocalTime().isAfter(h.get().close())) {
                return m;
            }
        }
        return -1;
    }
}
