package org.botoxclinic.scheduling.notification.domain;

import java.time.Duration;

/** Back-off between sending attempts: first, 2x, 4x ... capped; after the last attempt the message has failed. */
public record RetrySchedule(Duration first, Duration max, int maxAttempts) {

    /** The wait after the given number of failed attempts (1 = the first failure). */
    public Duration delayAfter(int failedAttempts) {
        long factor = 1L << Math.min(30, Math.max(0, failedAttempts - 1));
        Duration delay = first.multipliedBy(factor);
        return delay.compareTo(max) > 0 ? max : delay;
    }

    public boolean givesUpAfter(int failedAttempts) {
        return failedAttempts >= maxAttempts;
    }
}
