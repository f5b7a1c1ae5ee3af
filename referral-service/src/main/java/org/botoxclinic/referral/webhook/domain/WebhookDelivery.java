package org.botoxclinic.referral.webhook.domain;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One timeline entry owed to a partner's webhook, with the history of trying to deliver it. Once delivered (or
 * failed for good) and older than the retention period, its payload is purged; the record of the attempts stays.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    private static final String RESOURCE = "webhook-delivery";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "partner_id")
    private String partnerId;
    @Column(name = "referral_id")
    private UUID referralId;
    @Column(name = "timeline_entry_id")
    private Long timelineEntryId;
    private String url;
    private String payload;
    @Enumerated(EnumType.STRING)
    private DeliveryStatus status;
    private int attempts;
    @Column(name = "next_attempt_at")
    private OffsetDateTime nextAttemptAt;
    @Column(name = "last_attempt_at")
    private OffsetDateTime lastAttemptAt;
    @Column(name = "last_status_code")
    private Integer lastStatusCode;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "delivered_at")
    private OffsetDateTime deliveredAt;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    /** The claim of the attempt in flight: only the holder of this lease records its outcome. */
    @Column(name = "lease_token")
    private UUID leaseToken;

    protected WebhookDelivery() {
    }

    public WebhookDelivery(String partnerId, UUID referralId, Long timelineEntryId, String url, String payload,
                           OffsetDateTime now) {
        this.partnerId = partnerId;
        this.referralId = referralId;
        this.timelineEntryId = timelineEntryId;
        this.url = url;
        this.payload = payload;
        this.status = DeliveryStatus.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    /** The partner answered 2xx. */
    public void delivered(int statusCode, OffsetDateTime now) {
        attempts++;
        lastAttemptAt = now;
        lastStatusCode = statusCode;
        lastError = null;
        status = status.moveTo(DeliveryStatus.DELIVERED, RESOURCE, "delivered");
        deliveredAt = now;
    }

    /** The call failed: tried again after the schedule's wait, or failed for good after the last attempt. */
    public void failed(Integer statusCode, String error, RetrySchedule schedule, OffsetDateTime now) {
        attempts++;
        lastAttemptAt = now;
        lastStatusCode = statusCode;
        lastError = error == null ? null : error.length() > 500 ? error.substring(0, 500) : error;
        if (schedule.givesUpAfter(attempts)) {
            status = status.moveTo(DeliveryStatus.FAILED, RESOURCE, "failed");
        } else {
            Duration wait = schedule.delayAfter(attempts);
            nextAttemptAt = now.plus(wait);
        }
    }

    /** Whether the attempt holding this lease may still record its outcome. */
    public boolean heldBy(UUID lease) {
        return status == DeliveryStatus.PENDING && lease != null && lease.equals(leaseToken);
    }

    public Long id() { return id; }
    public String partnerId() { return partnerId; }
    public UUID referralId() { return referralId; }
    public Long timelineEntryId() { return timelineEntryId; }
    public String url() { return url; }
    /** The body sent, or null once the retention period purged it. */
    public String payload() { return payload; }
    public DeliveryStatus status() { return status; }
    public int attempts() { return attempts; }
    public OffsetDateTime nextAttemptAt() { return nextAttemptAt; }
    public OffsetDateTime lastAttemptAt() { return lastAttemptAt; }
    public Integer lastStatusCode() { return lastStatusCode; }
    public String lastError() { return lastError; }
    public OffsetDateTime deliveredAt() { return deliveredAt; }
    public OffsetDateTime createdAt() { return createdAt; }
}
