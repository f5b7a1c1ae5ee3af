package org.botoxclinic.platform.inbox;

import java.time.Duration;

/** Capped exponential back-off: the first delay, doubled after each failed attempt, never above the cap. */
public record RetryBackoff(Duration first, Duration max) {

    public RetryBackoff {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("back-off needs 0 < first <= max, got " + first + " and " + max);
        }
    }

    /** The wait after the given failed attempt (1 for the first failure). */
    public Duration delayAfter(int failedAttempts) {
        Duration delay = first;
        for (int i = 1; i < failedAttempts && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
