package org.botoxclinic.scheduling.waitlist.domain;

import org.botoxclinic.platform.domain.StatusFlow;

/**
 * A waiting patient's place in the queue: WAITING until an accepted offer books them (BOOKED), staff withdraw them or
 * the referral is cancelled (WITHDRAWN), or the last date they wanted has passed (LAPSED). Only WAITING moves on.
 */
public enum WaitlistStatus implements StatusFlow<WaitlistStatus> {
    WAITING,
    BOOKED,
    WITHDRAWN,
    LAPSED;

    @Override
    public boolean canBecome(WaitlistStatus next) {
        return this == WAITING && next != WAITING;
    }
}
