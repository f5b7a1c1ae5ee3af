package org.botoxclinic.referral.webhook.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.botoxclinic.platform.events.EventJson;
import org.botoxclinic.platform.time.Timestamps;
import org.botoxclinic.referral.referral.domain.Referral;
import org.botoxclinic.referral.timeline.domain.TimelineEntry;
import org.botoxclinic.referral.webhook.domain.PartnerWebhook;
import org.botoxclinic.referral.webhook.domain.RetrySchedule;
import org.botoxclinic.referral.webhook.domain.WebhookDelivery;
import org.botoxclinic.referral.webhook.domain.WebhookSignature;
import org.botoxclinic.referral.webhook.domain.WebhookTarget;
import org.jboss.logging.Logger;

/**
 * Delivers every new timeline entry to the partner's webhook at least once. A delivery row is written in the same
 * transaction as the entry, so nothing is lost on a crash; a scheduled round claims due rows (SKIP LOCKED, so
 * replicas share the work), calls the partner outside any transaction, and records the outcome.
 */
@ApplicationScoped
public class WebhookDeliveries {

    private static final Logger LOG = Logger.getLogger(WebhookDeliveries.class);

    private final EntityManager em;
    private final EventJson json;
    private final WebhookConfig config;
    private final Clock clock;
    private final HttpClient http;

    public WebhookDeliveries(EntityManager em, EventJson json, WebhookConfig config, Clock clock) {
        this.em = em;
        this.json = json;
        this.config = config;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Queues the entry for the referral's partner, if it has a webhook. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(Referral referral, TimelineEntry entry) {
        if (referral.partnerId() == null) {
            return;
        }
        PartnerWebhook webhook = em.find(PartnerWebhook.class, referral.partnerId());
        if (webhook == null) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("referralId", referral.id());
        body.put("externalReferralId", referral.externalReferralId());
        body.put("status", referral.status().name());
        body.put("stage", referral.stage() == null ? null : referral.stage().name());
        body.put("entry", Map.of("id", entry.id(), "at", entry.at().toString(), "type", entry.type().name(),
                "detail", entry.detail()));
        em.persist(new WebhookDelivery(referral.partnerId(), referral.id(), entry.id(), webhook.url(), json.write(body),
                Timestamps.now(clock)));
    }

    @Scheduled(every = "${clinic.webhooks.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "2s")
    void deliverDue() {
        deliverDueNow();
    }

    /** One round: claims due deliveries, sends them, records each outcome. Returns how many were attempted. */
    public int deliverDueNow() {
        List<Long> claimed = claimDue();
        for (Long id : claimed) {
            attempt(id);
        }
        return claimed.size();
    }

    private List<Long> claimDue() {
        OffsetDateTime now = Timestamps.now(clock);
        // The lease keeps another round (or replica) from sending the same row while this one is in flight.
        OffsetDateTime lease = now.plus(config.timeout().multipliedBy(3));
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        update webhook_delivery set next_attempt_at = ?1
                         where id in (select id from webhook_delivery
                                       where status = 'PENDING' and next_attempt_at <= ?2
                                       order by id limit ?3 for update skip locked)
                        returning id""", Long.class)
                .setParameter(1, lease)
                .setParameter(2, now)
                .setParameter(3, config.batchSize())
                .getResultList()
                .stream().map(id -> ((Number) id).longValue()).sorted().toList());
    }

    private void attempt(Long id) {
        Claimed claimed = QuarkusTransaction.requiringNew().call(() -> {
            WebhookDelivery row = em.find(WebhookDelivery.class, id);
            return new Claimed(row, Optional.ofNullable(em.find(PartnerWebhook.class, row.partnerId())));
        });
        WebhookDelivery delivery = claimed.delivery();
        Optional<PartnerWebhook> webhook = claimed.webhook();
        Integer statusCode = null;
        String error = null;
        Optional<String> refused = WebhookTarget.refusal(delivery.url(), config.requireHttps(), config.allowPrivateTargets());
        if (webhook.isEmpty()) {
            error = "webhook removed by the partner";
        } else if (refused.isPresent()) {
            // Checked again at each call: a host name may have come to resolve to a private address.
            error = "target refused: url " + refused.get();
        } else {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(delivery.url()))
                                .timeout(config.timeout())
                                .header("Content-Type", "application/json")
                                .header(WebhookSignature.HEADER, WebhookSignature.sign(webhook.get().secret(), delivery.payload()))
                                .header("X-Clinic-Delivery", String.valueOf(delivery.id()))
                                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                statusCode = response.statusCode();
                if (statusCode / 100 != 2) {
                    error = "partner answered " + statusCode;
                }
            } catch (IOException | IllegalArgumentException e) {
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
            }
        }
        record(id, statusCode, error);
    }

    private record Claimed(WebhookDelivery delivery, Optional<PartnerWebhook> webhook) {
    }

    private void record(Long id, Integer statusCode, String error) {
        RetrySchedule schedule = new RetrySchedule(config.firstRetry(), config.maxRetry(), config.maxAttempts());
        QuarkusTransaction.requiringNew().run(() -> {
            WebhookDelivery delivery = em.find(WebhookDelivery.class, id);
            OffsetDateTime now = Timestamps.now(clock);
            if (error == null) {
                delivery.delivered(statusCode, now);
                LOG.debugf("Webhook delivery %d for referral %s delivered", id, delivery.referralId());
            } else {
                delivery.failed(statusCode, error, schedule, now);
                LOG.infof("Webhook delivery %d for referral %s failed (attempt %d, %s): %s", id, delivery.referralId(),
                        delivery.attempts(), delivery.status(), error);
            }
        });
    }
}
