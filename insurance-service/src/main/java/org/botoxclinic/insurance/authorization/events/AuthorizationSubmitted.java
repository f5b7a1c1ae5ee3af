package org.botoxclinic.insurance.authorization.events;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.botoxclinic.insurance.authorization.domain.AuthorizationCase;

/** Published when a request goes to the payer, so that the referring practice learns it is under review and by when. */
public record AuthorizationSubmitted(UUID referralId,
                                     UUID authorizationId,
                                     String payerId,
                                     String channel,
                                     boolean expedited,
                                     OffsetDateTime submittedAt,
                                     OffsetDateTime decisionDueAt) {

    public static final String TYPE = "AuthorizationSubmitted";

    public static AuthorizationSubmitted of(AuthorizationCase c) {
        return new AuthorizationSubmitted(c.referralId(), c.id(), c.payerId(), c.submissionChannel().name(),
                Boolean.TRUE.equals(c.expedited()), c.submittedAt(), c.decisionDueAt());
    }
}
