package org.botoxclinic.referral.referral.domain;

import java.time.OffsetDateTime;

/** Filters of the intake work queue; a null filter does not restrict. partnerId restricts a partner to its own. */
public record ReferralQuery(String partnerId, ReferralStatus status, Indication indication, TriageOutcome triage,
                            OffsetDateTime receivedFrom, OffsetDateTime receivedBefore) {
}
