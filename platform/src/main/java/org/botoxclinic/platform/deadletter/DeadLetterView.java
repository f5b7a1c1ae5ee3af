package org.botoxclinic.platform.deadletter;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A parked event as an operator sees it: ids, why it failed and when; never the payload.
 *
 * @param referralId the event's CloudEvents subject, the referral it concerns
 */
public record DeadLetterView(UUID eventId, String type, String referralId, String topic, String reason,
                             OffsetDateTime firstAttemptAt, OffsetDateTime lastAttemptAt, int attempts,
                             OffsetDateTime replayedAt) {
}
