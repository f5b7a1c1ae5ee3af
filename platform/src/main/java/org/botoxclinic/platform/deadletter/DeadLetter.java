package org.botoxclinic.platform.deadletter;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.botoxclinic.platform.events.IncomingEvent;

/**
 * A parked event as stored, payload included, for a replay; never returned by the API as it is (PHI). A dead letter
 * parked past the retention's window to replay has its payload erased ({@code payloadErasedAt}) and cannot be replayed.
 */
record DeadLetter(long id, UUID eventId, String topic, String key, String type, String source, String subject,
                  OffsetDateTime time, String payload, String reason, OffsetDateTime firstAttemptAt,
                  OffsetDateTime lastAttemptAt, int attempts, OffsetDateTime replayedAt,
                  OffsetDateTime payloadErasedAt) {

    /** Whether the record carried a CloudEvents envelope the inbox can route; one that did not can never be applied. */
    boolean hasEnvelope() {
        return type != null && payload != null;
    }

    IncomingEvent event() {
        return new IncomingEvent(eventId, type, source, subject, time, topic, key, payload);
    }

    DeadLetterView view() {
        return new DeadLetterView(eventId, type, subject, topic, reason, firstAttemptAt, lastAttemptAt, attempts, replayedAt,
                payloadErasedAt);
    }
}
