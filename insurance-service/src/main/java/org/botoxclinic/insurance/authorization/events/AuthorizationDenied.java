package org.botoxclinic.insurance.authorization.events;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.botoxclinic.insurance.authorization.domain.AuthorizationCase;

/** Published when a payer denies a case (or upholds a denial on appeal): nothing may be booked on it. */
public record AuthorizationDenied(UUID referralId,
                                  UUID authorizationId,
                                  String denialReason,
                                  OffsetDateTime decidedAt,
                                  boolean appealed) {

    public static final String TYPE = "AuthorizationDenied";

    public static AuthorizationDenied of(AuthorizationCase c, boolean settlesAppeal) {
        return new AuthorizationDenied(c.referralId(), c.id(), c.denialReason(), c.decidedAt(), settlesAppeal);
    }
}
