package org.botoxclinic.platform.retention;

import java.time.Duration;
import java.time.Instant;

/**
 * The retention rules in plain Java: what is old enough to delete (or to erase the payload of) at a given instant,
 * and which settings are refused because they would let a redelivered event be applied twice or are not positive.
 */
public record RetentionPolicy(Duration outboxPublished, Duration processedEvents, Duration processedEventsFloor,
                              Duration deadLettersResolved, Duration deadLettersUnresolved, Duration outboxSkipped) {

    public RetentionPolicy {
        positive("clinic.retention.outbox-published", outboxPublished);
        positive("clinic.retention.dead-letters-resolved", deadLettersResolved);
        positive("clinic.retention.dead-letters-unresolved", deadLettersUnresolved);
        positive("clinic.retention.outbox-skipped", outboxSkipped);
        if (processedEvents.compareTo(processedEventsFloor) < 0) {
            throw new IllegalArgumentException("clinic.retention.processed-events (" + processedEvents
                    + ") is shorter than clinic.retention.processed-events-floor (" + processedEventsFloor
                    + "): an event redelivered within the source topic's retention would be applied twice");
        }
    }

    private static void positive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be positive, was " + value);
        }
    }

    public static RetentionPolicy of(RetentionConfig config) {
        return new RetentionPolicy(config.outboxPublished(), config.processedEvents(), config.processedEventsFloor(),
                config.deadLettersResolved(), config.deadLettersUnresolved(), config.outboxSkipped());
    }

    /** Outbox rows published before this instant are deleted; one published exactly at it is kept. */
    public Instant outboxCutoff(Instant now) {
        return now.minus(outboxPublished);
    }

    /** Processed-event records older than this instant are deleted; one recorded exactly at it is kept. */
    public Instant processedEventsCutoff(Instant now) {
        return now.minus(processedEvents);
    }

    /** Dead letters replayed before this instant are deleted; one replayed exactly at it is kept. */
    public Instant deadLettersResolvedCutoff(Instant now) {
        return now.minus(deadLettersResolved);
    }

    /** Dead letters still parked whose last attempt was before this instant lose their payload; one at it keeps it. */
    public Instant deadLettersUnresolvedCutoff(Instant now) {
        return now.minus(deadLettersUnresolved);
    }

    /** Outbox rows skipped before this instant lose their payload; one skipped exactly at it keeps it. */
    public Instant outboxSkippedCutoff(Instant now) {
        return now.minus(outboxSkipped);
    }
}
