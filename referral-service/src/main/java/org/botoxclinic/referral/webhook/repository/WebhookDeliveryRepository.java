package org.botoxclinic.referral.webhook.repository;

import java.time.OffsetDateTime;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import org.botoxclinic.platform.paging.Cursor;
import org.botoxclinic.referral.webhook.domain.DeliveryStatus;
import org.botoxclinic.referral.webhook.domain.WebhookDelivery;

/** What is owed to partners' webhooks: a partner's deliveries in order, and the due ones a delivery round claims. */
@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, Long> {

    /** A partner's deliveries list: cursors carry the delivery id. */
    public static final String DELIVERIES = "webhook-deliveries";

    /** A partner's deliveries after the given id (0 for the first page), oldest first. */
    public List<WebhookDelivery> ofPartner(String partnerId, long afterId, int fetch) {
        return find("partnerId = ?1 and id > ?2", Sort.by("id"), partnerId, afterId).page(0, fetch).list();
    }

    public static Cursor cursorAfter(WebhookDelivery last) {
        return Cursor.of(DELIVERIES, last.id());
    }

    /**
     * Claims up to {@code batch} pending deliveries that are due, by moving their next attempt to the lease's end,
     * so that another round (or replica) does not send them while this one is in flight. Rows locked by another
     * claim are skipped. The status is written into the statement, not bound, so that the partial index
     * {@code webhook_delivery_due} applies.
     *
     * @return the claimed ids, in order
     */
    public List<Long> claimDue(OffsetDateTime now, OffsetDateTime leaseEnd, int batch) {
        @SuppressWarnings("unchecked")
        List<Number> ids = getEntityManager().createNativeQuery("""
                        update webhook_delivery set next_attempt_at = ?1
                         where id in (select id from webhook_delivery
                                       where status = '%s' and next_attempt_at <= ?2
                                       order by id limit ?3 for update skip locked)
                        returning id""".formatted(DeliveryStatus.PENDING.name()), Long.class)
                .setParameter(1, leaseEnd)
                .setParameter(2, now)
                .setParameter(3, batch)
                .getResultList();
        return ids.stream().map(Number::longValue).sorted().toList();
    }
}
