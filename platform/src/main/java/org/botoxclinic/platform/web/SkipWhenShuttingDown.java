package org.botoxclinic.platform.web;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;

/**
 * Scheduled jobs start no new round once shutdown has begun, so none runs into a closed database pool:
 * {@code @Scheduled(..., skipExecutionIf = SkipWhenShuttingDown.class)}.
 */
@Singleton
public class SkipWhenShuttingDown implements Scheduled.SkipPredicate {

    private final ShutdownGate gate;

    public SkipWhenShuttingDown(ShutdownGate gate) {
        this.gate = gate;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return gate.isClosing();
    }
}
