package org.botoxclinic.referral.referral.service;

import java.time.OffsetDateTime;

import org.botoxclinic.referral.referral.domain.Indication;
import org.botoxclinic.referral.referral.domain.ReferralStatus;
import org.botoxclinic.referral.triage.TriageOutcome;

/** Filters of the intake work queue; a null filter does not restrict. partnerId restricts a partner to its own. */
public record ReferralQuery(String partnerId, ReferralStatus status, Indication indication, TriageOutcome triage,
                            OffsetDateTime receivedFrom, OffsetDateTime receivedBefore, QueueCursor after, int limit) {
}
