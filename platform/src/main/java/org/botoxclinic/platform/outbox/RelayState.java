package org.botoxclinic.platform.outbox;

import java.time.Duration;

/** How the outbox relay is doing, as readiness reports it. */
public record RelayState(boolean healthy, String reason, long backlog, double oldestAgeSeconds, String lastError) {

    /**
     * Stuck when the oldest unpublished row has waited longer than {@code stuckAfter}, or the relay loop has not
     * gone round for longer than {@code stuckAfter} plus one broker timeout (a send in progress may take that long).
     */
    public static RelayState assess(boolean enabled, boolean running, double oldestAgeSeconds, Duration sinceLastCycle,
                                    Duration stuckAfter, Duration sendTimeout, long backlog, String lastError) {
        if (!enabled) {
            return new RelayState(true, "relay disabled on this instance", backlog, oldestAgeSeconds, null);
        }
        boolean rowStuck = oldestAgeSeconds > stuckAfter.toMillis() / 1000.0;
        boolean loopStuck = sinceLastCycle.compareTo(stuckAfter.plus(sendTimeout)) > 0;
        if (!running) {
            return new RelayState(false, "relay not running", backlog, oldestAgeSeconds, lastError);
        }
        if (rowStuck) {
            return new RelayState(false, "oldest unpublished event waiting " + Math.round(oldestAgeSeconds) + " s",
                    backlog, oldestAgeSeconds, lastError);
        }
        if (loopStuck) {
            return new RelayState(false, "relay loop not cycling for " + sinceLastCycle.toSeconds() + " s",
                    backlog, oldestAgeSeconds, lastError);
        }
        return new RelayState(true, "publishing", backlog, oldestAgeSeconds, lastError);
    }
}
