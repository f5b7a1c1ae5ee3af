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
