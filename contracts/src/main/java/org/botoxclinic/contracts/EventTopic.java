package org.botoxclinic.contracts;

import java.util.Arrays;
import java.util.Optional;

/**
 * The event topics and the one service that owns each: only the owner publishes there, with its own
 * {@code ce_source}, and a consumer accepts a topic's events from that source alone.
 */
public enum EventTopic {

    REFERRAL_EVENTS("referral-events", "referral-service"),
    AUTHORIZATION_EVENTS("authorization-events", "insurance-service"),
    SCHEDULING_EVENTS("scheduling-events", "scheduling-service");

    private final String topic;
    private final String owner;

    EventTopic(String topic, String owner) {
        this.topic = topic;
        this.owner = owner;
    }

    public String topic() {
        return topic;
    }

    /** The producing service's application name. */
    public String owner() {
        return owner;
    }

    /** The {@code ce_source} the owner's outbox writes on every event. */
    public String source() {
        return "/" + owner;
    }

    public static Optional<EventTopic> named(String topic) {
        return Arrays.stream(values()).filter(t -> t.topic.equals(topic)).findFirst();
    }

    /** The dead-letter topic where a consuming service parks this topic's events it can never apply. */
    public String deadLetterTopicOf(String consumer) {
        return consumer + "." + topic + ".dlq";
    }
}
