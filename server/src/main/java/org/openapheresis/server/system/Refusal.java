package org.openapheresis.server.system;

import java.util.List;
import org.openapheresis.system.Problem;

/**
 * The stable keys of the refusals a service gives (the field problems of a request are the core's
 * {@link org.openapheresis.system.MessageKey}s). Scripts test the key; the English is for people.
 */
public enum Refusal {
    /** No record with the id: what kind of record. */
    NOT_FOUND(Kind.NOT_FOUND, "{0} not found"),
    /** Someone changed the record since the caller read it. */
    STALE_VERSION(Kind.CONFLICT, "the record was changed by someone else; reload it and apply your change again"),
    PREFERRED_TIMES_CHANGED(Kind.CONFLICT, "the preferred times were changed by someone else since they were read; "
            + "reload them and apply your change again"),
    /** The record's status does not allow the action: action, current status. */
    WRONG_STATUS(Kind.CONFLICT, "cannot {0} a session that is {1}"),
    /** An order signed already: by, at. */
    ORDER_ALREADY_SIGNED(Kind.CONFLICT, "the order was already signed by {0} at {1}"),
    /** Scheduling an order nobody signed: the order. */
    ORDER_NOT_SIGNED(Kind.CONFLICT, "only a signed order can be scheduled; a physician must sign order {0}"),
    /** The machine is taken then: machine, from, to, session, patient, set-up minutes. */
    MACHINE_BOOKED(Kind.CONFLICT, "machine {0} is booked from {1} to {2} (session {3}, {4}, run time and {5} min "
            + "set-up and rinseback); choose another time or machine"),
    /** The machine is out of service then: machine, from, to, reason. */
    MACHINE_OUT_OF_SERVICE(Kind.CONFLICT, "machine {0} is out of service from {1} to {2} ({3}); choose another time or "
            + "machine"),
    /** The nurse is off shift for part of the session, on a day the unit keeps a rota: nurse, minutes, from, to, shifts. */
    NURSE_OFF_SHIFT(Kind.CONFLICT, "nurse {0} is not on shift for {1} min of the session from {2} to {3} (their shifts "
            + "that day: {4}); choose another nurse or time, or put them on the rota"),
    /**
     * A session booked or moved by hand outside the unit's rules, not acknowledged: the warnings in words, their codes
     * (each listed in the details as {@code unacknowledged}).
     */
    BOOKING_WARNINGS_OPEN(Kind.CONFLICT, "{0}; if the session is to go ahead anyway (on call), send "
            + "{\"acknowledgedWarnings\": [{1}]}"),
    /** The period was cancelled already: when, by. */
    ALREADY_CANCELLED(Kind.CONFLICT, "it was cancelled already, at {0} by {1}"),
    /** The chair or bed is taken then: chair, from, to, session, patient. */
    CHAIR_BOOKED(Kind.CONFLICT, "{0} is taken from {1} to {2} (session {3}, {4}); choose another time or chair"),
    /** Candidacy warnings a physician has not acknowledged: the order. */
    CANDIDACY_WARNINGS_OPEN(Kind.CONFLICT, "warnings must be acknowledged by a physician before the session starts "
            + "(POST /api/orders/{0}/acknowledge)"),
    /** Plan warnings the person starting did not acknowledge. */
    PLAN_WARNINGS_UNREAD(Kind.CONFLICT, "the plan's warnings must be read and acknowledged by whoever starts the "
            + "session: send {\"acknowledgedWarnings\": [codes]}"),
    /** Signing while a warning of the order is open: how many (listed in the details). */
    WARNINGS_NOT_ACKNOWLEDGED_AT_SIGNING(Kind.CONFLICT, "{0} warning(s) of the order must be acknowledged in the "
            + "signature: send their codes as acknowledgedWarnings"),
    /** Stopping an order that was never signed: the order (an unsigned order is changed instead). */
    ORDER_NOT_SIGNED_TO_STOP(Kind.CONFLICT, "order {0} is not signed: change it instead (PUT /api/orders/{0})"),
    /** An order already stopped: the order, who, when, why. */
    ORDER_STOPPED(Kind.CONFLICT, "order {0} was stopped by {1} at {2}: {3}"),
    /** A course with all its sessions booked: the order, sessions ordered, sessions counted. */
    COURSE_FULL(Kind.CONFLICT, "order {0} prescribes {1} session(s) and {2} are scheduled, running or completed; "
            + "the physician orders further sessions"),
    /** A session whose order is no longer signed: the order, its status, what was asked. */
    ORDER_NOT_ACTIVE(Kind.CONFLICT, "order {0} is {1}: its session cannot {2}"),
    /** An administrator deactivating their own account. */
    DEACTIVATES_SELF(Kind.CONFLICT, "you cannot deactivate your own account; another administrator can"),
    /** A change that would leave no active administrator: the account. */
    LAST_ACTIVE_ADMIN(Kind.CONFLICT, "{0} is the last active administrator; make another user an active "
            + "administrator first"),
    /** A product's status does not allow the action: action, current status. */
    PRODUCT_WRONG_STATUS(Kind.CONFLICT, "cannot {0} a product that is {1}"),
    /** The product's state does not allow the action, said in words: what, why. */
    PRODUCT_REFUSED(Kind.CONFLICT, "cannot {0}: {1}"),
    /** The second signature of a release by the person who prepared it: who. */
    SAME_PERSON_VERIFIES(Kind.CONFLICT, "{0} prepared this release; another person must verify it"),
    /** No ISBT 128 facility identification number yet. */
    FACILITY_NOT_SET(Kind.CONFLICT, "the unit's ISBT 128 facility identification number is not set; an administrator "
            + "sets it on the unit's page (PUT /api/facility)"),
    /** A product made already from the session: the session, the product's DIN. */
    PRODUCT_EXISTS_FOR_SESSION(Kind.CONFLICT, "session {0} already has product {1}"),
    /** A collection whose bag was not measured: the session. */
    NO_PRODUCT_MEASURED(Kind.CONFLICT, "session {0} has no product measurement; record the bag's volume and counts "
            + "on the run sheet first"),
    /** Every DIN of the facility's year is taken: facility, year. */
    DIN_SEQUENCE_EXHAUSTED(Kind.CONFLICT, "every DIN sequence number of facility {0} in 20{1} is taken"),
    /** A storage position holding another product: position, container, the product's DIN and division. */
    POSITION_OCCUPIED(Kind.CONFLICT, "position {0} of {1} holds product {2}; choose a free position"),
    /** A storage unit whose temperature class does not fit the product: unit, kind, why. */
    STORAGE_UNIT_UNFIT(Kind.CONFLICT, "{0} (kind {1}) cannot hold this product: {2}"),
    /** The bedside check failed: what did not match, said for the nurse. */
    BEDSIDE_CHECK_FAILED(Kind.CONFLICT, "do not infuse: {0}"),
    /** A DLI schedule on an order that cannot carry one: the order, why. */
    DLI_SCHEDULE_REFUSED(Kind.CONFLICT, "cannot order a DLI schedule on order {0}: {1}"),
    /** A second DLI schedule on one order: the order, the schedule it has. */
    DLI_SCHEDULE_EXISTS(Kind.CONFLICT, "order {0} has a DLI schedule already ({1}); it is never overwritten"),
    /** A dose of a DLI schedule whose outcome was recorded already: the dose, given or skipped, when. */
    DLI_DOSE_ALREADY_RECORDED(Kind.CONFLICT, "dose {0} was already {1} at {2}"),
    /** A follow-up record corrected already: the record, the correction (correct the latest record instead). */
    FOLLOW_UP_ALREADY_CORRECTED(Kind.CONFLICT, "follow-up record {0} was already corrected by record {1}; correct "
            + "the latest record"),
    /** A charge item corrected already: the item, the correction (correct the latest item instead). */
    CHARGE_ALREADY_CORRECTED(Kind.CONFLICT, "charge item {0} was already corrected by item {1}; correct the latest "
            + "item"),
    /** A week's proposal made on data that changed since: the proposal, what changed. */
    PROPOSAL_STALE(Kind.CONFLICT, "proposal {0} was made on data that changed since ({1}); nothing was booked: plan "
            + "the week again"),
    /** A week's proposal booked already: the proposal, when, by whom. */
    PROPOSAL_APPLIED(Kind.CONFLICT, "proposal {0} was booked at {1} by {2}"),
    /** A week's proposal that breaks a hard rule or leaves a session unplaced: the proposal, its score. */
    PROPOSAL_INFEASIBLE(Kind.CONFLICT, "proposal {0} breaks a hard rule or leaves a session unplaced ({1}); it "
            + "cannot be booked: see its explanation, change the unit's resources or the window, and plan again"),
    /** A session moved by hand onto a slot that breaks the week's hard rules: the session, the rules broken. */
    MOVE_BREAKS_RULES(Kind.CONFLICT, "moving session {0} there breaks {1} of the rules of the week (see breaches); "
            + "nothing was moved"),
    /** A session the week's plan cannot move: the session, why. */
    SESSION_NOT_MOVABLE(Kind.CONFLICT, "session {0} cannot be moved on the plan of the week: {1}"),
    /** Wrong user name or password (never says which). */
    WRONG_CREDENTIALS(Kind.UNAUTHENTICATED, "wrong user name or password"),
    /** Too many failed logins: seconds to wait. */
    LOGIN_THROTTLED(Kind.TOO_MANY_ATTEMPTS, "too many failed logins; wait before trying again");

    /** How a refusal is answered, whatever the protocol. */
    public enum Kind { NOT_FOUND, CONFLICT, UNAUTHENTICATED, FORBIDDEN, TOO_MANY_ATTEMPTS, UNAVAILABLE }

    private final Kind kind;
    private final String template;

    Refusal(Kind kind, String template) {
        this.kind = kind;
        this.template = template;
    }

    public Kind kind() {
        return kind;
    }

    /** The English text with the parameters put in. */
    public String format(List<Object> params) {
        return Problem.fill(template, params);
    }
}
