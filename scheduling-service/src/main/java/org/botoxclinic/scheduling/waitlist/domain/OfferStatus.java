package org.botoxclinic.scheduling.waitlist.domain;

import org.botoxclinic.platform.domain.StatusFlow;

/**
 * An offer of freed time to one waiting patient. OPEN until it is ACCEPTED (booked), DECLINED, EXPIRED (not answered
 * in time), STALE (a booking rule refused it on acceptance, or the time was taken meanwhile) or WITHDRAWN (the patient
 * left the waitlist). Every end is final.
 */
public enum OfferStatus implements StatusFlow<OfferStatus> {
    OPEN,
    ACCEPTED,
    DECLINED,
    EXPIRED,
    STALE,
    WITHDRAWN;

    @Override
    public boolean canBecome(OfferStatus next) {
        return this == OPEN && next != OPEN;
    }
}
