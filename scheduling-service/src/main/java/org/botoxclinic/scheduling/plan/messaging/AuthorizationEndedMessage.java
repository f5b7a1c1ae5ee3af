package org.botoxclinic.scheduling.plan.messaging;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** This service's reading of AuthorizationDenied, AuthorizationExpired and AuthorizationExhausted: which authorization ended. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuthorizationEndedMessage(UUID referralId, UUID authorizationId) {
}
