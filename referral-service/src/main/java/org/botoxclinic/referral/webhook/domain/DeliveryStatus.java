package org.botoxclinic.referral.webhook.domain;

import org.botoxclinic.platform.domain.StatusFlow;

/** A webhook delivery waits (and is retried) until the partner answers 2xx, or fails for good after the last attempt. */
public enum DeliveryStatus implements StatusFlow<DeliveryStatus> {
    PENDING, DELIVERED, FAILED;

    @Override
    public boolean canBecome(DeliveryStatus next) {
        return this == PENDING && next != PENDING;
    }
}
