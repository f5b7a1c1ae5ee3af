package org.botoxclinic.referral.timeline.messaging;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.botoxclinic.referral.referral.domain.ReferralProgress;

/** The closed loop's reading of AuthorizationDenied. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuthorizationDeniedMessage(UUID referralId, String denialReason, OffsetDateTime decidedAt)
        implements ReportedProgress {

    @Override
    public ReferralProgress progress() {
        return ReferralProgress.AUTHORIZATION_DENIED;
    }

    @Override
    public OffsetDateTime at() {
        return decidedAt;
    }

    @Override
    public String detail() {
        return "Denied by the payer: " + denialReason;
    }
}
