package org.botoxclinic.platform.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An event a service publishes: a record whose components are its JSON payload, and which knows its own type
 * (a constant of {@code EventTypes}), its key and when it happened. The topic is the publishing service's own
 * ({@code clinic.outbox.topic}), so a use case publishes with one line: {@code outbox.append(event)}.
 *
 * <p>The methods below are not bean getters, so they add nothing to the payload unless the record has a
 * component of the same name.
 */
public interface DomainEvent {

    /** The CloudEvents {@code ce_type}. */
    String type();

    /** The referral the event is about: everything about one referral stays in order on one partition. */
    UUID referralId();

    /**
     * The Kafka key and CloudEvents subject: the referral's id, unless the event is about something else (a patient
     * merge is keyed by the surviving patient).
     */
    default UUID key() {
        return referralId();
    }

    /** The CloudEvents {@code ce_time}: when the change happened in the domain, not when it was published. */
    OffsetDateTime occurredAt();
}
