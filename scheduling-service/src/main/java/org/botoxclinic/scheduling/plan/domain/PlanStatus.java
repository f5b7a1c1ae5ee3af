package org.botoxclinic.scheduling.plan.domain;

/** Where a patient stands between acceptance and the next treatment. */
public enum PlanStatus {
    AWAITING_AUTHORIZATION,
    READY_TO_SCHEDULE,
    SCHEDULED,
    AUTHORIZATION_DENIED,
    AUTHORIZATION_EXPIRED,
    AUTHORIZATION_EXHAUSTED,
    CANCELLED
}
