package org.botoxclinic.referral.timeline.domain;

import java.util.List;

import org.botoxclinic.referral.referral.domain.ReferralStatus;

/**
 * Where a referral stands from the referring PCP's point of view, derived from its status and what the other
 * services have reported since it was accepted.
 */
public enum ReferralStage {
    IN_TRIAGE,
    AWAITING_INFORMATION,
    DECLINED,
    CANCELLED,
    AWAITING_AUTHORIZATION,
    AUTHORIZED,
    AUTHORIZATION_DENIED,
    SCHEDULED,
    NO_SHOW,
    TREATED;

    /** @param history the referral's timeline types in order */
    public static ReferralStage of(ReferralStatus status, List<TimelineType> history) {
        switch (status) {
            case RECEIVED:
                return IN_TRIAGE;
            case INFO_REQUESTED:
                return AWAITING_INFORMATION;
            case DECLINED:
                return DECLINED;
            case CANCELLED:
                return CANCELLED;
            default:
                break;
        }
        ReferralStage stage = AWAITING_AUTHORIZATION;
        boolean authorized = false;
        for (TimelineType type : history) {
            switch (type) {
                case AUTHORIZATION_SUBMITTED -> {
                    if (stage == AUTHORIZATION_DENIED) {
                        stage = AWAITING_AUTHORIZATION;
                    }
                }
                case AUTHORIZATION_APPROVED -> {
                    authorized = true;
                    stage = AUTHORIZED;
                }
                case AUTHORIZATION_DENIED -> stage = AUTHORIZATION_DENIED;
                case APPOINTMENT_SCHEDULED -> stage = SCHEDULED;
                case APPOINTMENT_CANCELLED -> stage = authorized ? AUTHORIZED : AWAITING_AUTHORIZATION;
                case NO_SHOW -> stage = NO_SHOW;
                case TREATMENT_COMPLETED -> stage = TREATED;
                default -> {
                }
            }
        }
        return stage;
    }
}
