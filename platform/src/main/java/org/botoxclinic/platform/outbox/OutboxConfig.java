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

    /**
     * When the relay checks that its topic exists (and creates it where the broker lets it), unless a row is to be
     * published before then: not at start, where the admin client's login would compete with the start-up.
     */
    @WithDefault("5s")
    Duration topicCheckAfter();

    /** Rows published per round trip to the broker. */
    @WithDefault("200")
    int batchSize();

    /**
     * The safety poll: how long the relay sleeps when no commit woke it. Commits wake it at once, through this
     * replica's own transactions and through PostgreSQL NOTIFY for any replica's (see {@link #listen()}); the poll
     * only bounds how late a row can be when a notification was lost. Also how often the listener checks that its
     * connection still answers.
     */
    @WithDefault("15s")
    Duration pollInterval();

    /**
     * Whether the relay LISTENs for the notification platform migration V0_9 sends on every commit that adds
     * outbox rows, on a connection of its own; without it only this replica's own commits and the poll wake it.
     */
    @WithDefault("true")
    boolean listen();

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
