package org.botoxclinic.referral.webhook.service;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How partner webhooks are delivered and retried. */
@ConfigMapping(prefix = "clinic.webhooks")
public interface WebhookConfig {

    @WithDefault("1s")
    Duration pollInterval();

    @WithDefault("5s")
    Duration firstRetry();

    @WithDefault("1h")
    Duration maxRetry();

    @WithDefault("12")
    int maxAttempts();

    @WithDefault("5s")
    Duration timeout();

    /** Plain http targets are for development only: partner endpoints are https. */
    @WithDefault("true")
    boolean requireHttps();

    /** Loopback and private-network targets are for development and tests only. */
    @WithDefault("false")
    boolean allowPrivateTargets();

    /** Deliveries attempted per round. */
    @WithDefault("20")
    int batchSize();
}
