package org.botoxclinic.scheduling.plan.messaging;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.botoxclinic.platform.inbox.IncomingPayload;

/** This service's reading of AuthorizationDenied, AuthorizationExpired and AuthorizationExhausted: which authorization ended. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuthorizationEndedMessage(UUID referralId, UUID authorizationId) implements IncomingPayload {

    @Override
    public boolean isComplete() {
        return referralId != null && authorizationId != null;
    }
}
