package org.openapheresis.server.schedule;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A nurse as the solver sees it: a problem fact.
 *
 * @param username the account's user name (what a session records)
 * @param displayName the name people read
 * @param skills what the nurse is trained for
 */
public record UnitNurse(String username, String displayName, Set<Skill> skills) {

    public UnitNurse {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        skills = skills.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(skills));
    }

    /** @return true when the nurse has every one of the skills */
    public boolean has(Set<Skill> needed) {
        return skills.containsAll(needed);
    }

    @Override
    public String toString() {
        return username;
    }
}
