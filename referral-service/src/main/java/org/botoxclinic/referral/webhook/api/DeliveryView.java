package org.botoxclinic.referral.webhook.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.botoxclinic.referral.webhook.domain.DeliveryStatus;
import org.botoxclinic.referral.webhook.domain.WebhookDelivery;

/** One delivery and how trying to make it went, so a partner can see what reached it and what did not. */
public record DeliveryView(long id, UUID referralId, long timelineEntryId, String status, int attempts,
                           OffsetDateTime nextAttemptAt, OffsetDateTime lastAttemptAt, Integer lastStatusCode,
                           String lastError, OffsetDateTime deliveredAt, OffsetDateTime createdAt) {

    static DeliveryView of(WebhookDelivery d) {
        return new DeliveryView(d.id(), d.referralId(), d.timelineEntryId(), d.status().name(), d.attempts(),
                d.status() == DeliveryStatus.PENDING ? d.nextAttemptAt() : null, d.lastAttemptAt(), d.lastStatusCode(),
                d.lastError(), d.deliveredAt(), d.createdAt());
    }
}
