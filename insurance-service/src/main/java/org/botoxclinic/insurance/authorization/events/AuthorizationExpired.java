package org.botoxclinic.insurance.authorization.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.botoxclinic.contracts.EventTypes;
import org.botoxclinic.insurance.authorization.domain.AuthorizationCase;
import org.botoxclinic.platform.events.DomainEvent;

/** Published the day after an approval's last good day: no treatment may be given under it any more. */
public record AuthorizationExpired(UUID referralId,
                                   UUID patientId,
                                   UUID authorizationId,
                                   String authorizationNumber,
                                   LocalDate validTo,
                                   OffsetDateTime expiredAt) implements DomainEvent {

    public static final String TYPE = EventTypes.AUTHORIZATION_EXPIRED;

    public static AuthorizationExpired of(AuthorizationCase c, OffsetDateTime expiredAt) {
        return new AuthorizationExpired(c.referralId(), c.patientId(), c.id(), c.approval().authorizationNumber(), c.validTo(), expiredAt);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public OffsetDateTime occurredAt() {
        return expiredAt;
    }
}
