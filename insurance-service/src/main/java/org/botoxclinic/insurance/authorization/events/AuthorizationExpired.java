package org.botoxclinic.insurance.authorization.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.botoxclinic.insurance.authorization.domain.AuthorizationCase;

/** Published the day after an approval's last good day: no treatment may be given under it any more. */
public record AuthorizationExpired(UUID referralId,
                                   UUID authorizationId,
                                   String authorizationNumber,
                                   LocalDate validTo,
                                   OffsetDateTime expiredAt) {

    public static final String TYPE = "AuthorizationExpired";

    public static AuthorizationExpired of(AuthorizationCase c, OffsetDateTime expiredAt) {
        return new AuthorizationExpired(c.referralId(), c.id(), c.authorizationNumber(), c.validTo(), expiredAt);
    }
}
