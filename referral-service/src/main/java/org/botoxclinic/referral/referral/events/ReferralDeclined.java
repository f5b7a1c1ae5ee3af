package org.botoxclinic.referral.referral.events;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.botoxclinic.contracts.EventTypes;
import org.botoxclinic.platform.events.DomainEvent;
import org.botoxclinic.referral.referral.domain.Referral;

/** Published when intake declines a referral, with the reason the referring PCP is given. */
public record ReferralDeclined(UUID referralId, OffsetDateTime declinedAt, String reason, String partnerId, UUID patientId)
        implements DomainEvent {

    public static final String TYPE = EventTypes.REFERRAL_DECLINED;

    public static ReferralDeclined of(Referral referral, OffsetDateTime declinedAt) {
        return new ReferralDeclined(referral.id(), declinedAt, referral.decisionReason(), referral.partnerId(),
                referral.patientId());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public OffsetDateTime occurredAt() {
        return declinedAt;
    }
}
