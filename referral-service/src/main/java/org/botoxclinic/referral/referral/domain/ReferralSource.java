package org.botoxclinic.referral.referral.domain;

/** Where a referral came from: a partner system over the API, or staff entering a patient's phone call. */
public enum ReferralSource {
    PARTNER, PHONE
}
