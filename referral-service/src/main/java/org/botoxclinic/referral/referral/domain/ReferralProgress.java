package org.botoxclinic.referral.referral.domain;

/**
 * What the other services report about an accepted referral (its pre-authorization and its appointments), in the
 * referral's own words, so that the referral can keep its stage without knowing where the report came from.
 */
public enum ReferralProgress {
    AUTHORIZATION_SUBMITTED,
    AUTHORIZATION_APPROVED,
    AUTHORIZATION_DENIED,
    APPOINTMENT_SCHEDULED,
    APPOINTMENT_CANCELLED,
    NO_SHOW,
    TREATMENT_COMPLETED
}
