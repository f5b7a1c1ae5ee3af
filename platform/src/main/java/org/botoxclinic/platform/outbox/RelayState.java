package org.botoxclinic.platform.outbox;

import java.time.Duration;

/**
 * How the outbox relay is doing. {@code healthy} says whether events flow (rows parked or held behind a parked row do
 * not count against it); {@code parked} and {@code held} say whether an administrator has events to retry or skip
 * ({@link #needsAttention()}), independently of health.
 */
public record RelayState(boolean healthy, String reason, long backlog, double oldestAgeSeconds, String lastError,
                         long parked, long held) {

    /** Events the broker refused for good wait for an administrator (GET /api/admin/outbox/parked). */
    public boolean needsAttention() {
        return parked > 0;
    }

    /**
     * Stuck when the oldest unpublished row has waited longer than {@code stuckAfter}, or the relay loop has not
     * gone round for longer than {@code stuckAfter} plus one broker timeout (a send in progress may take that long).
     */
    public static RelayState assess(boolean enabled, boolean running, double oldestAgeSeconds, Duration sinceLastCycle,
                                    Duration stuckAfter, Duration sendTimeout, long backlog, String lastError,
                                    long parked, long held) {
        if (!enabled) {
            return new RelayState(true, "relay disabled on this instance", backlog, oldestAgeSeconds, null, parked, held);
        }
        boolean rowStuck = oldestAgeSeconds > stuckAfter.toMillis() / 1000.0;
        boolean loopStuck = sinceLastCycle.compareTo(stuckAfter.plus(sendTimeout)) > 0;
        if (!running) {
            return new RelayState(false, "relay not running", backlog, oldestAgeSeconds, lastError, parked, held);
        }
        if (rowStuck) {
            return new RelayState(false, "oldest unpublished event waiting " + Math.round(oldestAgeSeconds) + " s",
                    backlog, oldestAgeSeconds, lastError, parked, held);
        }
        if (loopStuck) {
            return new RelayState(false, "relay loop not cycling for " + sinceLastCycle.toSeconds() + " s",
                    backlog, oldestAgeSeconds, lastError, parked, held);
        }
        return new RelayState(true, "publishing", backlog, oldestAgeSeconds, lastError, parked, held);
    }
}
