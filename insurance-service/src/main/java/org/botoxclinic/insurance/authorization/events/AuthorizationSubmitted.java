package org.botoxclinic.insurance.authorization.events;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.botoxclinic.contracts.EventTypes;
import org.botoxclinic.insurance.authorization.domain.AuthorizationCase;
import org.botoxclinic.platform.events.DomainEvent;

/** Published when a request goes to the payer, so that the referring practice learns it is under review and by when. */
public record AuthorizationSubmitted(UUID referralId,
                                     UUID patientId,
                                     UUID authorizationId,
                                     String payerId,
                                     String channel,
                                     boolean expedited,
                                     OffsetDateTime submittedAt,
                                     OffsetDateTime decisionDueAt) implements DomainEvent {

    public static final String TYPE = EventTypes.AUTHORIZATION_SUBMITTED;

    /** The submission just recorded on the case. */
    public static AuthorizationSubmitted of(AuthorizationCase c) {
        return new AuthorizationSubmitted(c.referralId(), c.patientId(), c.id(), c.coverage().payerId(), c.submission().channel().name(),
                c.submission().expedited(), c.submission().submittedAt(), c.decisionDueAt());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public OffsetDateTime occurredAt() {
        return submittedAt;
    }
}
