package org.botoxclinic.scheduling.plan.messaging;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.botoxclinic.platform.inbox.IncomingPayload;

/** This service's reading of ReferralCancelled. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralCancelledMessage(UUID referralId, OffsetDateTime cancelledAt, String reason, String cancelledBy)
        implements IncomingPayload {

    @Override
    public boolean isComplete() {
        return referralId != null;
    }
}
