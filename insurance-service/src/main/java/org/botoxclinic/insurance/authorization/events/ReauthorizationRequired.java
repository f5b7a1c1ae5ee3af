package org.botoxclinic.insurance.authorization.events;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.botoxclinic.contracts.EventTypes;
import org.botoxclinic.insurance.authorization.domain.AuthorizationCase;
import org.botoxclinic.insurance.authorization.domain.ReauthorizationReason;
import org.botoxclinic.platform.events.DomainEvent;

/** Published when a reauthorization case opens, so that the treating team documents benefit before the next visit. */
public record ReauthorizationRequired(UUID referralId,
                                      UUID patientId,
                                      UUID previousAuthorizationId,
                                      UUID authorizationId,
                                      String reason,
                                      OffsetDateTime requiredAt) implements DomainEvent {

    public static final String TYPE = EventTypes.REAUTHORIZATION_REQUIRED;

    /** The case {@code next} opened to follow {@code previous}. */
    public static ReauthorizationRequired of(AuthorizationCase previous, AuthorizationCase next,
                                             ReauthorizationReason reason, OffsetDateTime requiredAt) {
        return new ReauthorizationRequired(previous.referralId(), next.patientId(), previous.id(), next.id(), reason.name(), requiredAt);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public OffsetDateTime occurredAt() {
        return requiredAt;
    }
}
