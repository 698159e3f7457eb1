package org.openapheresis.server.schedule;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A nurse as the solver sees it: a problem fact.
 *
 * @param username the account's user name (what a session records)
 * @param displayName the name people read
 * @param skills what the nurse is trained for
 * @param rostered whether the unit keeps a rota for the days planned: then the nurse works only in {@code shifts}
 *     (none is a day off); when it keeps none, every nurse is taken to work the opening hours
 * @param shifts the nurse's shifts in the days planned, on the plan's clock
 */
public record UnitNurse(String username, String displayName, Set<Skill> skills, boolean rostered, List<Span> shifts) {

    public UnitNurse {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        skills = skills.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(skills));
        shifts = Span.merged(shifts);
    }

    /** A nurse of a unit that keeps no rota: at work whenever the unit is open. */
    public UnitNurse(String username, String displayName, Set<Skill> skills) {
        this(username, displayName, skills, false, List.of());
    }

    /** @return true when the nurse has every one of the skills */
    public boolean has(Set<Skill> needed) {
        return skills.containsAll(needed);
    }

    /** Minutes of {@code [start, end)} outside the nurse's shifts (0 when the unit keeps no rota). */
    public int minutesOffShift(int start, int end) {
        return rostered ? end - start - Span.coveredMin(shifts, start, end) : 0;
    }

    @Override
    public String toString() {
        return username;
    }
}
