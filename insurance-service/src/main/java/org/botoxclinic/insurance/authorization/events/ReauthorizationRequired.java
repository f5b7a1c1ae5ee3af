package org.botoxclinic.insurance.authorization.events;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.botoxclinic.insurance.authorization.domain.AuthorizationCase;
import org.botoxclinic.insurance.authorization.domain.ReauthorizationReason;

/** Published when a reauthorization case opens, so that the treating team documents benefit before the next visit. */
public record ReauthorizationRequired(UUID referralId,
                                      UUID previousAuthorizationId,
                                      UUID authorizationId,
                                      String reason,
                                      OffsetDateTime requiredAt) {

    public static final String TYPE = "ReauthorizationRequired";

    public static ReauthorizationRequired of(AuthorizationCase previous, AuthorizationCase next,
                                             ReauthorizationReason reason, OffsetDateTime requiredAt) {
        return new ReauthorizationRequired(previous.referralId(), previous.id(), next.id(), reason.name(), requiredAt);
    }
}
