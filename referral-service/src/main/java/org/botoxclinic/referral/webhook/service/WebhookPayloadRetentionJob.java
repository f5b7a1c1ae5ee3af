package org.botoxclinic.referral.webhook.service;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import org.botoxclinic.platform.time.Timestamps;
import org.botoxclinic.platform.web.SkipWhenShuttingDown;
import org.botoxclinic.referral.webhook.repository.WebhookDeliveryRepository;
import org.jboss.logging.Logger;

/**
 * Webhook payloads carry what happened to a patient's referral: once a delivery is settled (delivered, or failed
 * for good) and older than {@code clinic.webhooks.payload-retention}, its payload is purged, in batches, each in its
 * own transaction. The delivery and its attempts stay, so the partner still sees what reached it. A pending
 * delivery keeps its payload whatever its age. Reads "now" from the injectable clock, so tests call {@link #run()}
 * after moving time.
 */
@ApplicationScoped
public class WebhookPayloadRetentionJob {

    private static final Logger LOG = Logger.getLogger(WebhookPayloadRetentionJob.class);
    /** Payloads purged per transaction; a run goes on until none is left. */
    static final int BATCH = 500;

    private final WebhookDeliveryRepository deliveries;
    private final Duration retention;
    private final Clock clock;

    public WebhookPayloadRetentionJob(WebhookDeliveryRepository deliveries,
                                      WebhookConfig config,
                                      Clock clock) {
        Duration retention = config.payloadRetention();
        if (retention.isNegative()) {
            throw new IllegalStateException("clinic.webhooks.payload-retention must not be negative");
        }
        this.deliveries = deliveries;
        this.retention = retention;
        this.clock = clock;
    }

    @Scheduled(identity = "webhook-payload-retention", every = "${clinic.webhooks.payload-retention-every:1h}",
            delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = SkipWhenShuttingDown.class)
    void scheduled() {
        run();
    }

    /** Purges every payload past retention at the clock's current instant; returns how many. */
    public int run() {
        OffsetDateTime settledBefore = Timestamps.now(clock).minus(retention);
        int total = 0;
        int purged;
        do {
            purged = QuarkusTransaction.requiringNew().call(() -> deliveries.purgePayloads(settledBefore, BATCH));
            total += purged;
        } while (purged == BATCH);
        if (total > 0) {
            LOG.infof("Webhook payload retention purged %d payloads settled before %s", total, settledBefore);
        }
        return total;
    }
}
