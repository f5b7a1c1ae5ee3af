package org.botoxclinic.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** One consumed event: its CloudEvents attributes read from the Kafka headers, and its JSON payload. */
public record IncomingEvent(UUID id, String type, String source, String subject, OffsetDateTime time,
                            String topic, String key, String payload) {

    /** Reads the envelope; a record that does not carry one can never be processed and is rejected as malformed. */
    public static IncomingEvent from(ConsumerRecord<String, String> record) {
        Headers headers = record.headers();
        String id = header(headers, CloudEventHeaders.ID);
        String type = header(headers, CloudEventHeaders.TYPE);
        if (id == null || type == null) {
            throw new MalformedEventException("record at " + record.topic() + "/" + record.partition() + "@" + record.offset()
                    + " has no ce_id or ce_type header");
        }
        UUID eventId;
        try {
            eventId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("ce_id is not a UUID at " + record.topic() + "/" + record.partition() + "@" + record.offset());
        }
        if (record.value() == null) {
            throw new MalformedEventException("event " + eventId + " has no payload");
        }
        String time = header(headers, CloudEventHeaders.TIME);
        return new IncomingEvent(eventId, type, header(headers, CloudEventHeaders.SOURCE),
                header(headers, CloudEventHeaders.SUBJECT), time == null ? null : OffsetDateTime.parse(time),
                record.topic(), record.key(), record.value());
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
