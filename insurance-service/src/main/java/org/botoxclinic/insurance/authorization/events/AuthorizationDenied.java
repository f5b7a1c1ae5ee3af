package org.botoxclinic.insurance.authorization.events;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.botoxclinic.contracts.EventTypes;
import org.botoxclinic.insurance.authorization.domain.AuthorizationCase;
import org.botoxclinic.platform.events.DomainEvent;

/** Published when a payer denies a case (or upholds a denial on appeal): nothing may be booked on it. */
public record AuthorizationDenied(UUID referralId,
                                  UUID patientId,
                                  UUID authorizationId,
                                  String denialReason,
                                  OffsetDateTime decidedAt,
                                  boolean appealed) implements DomainEvent {

    public static final String TYPE = EventTypes.AUTHORIZATION_DENIED;

    /** The denial just recorded on the case; {@code settlesAppeal} when it answers an appeal. */
    public static AuthorizationDenied of(AuthorizationCase c, boolean settlesAppeal) {
        return new AuthorizationDenied(c.referralId(), c.patientId(), c.id(), c.decision().denialReason(), c.decidedAt(), settlesAppeal);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public OffsetDateTime occurredAt() {
        return decidedAt;
    }
}
