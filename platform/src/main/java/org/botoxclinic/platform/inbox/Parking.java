package org.botoxclinic.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.botoxclinic.platform.events.CloudEventHeaders;
import org.botoxclinic.platform.events.IncomingEvent;

/** Where the inbox puts an event it gives up on, so that an operator can see it and replay it. */
public interface Parking {

    /** Stores the event in its own transaction; a second parking of the same event adds to its attempts. */
    void park(ParkedEvent event);

    /**
     * An event given up on, with the record it came in (the payload is PHI: kept for a replay, never listed or logged).
     * A record without a readable envelope keeps what headers it has; without a usable ce_id, its id is derived from
     * its topic, partition and offset, so that it can still be listed and looked up.
     */
    record ParkedEvent(UUID eventId, String topic, int partition, long offset, String key, String type, String source,
                       String subject, OffsetDateTime time, String payload, String reason,
                       OffsetDateTime firstAttemptAt, OffsetDateTime lastAttemptAt, int attempts) {

        public static ParkedEvent of(ConsumerRecord<String, String> record, IncomingEvent event, String reason,
                                     OffsetDateTime firstAttemptAt, OffsetDateTime lastAttemptAt, int attempts) {
            if (event != null) {
                return new ParkedEvent(event.id(), record.topic(), record.partition(), record.offset(), record.key(),
                        event.type(), event.source(), event.subject(), event.time(), event.payload(), reason,
                        firstAttemptAt, lastAttemptAt, attempts);
            }
            return new ParkedEvent(idOf(record), record.topic(), record.partition(), record.offset(), record.key(),
                    header(record, CloudEventHeaders.TYPE), header(record, CloudEventHeaders.SOURCE),
                    header(record, CloudEventHeaders.SUBJECT), timeOf(record), record.value(), reason,
                    firstAttemptAt, lastAttemptAt, attempts);
        }

        private static UUID idOf(ConsumerRecord<String, String> record) {
            String id = header(record, CloudEventHeaders.ID);
            try {
                return UUID.fromString(id);
            } catch (RuntimeException e) {
                String position = record.topic() + "/" + record.partition() + "@" + record.offset();
                return UUID.nameUUIDFromBytes(position.getBytes(StandardCharsets.UTF_8));
            }
        }

        private static OffsetDateTime timeOf(ConsumerRecord<String, String> record) {
            String time = header(record, CloudEventHeaders.TIME);
            try {
                return time == null ? null : OffsetDateTime.parse(time);
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        private static String header(ConsumerRecord<String, String> record, String name) {
            Header header = record.headers().lastHeader(name);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    }
}
