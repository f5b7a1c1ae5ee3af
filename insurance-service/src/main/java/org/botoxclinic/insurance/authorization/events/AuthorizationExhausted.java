package org.botoxclinic.insurance.authorization.events;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.botoxclinic.contracts.EventTypes;
import org.botoxclinic.insurance.authorization.domain.AuthorizationCase;
import org.botoxclinic.platform.events.DomainEvent;

/** Published when the approved visits or units are used up: the next treatment needs a new authorization. */
public record AuthorizationExhausted(UUID referralId,
                                     UUID patientId,
                                     UUID authorizationId,
                                     String authorizationNumber,
                                     int visitsApproved,
                                     int visitsUsed,
                                     int unitsApproved,
                                     int unitsUsed,
                                     OffsetDateTime exhaustedAt) implements DomainEvent {

    public static final String TYPE = EventTypes.AUTHORIZATION_EXHAUSTED;

    public static AuthorizationExhausted of(AuthorizationCase c, OffsetDateTime exhaustedAt) {
        return new AuthorizationExhausted(c.referralId(), c.patientId(), c.id(), c.approval().authorizationNumber(), c.approval().visits(),
                c.usage().visits(), c.approval().units(), c.usage().units(), exhaustedAt);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public OffsetDateTime occurredAt() {
        return exhaustedAt;
    }
}
