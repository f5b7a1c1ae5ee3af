package org.botoxclinic.platform.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An event the broker refused for good, as an administrator sees it (never its payload): what it is, which referral
 * it belongs to (the Kafka key), why it was parked, and how many of that referral's later events wait behind it.
 */
public record ParkedEvent(UUID eventId, String type, String referralId, int attempts, String lastError,
                          OffsetDateTime parkedAt, long eventsWaitingBehind) {
}
