package org.botoxclinic.scheduling.plan.domain;

import java.util.EnumSet;
import java.util.Set;

import org.botoxclinic.platform.domain.StatusFlow;

/**
 * Where a patient stands between acceptance and the next treatment. Approvals, their end (denial, expiry,
 * exhaustion), bookings and closed appointments move a plan between every status but the first, in whatever
 * order the events arrive; a cancelled plan stays cancelled, and nothing goes back to awaiting an authorization.
 */
public enum PlanStatus implements StatusFlow<PlanStatus> {
    AWAITING_AUTHORIZATION,
    READY_TO_SCHEDULE,
    SCHEDULED,
    AUTHORIZATION_DENIED,
    AUTHORIZATION_EXPIRED,
    AUTHORIZATION_EXHAUSTED,
    CANCELLED;

    /** An approval in force: the plan may be booked. */
    public static final Set<PlanStatus> BOOKABLE = EnumSet.of(READY_TO_SCHEDULE, SCHEDULED);

    @Override
    public boolean canBecome(PlanStatus next) {
        return this != CANCELLED && next != AWAITING_AUTHORIZATION;
    }
}
