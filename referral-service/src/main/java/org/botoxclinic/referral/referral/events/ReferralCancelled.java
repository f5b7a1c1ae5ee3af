package org.botoxclinic.referral.referral.events;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.botoxclinic.contracts.EventTypes;
import org.botoxclinic.platform.events.DomainEvent;
import org.botoxclinic.referral.referral.domain.Referral;

/** Published when a referral is cancelled (the patient withdrew): open authorization cases and appointments end too. */
public record ReferralCancelled(UUID referralId, OffsetDateTime cancelledAt, String reason, String cancelledBy,
                                String partnerId, UUID patientId) implements DomainEvent {

    public static final String TYPE = EventTypes.REFERRAL_CANCELLED;

    /** Who cancelled it: the referring practice itself or the clinic on the patient's word. */
    public enum CancelledBy { PARTNER, CLINIC }

    public static ReferralCancelled of(Referral referral, OffsetDateTime cancelledAt, CancelledBy by) {
        return new ReferralCancelled(referral.id(), cancelledAt, referral.decisionReason(), by.name(), referral.partnerId(),
                referral.patientId());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public OffsetDateTime occurredAt() {
        return cancelledAt;
    }
}
