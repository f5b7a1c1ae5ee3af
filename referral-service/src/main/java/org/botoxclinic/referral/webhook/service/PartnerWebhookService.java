package org.botoxclinic.referral.webhook.service;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.botoxclinic.platform.domain.InvalidInputException;
import org.botoxclinic.platform.domain.NotFoundException;
import org.botoxclinic.platform.events.EventJson;
import org.botoxclinic.platform.paging.Cursor;
import org.botoxclinic.platform.paging.Page;
import org.botoxclinic.platform.time.Timestamps;
import org.botoxclinic.referral.referral.domain.Referral;
import org.botoxclinic.referral.timeline.domain.TimelineEntry;
import org.botoxclinic.referral.timeline.service.TimelineEntryAdded;
import org.botoxclinic.referral.webhook.domain.PartnerWebhook;
import org.botoxclinic.referral.webhook.domain.WebhookDelivery;
import org.botoxclinic.referral.webhook.domain.WebhookTarget;
import org.botoxclinic.referral.webhook.repository.PartnerWebhookRepository;
import org.botoxclinic.referral.webhook.repository.WebhookDeliveryRepository;
import org.jboss.logging.Logger;

/**
 * A partner's webhook: its registration, what is owed to it (every new timeline entry of its referrals, queued in
 * the entry's transaction) and the record of what was delivered.
 */
@ApplicationScoped
public class PartnerWebhookService {

    private static final Logger LOG = Logger.getLogger(PartnerWebhookService.class);
    private static final String RESOURCE = "webhook of partner";

    private final PartnerWebhookRepository webhooks;
    private final WebhookDeliveryRepository deliveries;
    private final EventJson json;
    private final WebhookConfig config;
    private final Clock clock;

    public PartnerWebhookService(PartnerWebhookRepository webhooks, WebhookDeliveryRepository deliveries, EventJson json,
                                 WebhookConfig config, Clock clock) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.json = json;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public PartnerWebhook register(String partnerId, String url, String secret) {
        WebhookTarget.refusal(url, config.requireHttps(), config.allowPrivateTargets())
                .ifPresent(reason -> {
                    throw new InvalidInputException("url", reason);
                });
        PartnerWebhook webhook = webhooks.findByIdOptional(partnerId).orElse(null);
        if (webhook == null) {
            webhook = new PartnerWebhook(partnerId, url, secret, Timestamps.now(clock));
            webhooks.persist(webhook);
        } else {
            webhook.change(url, secret, Timestamps.now(clock));
        }
        LOG.infof("Webhook registered for partner %s", partnerId);
        return webhook;
    }

    /** Stops the calls; deliveries still pending then fail as removed. */
    @Transactional
    public void remove(String partnerId) {
        if (!webhooks.deleteById(partnerId)) {
            throw new NotFoundException(RESOURCE, partnerId);
        }
    }

    public PartnerWebhook get(String partnerId) {
        return webhooks.findByIdOptional(partnerId).orElseThrow(() -> new NotFoundException(RESOURCE, partnerId));
    }

    /** The partner's deliveries, oldest first, one page after the cursor (null for the first). */
    public Page<WebhookDelivery> deliveries(String partnerId, String cursor, int limit) {
        long afterId = cursor == null ? 0 : Cursor.decode(cursor, WebhookDeliveryRepository.DELIVERIES, 1).number(0);
        return Page.of(deliveries.ofPartner(partnerId, afterId, limit + 1), limit, WebhookDeliveryRepository::cursorAfter);
    }

    /** Queues a new timeline entry for the referral's partner, if it has a webhook, in the entry's transaction. */
    void onTimelineEntryAdded(@Observes TimelineEntryAdded added) {
        Referral referral = added.referral();
        if (referral.partnerId() == null) {
            return;
        }
        Optional<PartnerWebhook> webhook = webhooks.findByIdOptional(referral.partnerId());
        if (webhook.isEmpty()) {
            return;
        }
        TimelineEntry entry = added.entry();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("referralId", referral.id());
        body.put("externalReferralId", referral.externalReferralId());
        body.put("status", referral.status().name());
        body.put("stage", referral.stage() == null ? null : referral.stage().name());
        body.put("entry", Map.of("id", entry.id(), "at", entry.at().toString(), "type", entry.type().name(),
                "detail", entry.detail()));
        deliveries.persist(new WebhookDelivery(referral.partnerId(), referral.id(), entry.id(), webhook.get().url(),
                json.write(body), Timestamps.now(clock)));
    }
}
