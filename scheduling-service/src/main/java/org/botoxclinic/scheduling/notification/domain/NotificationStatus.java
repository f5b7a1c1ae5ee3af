package org.botoxclinic.scheduling.notification.domain;

import org.botoxclinic.platform.domain.StatusFlow;

/** Where a message to a patient stands: waiting to be sent (or retried), sent, given up on, or withdrawn unsent. */
public enum NotificationStatus implements StatusFlow<NotificationStatus> {
    QUEUED, SENT, FAILED, SUPPRESSED;

    @Override
    public boolean canBecome(NotificationStatus next) {
        return this == QUEUED && next != QUEUED;
    }
}
