package org.botoxclinic.referral.triage;

/** The screening result stored with every referral. */
public enum TriageOutcome {
    MEETS_CRITERIA,
    NEEDS_REVIEW,
    DOES_NOT_MEET_CRITERIA
}
