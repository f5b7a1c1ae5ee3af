package org.botoxclinic.referral.timeline.domain;

import org.botoxclinic.referral.referral.domain.ReferralProgress;

/** What can happen to a referral, as the referring PCP is told (after ONC 360X and HL7 BSeR). */
public enum TimelineType {
    RECEIVED,
    TRIAGED,
    INFO_REQUESTED,
    INFO_PROVIDED,
    ACCEPTED,
    DECLINED,
    CANCELLED,
    AUTHORIZATION_SUBMITTED,
    AUTHORIZATION_APPROVED,
    AUTHORIZATION_DENIED,
    APPOINTMENT_SCHEDULED,
    APPOINTMENT_CANCELLED,
    NO_SHOW,
    TREATMENT_COMPLETED,
    /** A document was attached to the referral (its type, name and SHA-256; never its content). */
    DOCUMENT_ADDED,
    /** After a treatment: what was given and how the patient is doing against the baseline (360X consult note). */
    CONSULT_REPORT;

    /** The entry for progress another service reported. */
    public static TimelineType of(ReferralProgress progress) {
        return switch (progress) {
            case AUTHORIZATION_SUBMITTED -> AUTHORIZATION_SUBMITTED;
            case AUTHORIZATION_APPROVED -> AUTHORIZATION_APPROVED;
            case AUTHORIZATION_DENIED -> AUTHORIZATION_DENIED;
            case APPOINTMENT_SCHEDULED -> APPOINTMENT_SCHEDULED;
            case APPOINTMENT_CANCELLED -> APPOINTMENT_CANCELLED;
            case NO_SHOW -> NO_SHOW;
            case TREATMENT_COMPLETED -> TREATMENT_COMPLETED;
        };
    }
}
