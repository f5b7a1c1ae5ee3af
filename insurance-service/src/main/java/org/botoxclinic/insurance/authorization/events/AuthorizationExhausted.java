package org.botoxclinic.insurance.authorization.events;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.botoxclinic.insurance.authorization.domain.AuthorizationCase;

/** Published when the approved visits or units are used up: the next treatment needs a new authorization. */
public record AuthorizationExhausted(UUID referralId,
                                     UUID authorizationId,
                                     String authorizationNumber,
                                     int visitsApproved,
                                     int visitsUsed,
                                     int unitsApproved,
                                     int unitsUsed,
                                     OffsetDateTime exhaustedAt) {

    public static final String TYPE = "AuthorizationExhausted";

    public static AuthorizationExhausted of(AuthorizationCase c, OffsetDateTime exhaustedAt) {
        return new AuthorizationExhausted(c.referralId(), c.id(), c.authorizationNumber(), c.approvedVisits(),
                c.visitsUsed(), c.approvedUnits(), c.unitsUsed(), exhaustedAt);
    }
}
