package org.botoxclinic.referral.referral.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Published when a referral is cancelled (the patient withdrew): open authorization cases and appointments end too. */
public record ReferralCancelled(UUID referralId, OffsetDateTime cancelledAt, String reason, String cancelledBy,
                                String partnerId) {

    public static final String TYPE = "ReferralCancelled";
}
