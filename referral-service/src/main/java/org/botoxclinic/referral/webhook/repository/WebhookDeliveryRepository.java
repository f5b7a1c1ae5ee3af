package org.botoxclinic.referral.webhook.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.botoxclinic.platform.paging.Cursor;
import org.botoxclinic.referral.webhook.domain.DeliveryStatus;
import org.botoxclinic.referral.webhook.domain.WebhookDelivery;

/** What is owed to partners' webhooks: a partner's deliveries in order, and each partner's due ones claimed one attempt at a time, and the purge of old payloads. */
@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, Long> {

    /** A partner's deliveries list: cursors carry the delivery id. */
    public static final String DELIVERIES = "webhook-deliveries";

    /** One timeline entry owed to a partner's webhook, with the payload to deliver. */
    public record Owed(long timelineEntryId, String payload) {
    }

    /**
     * Queues the entries for the partner's webhook as pending deliveries, due now, in one statement that joins them
     * to the partner's registration: nothing is inserted when the partner has no webhook, and the URL is the one
     * registered at this moment. The referral and the entries must already be written (flushed).
     *
     * @return how many deliveries were queued
     */
    public int queueIfRegistered(String partnerId, UUID referralId, List<Owed> owed, OffsetDateTime now) {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < owed.size(); i++) {
            values.append(i == 0 ? "" : ", ").append("(cast(?").append(5 + 2 * i).append(" as bigint), cast(?")
                    .append(6 + 2 * i).append(" as text))");
        }
        var insert = getEntityManager().createNativeQuery("""
                        insert into webhook_delivery (partner_id, referral_id, timeline_entry_id, url, payload, status,
                                                      attempts, next_attempt_at, created_at)
                        select w.partner_id, ?2, e.timeline_entry_id, w.url, e.payload, '%s', 0, ?3, ?4
                          from partner_webhook w, (values %s) as e (timeline_entry_id, payload)
                         where w.partner_id = ?1
                         order by e.timeline_entry_id""".formatted(DeliveryStatus.PENDING.name(), values))
                .setParameter(1, partnerId)
                .setParameter(2, referralId)
                .setParameter(3, now)
                .setParameter(4, now);
        for (int i = 0; i < owed.size(); i++) {
            insert.setParameter(5 + 2 * i, owed.get(i).timelineEntryId());
            insert.setParameter(6 + 2 * i, owed.get(i).payload());
        }
        return insert.executeUpdate();
    }

    /** A partner's deliveries after the given id (0 for the first page), oldest first. */
    public List<WebhookDelivery> ofPartner(String partnerId, long afterId, int fetch) {
        return find("partnerId = ?1 and id > ?2", Sort.by("id"), partnerId, afterId).page(0, fetch).list();
    }

    public static Cursor cursorAfter(WebhookDelivery last) {
        return Cursor.of(DELIVERIES, last.id());
    }

    /** Partners with at least one pending delivery that is due, at most {@code limit} of them. */
    public List<String> partnersWithDue(OffsetDateTime now, int limit) {
        @SuppressWarnings("unchecked")
        List<String> partners = getEntityManager().createNativeQuery("""
                        select distinct partner_id from webhook_delivery
                         where status = '%s' and next_attempt_at <= ?1
                         limit ?2""".formatted(DeliveryStatus.PENDING.name()), String.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
        return partners;
    }

    /** When the earliest pending delivery is due (empty when none is pending). */
    public Optional<OffsetDateTime> earliestPending() {
        Object earliest = getEntityManager().createNativeQuery("""
                        select min(next_attempt_at) from webhook_delivery where status = '%s'"""
                        .formatted(DeliveryStatus.PENDING.name()), OffsetDateTime.class)
                .getSingleResult();
        return Optional.ofNullable((OffsetDateTime) earliest);
    }

    /**
     * Claims the partner's oldest due delivery for one attempt: its next attempt moves to the lease's end and the
     * lease's token is written, so that no other worker (of this replica or another) sends it while the attempt is
     * in flight, and only this attempt records its outcome. A row locked by another claim is skipped. The status
     * is written into the statement, not bound, so that the partial index {@code webhook_delivery_partner_due}
     * applies.
     *
     * @return the claimed delivery's id, or empty when none of the partner's deliveries is due
     */
    public Optional<Long> claimNext(String partnerId, OffsetDateTime now, OffsetDateTime leaseEnd, UUID lease) {
        @SuppressWarnings("unchecked")
        List<Number> ids = getEntityManager().createNativeQuery("""
                        update webhook_delivery set next_attempt_at = ?1, lease_token = ?2
                         where id = (select id from webhook_delivery
                                      where partner_id = ?3 and status = '%s' and next_attempt_at <= ?4
                                      order by id limit 1 for update skip locked)
                        returning id""".formatted(DeliveryStatus.PENDING.name()), Long.class)
                .setParameter(1, leaseEnd)
                .setParameter(2, lease)
                .setParameter(3, partnerId)
                .setParameter(4, now)
                .getResultList();
        return ids.stream().findFirst().map(Number::longValue);
    }

    /** The delivery, locked, to record an attempt's outcome. */
    public WebhookDelivery lockedById(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Purges the payloads of up to {@code batch} settled deliveries (delivered, or failed for good) settled before
     * {@code settledBefore}. A delivery still pending keeps its payload whatever its age.
     *
     * @return how many payloads were purged
     */
    public int purgePayloads(OffsetDateTime settledBefore, int batch) {
        return getEntityManager().createNativeQuery("""
                        update webhook_delivery set payload = null
                         where id in (select id from webhook_delivery
                                       where payload is not null and status <> '%s'
                                         and coalesce(delivered_at, last_attempt_at) < ?1
                                       order by id limit ?2 for update skip locked)""".formatted(DeliveryStatus.PENDING.name()))
                .setParameter(1, settledBefore)
                .setParameter(2, batch)
                .executeUpdate();
    }
}
