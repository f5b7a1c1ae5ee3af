package org.botoxclinic.referral.referral.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Published when intake declines a referral, with the reason the referring PCP is given. */
public record ReferralDeclined(UUID referralId, OffsetDateTime declinedAt, String reason, String partnerId) {

    public static final String TYPE = "ReferralDeclined";
}
