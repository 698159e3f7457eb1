package org.openapheresis.server.session;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.openapheresis.server.order.OrderRecord;

/**
 * What the unit's rules say of a session booked or moved by hand: its opening hours and days closed, the lab's
 * cut-off for collections, and the time the order's pre-procedure labs need to come back. The sessions' own check,
 * beside the rota's ({@link NurseRota}); the rules are the week planner's (its feature implements this with the
 * same measures its hard rules use, and registers it with {@link SessionService#checkBookingsWith}). Each finding is
 * a warning to acknowledge, not a refusal.
 */
@FunctionalInterface
public interface BookingCheck {

    /** No rules: nothing to warn of (until the planner registers the unit's). */
    BookingCheck NONE = (h, order, from, to) -> List.of();

    /**
     * The warnings for a session of {@code order} from {@code from} to {@code to} (run time, set-up and rinseback),
     * in a fixed order; empty when it lies inside the unit's rules.
     */
    List<BookingWarning> warnings(Handle h, OrderRecord order, Instant from, Instant to);
}
