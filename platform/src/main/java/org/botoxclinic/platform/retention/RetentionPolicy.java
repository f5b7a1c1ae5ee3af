package org.botoxclinic.platform.retention;

import java.time.Duration;
import java.time.Instant;

/**
 * The retention rules in plain Java: what is old enough to delete at a given instant, and which settings are refused
 * because they would let a redelivered event be applied twice.
 */
public record RetentionPolicy(Duration outboxPublished, Duration processedEvents, Duration processedEventsFloor) {

    public RetentionPolicy {
        if (outboxPublished.isNegative() || outboxPublished.isZero()) {
            throw new IllegalArgumentException("clinic.retention.outbox-published must be positive, was " + outboxPublished);
        }
        if (processedEvents.compareTo(processedEventsFloor) < 0) {
            throw new IllegalArgumentException("clinic.retention.processed-events (" + processedEvents
                    + ") is shorter than clinic.retention.processed-events-floor (" + processedEventsFloor
                    + "): an event redelivered within the source topic's retention would be applied twice");
        }
    }

    public static RetentionPolicy of(RetentionConfig config) {
        return new RetentionPolicy(config.outboxPublished(), config.processedEvents(), config.processedEventsFloor());
    }

    /** Outbox rows published before this instant are deleted; one published exactly at it is kept. */
    public Instant outboxCutoff(Instant now) {
        return now.minus(outboxPublished);
    }

    /** Processed-event records older than this instant are deleted; one recorded exactly at it is kept. */
    public Instant processedEventsCutoff(Instant now) {
        return now.minus(processedEvents);
    }
}
