package org.wopihost.testclient.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Simulated time: it moves only when a test advances it, so an hour of editing runs in seconds and
 * never sleeps. A {@link Clock}, so that a host can run on the same time (lock expiry) as the clients.
 */
public final class SimulatedClock extends Clock {

    private volatile Instant now;

    public SimulatedClock(Instant start) {
        this.now = start;
    }

    /** Moves time by {@code step}: forward, or back for a test of clock skew. */
    public void advance(Duration step) {
        now = now.plus(step);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone); // only the instant matters to the hosts and clients
    }
}
