package org.botoxclinic.referral.timeline.domain;

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
    TREATMENT_COMPLETED
}
