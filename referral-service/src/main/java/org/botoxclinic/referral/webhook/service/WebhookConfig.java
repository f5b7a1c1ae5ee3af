package org.botoxclinic.referral.webhook.service;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How partner webhooks are delivered and retried. */
@ConfigMapping(prefix = "clinic.webhooks")
public interface WebhookConfig {

    /** The job's tick: how soon it looks again while deliveries are due or in flight, or after it was woken. */
    @WithDefault("1s")
    Duration pollInterval();

    /**
     * When nothing is due, the job looks again at the earliest pending delivery's due time (a retry's back-off), and
     * at the latest after this (deliveries queued by another replica, leases of a replica that died); a delivery
     * queued by this replica wakes it at its transaction's commit.
     */
    @WithDefault("30s")
    Duration idlePollMax();

    @WithDefault("5s")
    Duration firstRetry();

    @WithDefault("1h")
    Duration maxRetry();

    @WithDefault("12")
    int maxAttempts();

    /**
     * The hard deadline of one attempt: resolution, connection, TLS, request and answer. At the deadline the call is
     * cut off and the attempt counts as failed.
     */
    @WithDefault("5s")
    Duration timeout();

    /**
     * Plain http targets, in development mode only (clinic.dev-mode): outside it every target is https on port 443,
     * whatever this says.
     */
    @WithDefault("true")
    boolean requireHttps();

    /**
     * Loopback, private and other special-purpose addresses, in development mode only (clinic.dev-mode): outside it
     * they are always refused, whatever this says.
     */
    @WithDefault("false")
    boolean allowPrivateTargets();

    /** Deliveries one partner's worker attempts before it makes way for other partners. */
    @WithDefault("20")
    int batchSize();

    /** Partners called at the same time by one replica (one attempt in flight per partner). */
    @WithDefault("8")
    int concurrency();

    /** How long the previous secret still signs after a rotation, unless the partner finishes the rotation sooner. */
    @WithDefault("24h")
    Duration secretOverlap();

    /**
     * The key that seals partners' secrets at rest: base64 of 32 random bytes. Required outside development mode
     * (clinic.dev-mode), where the service refuses to start without it.
     */
    Optional<String> secretKey();

    /** Earlier keys, still opening what they sealed until the next start reseals it under the current key. */
    Optional<List<String>> oldSecretKeys();

    /**
     * A delivered (or finally failed) delivery's payload is purged this long after it settled
     * ({@link WebhookPayloadRetentionJob}); the delivery and its attempts stay visible.
     */
    @WithDefault("7d")
    Duration payloadRetention();

    /** How often that purge runs ({@code off} disables it on an instance). */
    @WithDefault("1h")
    String payloadRetentionEvery();
}
