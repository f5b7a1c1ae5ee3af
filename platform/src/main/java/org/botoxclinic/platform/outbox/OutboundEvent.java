package org.botoxclinic.platform.outbox;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * @deprecated the old way to publish, kept until every service publishes {@link org.botoxclinic.platform.events.DomainEvent}s.
 * An event to publish, as the aggregate that raised it describes it. The referral id is both the Kafka key
 * and the CloudEvents subject, so everything about one patient's referral stays in order.
 */
@Deprecated(forRemoval = true)
public record OutboundEvent(UUID id, String topic, String type, String referralId, OffsetDateTime occurredAt, Object payload) {

    public OutboundEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
    }

    public static OutboundEvent of(String topic, String type, UUID referralId, OffsetDateTime occurredAt, Object payload) {
        return new OutboundEvent(UUID.randomUUID(), topic, type, referralId.toString(), occurredAt, payload);
    }
}
