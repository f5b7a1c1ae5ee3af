package org.botoxclinic.referral.referral.domain;

import java.util.EnumSet;
import java.util.Set;

import org.botoxclinic.platform.domain.StatusFlow;

/** A referral's life from intake to the staff's decision; the allowed moves live here and nowhere else. */
public enum ReferralStatus implements StatusFlow<ReferralStatus> {
    RECEIVED,
    INFO_REQUESTED,
    ACCEPTED,
    DECLINED,
    CANCELLED;

    public Set<ReferralStatus> next() {
        return switch (this) {
            case RECEIVED -> EnumSet.of(ACCEPTED, DECLINED, INFO_REQUESTED, CANCELLED);
            case INFO_REQUESTED -> EnumSet.of(RECEIVED, DECLINED, CANCELLED);
            case ACCEPTED -> EnumSet.of(CANCELLED);
            case DECLINED, CANCELLED -> EnumSet.noneOf(ReferralStatus.class);
        };
    }

    @Override
    public boolean canBecome(ReferralStatus next) {
        return next().contains(next);
    }
}
