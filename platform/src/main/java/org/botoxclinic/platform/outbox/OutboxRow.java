package org.botoxclinic.platform.outbox;

import java.time.OffsetDateTime;

/** One committed, not yet published outbox row, in commit order ({@code seq}). */
record OutboxRow(long seq, String eventId, String topic, String key, String type, String source, String subject,
                 OffsetDateTime occurredAt, String payload) {
}
