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

    /** Deliveries attempted per round. */
    @WithDefault("20")
    int batchSize();
}
