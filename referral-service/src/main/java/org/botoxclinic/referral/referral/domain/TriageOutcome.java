package org.botoxclinic.referral.referral.domain;

/** The screening result stored with every referral. */
public enum TriageOutcome {
    MEETS_CRITERIA,
    NEEDS_REVIEW,
    DOES_NOT_MEET_CRITERIA
}
