package org.openapheresis.server.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The clock the demo's services run on: set to each moment of the demo week in turn, so that every record is
 * written by the services as the staff would have written it then.
 */
final class DemoClock extends Clock {

    private final ZoneId zone;
    private Instant now;

    DemoClock(Instant now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    void set(Instant t) {
        now = t;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return new DemoClock(now, z);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
