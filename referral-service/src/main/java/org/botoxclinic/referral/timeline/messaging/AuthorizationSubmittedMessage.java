package org.botoxclinic.referral.timeline.messaging;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.botoxclinic.referral.referral.domain.ReferralProgress;

/** The closed loop's reading of AuthorizationSubmitted: the request went to the payer. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuthorizationSubmittedMessage(UUID referralId, String channel, OffsetDateTime submittedAt,
                                            OffsetDateTime decisionDueAt) implements ReportedProgress {

    @Override
    public ReferralProgress progress() {
        return ReferralProgress.AUTHORIZATION_SUBMITTED;
    }

    @Override
    public OffsetDateTime at() {
        return submittedAt;
    }

    @Override
    public String detail() {
        return "Submitted to the payer" + (channel == null ? "" : " by " + channel.toLowerCase(Locale.ROOT))
                + (decisionDueAt == null ? "" : "; decision due by " + decisionDueAt);
    }
}
