package org.botoxclinic.referral.referral.domain;

/**
 * Where a referral stands from the referring PCP's point of view: its status until it is accepted, then what
 * the other services have reported since. The referral keeps it current on each of its own changes and each
 * progress it notes.
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

    /** The stage a status puts a referral in; an accepted referral starts awaiting its authorization. */
    public static ReferralStage of(ReferralStatus status) {
        return switch (status) {
            case RECEIVED -> IN_TRIAGE;
            case INFO_REQUESTED -> AWAITING_INFORMATION;
            case DECLINED -> DECLINED;
            case CANCELLED -> CANCELLED;
            case ACCEPTED -> AWAITING_AUTHORIZATION;
        };
    }

    /**
     * The stage of an accepted referral after a reported progress.
     *
     * @param everAuthorized whether a payer has approved the referral at any time, so that a cancelled appointment
     *                       goes back to {@link #AUTHORIZED} rather than to waiting for one
     */
    public ReferralStage after(ReferralProgress progress, boolean everAuthorized) {
        return switch (progress) {
            case AUTHORIZATION_SUBMITTED -> this == AUTHORIZATION_DENIED ? AWAITING_AUTHORIZATION : this;
            case AUTHORIZATION_APPROVED -> AUTHORIZED;
            case AUTHORIZATION_DENIED -> AUTHORIZATION_DENIED;
            case APPOINTMENT_SCHEDULED -> SCHEDULED;
            case APPOINTMENT_CANCELLED -> everAuthorized ? AUTHORIZED : AWAITING_AUTHORIZATION;
            case NO_SHOW -> NO_SHOW;
            case TREATMENT_COMPLETED -> TREATED;
        };
    }
}
