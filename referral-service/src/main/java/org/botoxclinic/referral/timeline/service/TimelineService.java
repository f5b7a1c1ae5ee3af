package org.botoxclinic.referral.timeline.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.botoxclinic.platform.time.Timestamps;
import org.botoxclinic.referral.referral.domain.Referral;
import org.botoxclinic.referral.timeline.domain.ReferralStage;
import org.botoxclinic.referral.timeline.domain.TimelineEntry;
import org.botoxclinic.referral.timeline.domain.TimelineType;
import org.botoxclinic.referral.webhook.service.WebhookDeliveries;

/**
 * Appends what happened to a referral, keeps its derived stage current, and queues the entry for the partner's
 * webhook, all in the caller's transaction.
 */
@ApplicationScoped
public class Timeline {

    private final EntityManager em;
    private final WebhookDeliveries webhooks;
    private final Clock clock;

    public Timeline(EntityManager em, WebhookDeliveries webhooks, Clock clock) {
        this.em = em;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public TimelineEntry record(Referral referral, TimelineType type, String detail, OffsetDateTime at) {
        return append(referral, type, detail, at, null);
    }

    /** An entry reported by another service's event; the event's id keeps a redelivery from adding it twice. */
    @Transactional(Transactional.TxType.MANDATORY)
    public TimelineEntry recordFromEvent(Referral referral, TimelineType type, String detail, OffsetDateTime at, UUID eventId) {
        return append(referral, type, detail, at, eventId);
    }

    public List<TimelineEntry> entries(UUID referralId) {
        return em.createQuery("from TimelineEntry where referralId = :referral order by at, id", TimelineEntry.class)
                .setParameter("referral", referralId)
                .getResultList();
    }

    private TimelineEntry append(Referral referral, TimelineType type, String detail, OffsetDateTime at, UUID eventId) {
        TimelineEntry entry = new TimelineEntry(referral.id(), Timestamps.utc(at), type, detail, eventId, Timestamps.now(clock));
        em.persist(entry);
        em.flush();
        List<TimelineType> history = entries(referral.id()).stream().map(TimelineEntry::type).toList();
        referral.stageIs(ReferralStage.of(referral.status(), history));
        webhooks.enqueue(referral, entry);
        return entry;
    }
}
