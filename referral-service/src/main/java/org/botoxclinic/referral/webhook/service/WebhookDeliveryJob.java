package org.botoxclinic.referral.webhook.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import org.botoxclinic.platform.time.Timestamps;
import org.botoxclinic.referral.webhook.domain.DeliveryStatus;
import org.botoxclinic.referral.webhook.domain.PartnerWebhook;
import org.botoxclinic.referral.webhook.domain.RetrySchedule;
import org.botoxclinic.referral.webhook.domain.WebhookDelivery;
import org.botoxclinic.referral.webhook.domain.WebhookSignature;
import org.botoxclinic.referral.webhook.domain.WebhookTarget;
import org.botoxclinic.referral.webhook.repository.PartnerWebhookRepository;
import org.botoxclinic.referral.webhook.repository.WebhookDeliveryRepository;
import org.jboss.logging.Logger;
import org.botoxclinic.platform.web.SkipWhenShuttingDown;

/**
 * Delivers what is owed to partners' webhooks, at least once. Each round claims due deliveries (replicas share the
 * work), calls each partner outside any transaction, signed with its secret, and records the outcome; a failure is
 * retried with back-off until the attempts run out.
 */
@ApplicationScoped
public class WebhookDeliveryJob {

    private static final Logger LOG = Logger.getLogger(WebhookDeliveryJob.class);

    private final WebhookDeliveryRepository deliveries;
    private final PartnerWebhookRepository webhooks;
    private final WebhookConfig config;
    private final Clock clock;
    private final HttpClient http;

    public WebhookDeliveryJob(WebhookDeliveryRepository deliveries, PartnerWebhookRepository webhooks, WebhookConfig config,
                              Clock clock) {
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.config = config;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(every = "${clinic.webhooks.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "2s", skipExecutionIf = SkipWhenShuttingDown.class)
    void deliverDue() {
        deliverDueNow();
    }

    /** One round: claims due deliveries, sends them, records each outcome. Returns how many were attempted. */
    public int deliverDueNow() {
        OffsetDateTime now = Timestamps.now(clock);
        // The lease keeps another round (or replica) from sending the same row while this one is in flight.
        OffsetDateTime leaseEnd = now.plus(config.timeout().multipliedBy(3));
        List<Long> claimed = QuarkusTransaction.requiringNew().call(() -> deliveries.claimDue(now, leaseEnd, config.batchSize()));
        for (Long id : claimed) {
            attempt(id);
        }
        return claimed.size();
    }

    private void attempt(Long id) {
        Claimed claimed = QuarkusTransaction.requiringNew().call(() -> {
            WebhookDelivery row = deliveries.findById(id);
            return new Claimed(row, webhooks.findByIdOptional(row.partnerId()));
        });
        Outcome outcome = send(claimed.delivery(), claimed.webhook());
        record(id, outcome);
    }

    private record Claimed(WebhookDelivery delivery, Optional<PartnerWebhook> webhook) {
    }

    /** What the partner answered (if it was called) and, unless it answered 2xx, what went wrong. */
    private record Outcome(Integer statusCode, String error) {
    }

    private Outcome send(WebhookDelivery delivery, Optional<PartnerWebhook> webhook) {
        if (webhook.isEmpty()) {
            return new Outcome(null, "webhook removed by the partner");
        }
        Optional<String> refused = WebhookTarget.refusal(delivery.url(), config.requireHttps(), config.allowPrivateTargets());
        if (refused.isPresent()) {
            // Checked again at each call: a host name may have come to resolve to a private address.
            return new Outcome(null, "target refused: url " + refused.get());
        }
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(delivery.url()))
                            .timeout(config.timeout())
                            .header("Content-Type", "application/json")
                            .header(WebhookSignature.HEADER, WebhookSignature.sign(webhook.get().secret(), delivery.payload()))
                            .header("X-Clinic-Delivery", String.valueOf(delivery.id()))
                            .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            int statusCode = response.statusCode();
            return new Outcome(statusCode, statusCode / 100 == 2 ? null : "partner answered " + statusCode);
        } catch (IOException | IllegalArgumentException e) {
            return new Outcome(null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted");
        }
    }

    private void record(Long id, Outcome outcome) {
        RetrySchedule schedule = new RetrySchedule(config.firstRetry(), config.maxRetry(), config.maxAttempts());
        QuarkusTransaction.requiringNew().run(() -> {
            WebhookDelivery delivery = deliveries.findById(id);
            if (delivery.status() != DeliveryStatus.PENDING) {
                // Settled by another round whose lease ran out while this call was in flight.
                LOG.infof("Webhook delivery %d was already %s", id, delivery.status());
                return;
            }
            OffsetDateTime now = Timestamps.now(clock);
            if (outcome.error() == null) {
                delivery.delivered(outcome.statusCode(), now);
                LOG.debugf("Webhook delivery %d for referral %s delivered", id, delivery.referralId());
            } else {
                delivery.failed(outcome.statusCode(), outcome.error(), schedule, now);
                LOG.infof("Webhook delivery %d for referral %s failed (attempt %d, %s): %s", id, delivery.referralId(),
                        delivery.attempts(), delivery.status(), outcome.error());
            }
        });
    }
}
