package org.botoxclinic.referral.webhook.domain;

/** A webhook delivery waits (and is retried) until the partner answers 2xx, or fails for good after the last attempt. */
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED
}
