package org.botoxclinic.referral.webhook.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.botoxclinic.platform.time.Timestamps;
import org.botoxclinic.platform.web.Problems;
import org.botoxclinic.referral.webhook.domain.PartnerWebhook;
import org.botoxclinic.referral.webhook.domain.WebhookDelivery;
import org.botoxclinic.referral.webhook.domain.WebhookTarget;
import org.jboss.logging.Logger;

/** A partner's webhook registration and the record of what was delivered to it. */
@ApplicationScoped
public class PartnerWebhooks {

    private static final Logger LOG = Logger.getLogger(PartnerWebhooks.class);

    private final EntityManager em;
    private final WebhookConfig config;
    private final Clock clock;

    public PartnerWebhooks(EntityManager em, WebhookConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public PartnerWebhook register(String partnerId, String url, String secret) {
        WebhookTarget.refusal(url, config.requireHttps(), config.allowPrivateTargets())
                .ifPresent(reason -> {
                    throw Problems.invalid(java.util.Map.of("url", reason));
                });
        PartnerWebhook webhook = em.find(PartnerWebhook.class, partnerId);
        if (webhook == null) {
            webhook = new PartnerWebhook(partnerId, url, secret, Timestamps.now(clock));
            em.persist(webhook);
        } else {
            webhook.change(url, secret, Timestamps.now(clock));
        }
        LOG.infof("Webhook registered for partner %s", partnerId);
        return webhook;
    }

    @Transactional
    public boolean remove(String partnerId) {
        PartnerWebhook webhook = em.find(PartnerWebhook.class, partnerId);
        if (webhook == null) {
            return false;
        }
        em.remove(webhook);
        return true;
    }

    public Optional<PartnerWebhook> find(String partnerId) {
        return Optional.ofNullable(em.find(PartnerWebhook.class, partnerId));
    }

    public List<WebhookDelivery> deliveries(String partnerId, long afterId, int limit) {
        return em.createQuery("from WebhookDelivery where partnerId = :partner and id > :after order by id", WebhookDelivery.class)
                .setParameter("partner", partnerId)
                .setParameter("after", afterId)
                .setMaxResults(limit)
                .getResultList();
    }
}
