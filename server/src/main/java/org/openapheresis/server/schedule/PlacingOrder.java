package org.openapheresis.server.schedule;

import java.util.Comparator;

/**
 * The orders the construction phases place in: the hardest sessions first, and for a separator session the machines
 * that run the fewest kinds of procedure first.
 *
 * <p>Placed in the order they were read, each session taking the earliest start that breaks nothing, the week's
 * exchanges filled the mornings of the machines that also collect, and the collections (which must end by the lab's
 * cut-off) were left with no room before it: the local search then spent its time undoing the clashes.
 */
public final class PlacingOrder {

    private PlacingOrder() {
    }

    /**
     * Hardest first: the courses with the fewest starts to choose from (collections, before the cut-off; courses
     * whose sessions must all fit the window), then the longest sessions, then those needing more skills; a course's
     * sessions together and in their sequence, so that each is placed from the one before it.
     */
    public static final class Hardest implements Comparator<PlannedSession> {
        @Override
        public int compare(PlannedSession a, PlannedSession b) {
            return Comparator.comparingInt(PlannedSession::getCourseFewestStarts)
                    .thenComparing(Comparator.comparingInt(PlannedSession::durationMin).reversed())
                    .thenComparing(Comparator.comparingInt((PlannedSession s) -> s.getNeeded().size()).reversed())
                    .thenComparing(PlannedSession::getOrderId).thenComparingInt(PlannedSession::getSequence)
                    .compare(a, b);
        }
    }

    /** The machines that run fewest kinds of procedure first, so an exchange leaves a collecting machine free. */
    public static final class NarrowestMachine implements Comparator<UnitMachine> {
        @Override
        public int compare(UnitMachine a, UnitMachine b) {
            return Comparator.comparingInt((UnitMachine m) -> m.runs().size()).thenComparing(UnitMachine::name)
                    .compare(a, b);
        }
    }
}
