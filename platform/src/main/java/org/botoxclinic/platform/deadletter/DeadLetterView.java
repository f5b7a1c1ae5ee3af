package org.botoxclinic.platform.deadletter;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A parked event as an operator sees it: ids, why it failed and when; never the payload.
 *
 * @param referralId      the event's CloudEvents subject, the referral it concerns
 * @param payloadErasedAt when the retention erased its payload, having been parked past the window to replay
 *                        (clinic.retention.dead-letters-unresolved); it can no longer be replayed. Null while kept.
 */
public record DeadLetterView(UUID eventId, String type, String referralId, String topic, String reason,
                             OffsetDateTime firstAttemptAt, OffsetDateTime lastAttemptAt, int attempts,
                             OffsetDateTime replayedAt, OffsetDateTime payloadErasedAt) {
}
