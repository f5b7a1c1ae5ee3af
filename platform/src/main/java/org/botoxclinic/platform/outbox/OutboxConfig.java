package org.botoxclinic.platform.outbox;

import java.time.Duration;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Settings of the transactional outbox and its relay. */
@ConfigMapping(prefix = "clinic.outbox")
public interface OutboxConfig {

    /** Whether this instance runs a relay; every replica may, they take turns through an advisory lock. */
    @WithDefault("true")
    boolean relayEnabled();

    /** The CloudEvents source of everything this service publishes, e.g. /referral-service. */
    String source();

    /** The one topic this service publishes to, e.g. referral-events; the relay creates it if it does not exist. */
    String topic();

    @WithDefault("3")
    int topicPartitions();

    /** Rows published per round trip to the broker. */
    @WithDefault("200")
    int batchSize();

    /** Safety net when no commit nudged the relay, e.g. rows committed by another replica. */
    @WithDefault("500ms")
    Duration pollInterval();

    /** How long to wait for the broker's acknowledgement of a batch before trying again. */
    @WithDefault("15s")
    Duration sendTimeout();

    /** A row unpublished for longer than this makes readiness report the relay as stuck. */
    @WithDefault("60s")
    Duration stuckAfter();

    /**
     * Attempts after which a row failing with an unexpected, non-retriable error is parked. A row the broker refuses
     * for good (too large, invalid topic, not authorized) is parked at its first refusal; a transient fault (broker
     * down, timeout, leader election) never parks a row, however long it lasts.
     */
    @WithDefault("10")
    int parkAfterAttempts();

    @WithName("lock-id")
    @WithDefault("7301")
    long lockId();
}
