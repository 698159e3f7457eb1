package org.openapheresis.server.schedule;

import java.util.Objects;

/**
 * An order's pre-procedure labs as the plan sees them, for one session: what the order asks for and until when the
 * results on record are current. A session starting later than {@code currentUntilMinute} needs labs drawn on the
 * patient's arrival, and then starts no earlier than the day's opening plus the lab's turnaround, or outside the
 * opening hours its own start plus it ({@link UnitRules#labsBackMinute}). Only results on record count: labs the
 * plan itself expects to be drawn at an earlier session are not results a nurse can read.
 *
 * @param tests the lab names, as staff read them ({@code Fibrinogen, Platelets})
 * @param maxAgeHours how old a result may be at the session's start, as the order says
 * @param currentUntilMinute the last start at which every required result on record is at most {@code maxAgeHours}
 *     old, on the plan's clock ({@link #NEVER} when one of them has no result)
 * @param limiting the result that limits it, in words ({@code Fibrinogen taken Mon 2 Mar 09:00}, or
 *     {@code no Platelets on record})
 */
public record LabsDue(String tests, int maxAgeHours, int currentUntilMinute, String limiting) {

    /** No start is covered by the results on record. */
    public static final int NEVER = Integer.MIN_VALUE / 2;

    public LabsDue {
        Objects.requireNonNull(tests, "tests");
        Objects.requireNonNull(limiting, "limiting");
    }

    /** Whether the results on record are still current at {@code startMinute}. */
    public boolean currentAt(int startMinute) {
        return startMinute <= currentUntilMinute;
    }
}
