package org.botoxclinic.platform.retention;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long messaging rows that carry patient data are kept once they have done their job. */
@ConfigMapping(prefix = "clinic.retention")
public interface RetentionConfig {

    /** A published outbox row (its payload is the event, PHI included) is deleted this long after it was published. */
    @WithDefault("7d")
    Duration outboxPublished();

    /**
     * A consumed event's id is kept this long in {@code processed_event}; a duplicate arriving later would be applied
     * again. Must cover the longest redelivery window: see {@link #processedEventsFloor()}.
     */
    @WithDefault("30d")
    Duration processedEvents();

    /**
     * The shortest {@link #processedEvents()} the service accepts; it refuses to start below it. A duplicate can
     * arrive for as long as the source topic keeps the event (Kafka's retention.ms, 7 days by default) and a
     * consumer group's offsets may be reset to the earliest offset (a restore, a new replica group, a replay), so the
     * ids must outlive the topic's retention.
     */
    @WithDefault("14d")
    Duration processedEventsFloor();

    /**
     * A dead letter that was replayed (its effect is in place) is deleted this long after the replay; the audit trail
     * keeps the REPLAY entry.
     */
    @WithDefault("7d")
    Duration deadLettersResolved();

    /**
     * The operator's window to replay: a dead letter still parked this long after it was parked (or last failed a
     * replay) has its payload erased; the row stays (ids, type, reason, times) and a replay is refused with 409.
     */
    @WithDefault("30d")
    Duration deadLettersUnresolved();

    /** A skipped outbox row (an operator decided it is never published) has its payload erased this long after the skip. */
    @WithDefault("30d")
    Duration outboxSkipped();

    /** How often the purge runs (a Quarkus scheduler interval, "off" disables it on an instance). */
    @WithDefault("1h")
    String every();

    /** The first run after start. */
    @WithDefault("1m")
    String firstAfter();

    /** Rows deleted per statement (each its own short transaction), so a purge never holds long locks. */
    @WithDefault("1000")
    int batchSize();
}
