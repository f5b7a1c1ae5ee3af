package org.botoxclinic.insurance.authorization.messaging;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** This service's reading of ReferralCancelled. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralCancelledMessage(UUID referralId, OffsetDateTime cancelledAt, String reason, String cancelledBy) {

    boolean isComplete() {
        return referralId != null;
    }
}
