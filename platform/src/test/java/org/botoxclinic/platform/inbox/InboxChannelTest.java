package org.botoxclinic.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

import org.botoxclinic.contracts.EventTopic;
import org.botoxclinic.platform.health.ConsumerPartitions;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

/** The service's one consumer: which topics it reads, that they match its routes, and where it parks each record. */
class InboxChannelTest {

    private static Config config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 500)).build();
    }

    private static ConsumedTopic consumed(EventTopic topic) {
        EventRoutes routes = EventRoutes.builder(topic.topic(), topic.source(), null, built -> { }).build();
        return () -> routes;
    }

    @Test
    void shouldReadEveryTopicOfTheTopicsListTrimmed() {
        Config config = config(Map.of("mp.messaging.incoming.inbox.topics", " referral-events, scheduling-events ,"));
        assertEquals(Set.of("referral-events", "scheduling-events"), ConsumerPartitions.topicsOf(config, "inbox"));
    }

    @Test
    void shouldReadTheSingleTopicOrElseTheChannelName() {
        assertEquals(Set.of("referral-events"), ConsumerPartitions.topicsOf(
                config(Map.of("mp.messaging.incoming.inbox.topic", "referral-events")), "inbox"));
        assertEquals(Set.of("inbox"), ConsumerPartitions.topicsOf(config(Map.of()), "inbox"));
    }

    @Test
    void shouldStartWhenTheSubscriptionNamesExactlyTheRoutedTopics() {
        Config config = config(Map.of("mp.messaging.incoming.inbox.topics", "referral-events,scheduling-events"));
        new InboxChannel(null, List.of(consumed(EventTopic.REFERRAL_EVENTS), consumed(EventTopic.SCHEDULING_EVENTS)),
                config);
    }

    @Test
    void shouldRefuseToStartWhenASubscribedTopicHasNoRoutes() {
        Config config = config(Map.of("mp.messaging.incoming.inbox.topics", "referral-events,scheduling-events"));
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new InboxChannel(null, List.of(consumed(EventTopic.REFERRAL_EVENTS)), config));
        assertTrue(refused.getMessage().contains("[referral-events, scheduling-events]"), refused.getMessage());
    }

    @Test
    void shouldRefuseToStartWhenRoutesHaveNoSubscription() {
        Config config = config(Map.of("mp.messaging.incoming.inbox.topics", "referral-events"));
        assertThrows(IllegalStateException.class, () -> new InboxChannel(null,
                List.of(consumed(EventTopic.REFERRAL_EVENTS), consumed(EventTopic.AUTHORIZATION_EVENTS)), config));
    }

    @Test
    void shouldParkEachRecordOnTheDeadLetterTopicOfItsOwnTopic() {
        InboxFailureStrategy strategy = new InboxFailureStrategy(null, "insurance-service");
        assertEquals("insurance-service.referral-events.dlq", deadLetterTopic(strategy, "referral-events", null));
        assertEquals("insurance-service.scheduling-events.dlq",
                deadLetterTopic(strategy, "scheduling-events", Metadata.of("kept")));
        assertTrue(strategy.toDeadLetterTopicOf("scheduling-events", Metadata.of("kept")).get(String.class).isPresent());
    }

    @Test
    void shouldLeaveTheChannelsOwnDeadLetterTopicForATopicOutsideTheContract() {
        InboxFailureStrategy strategy = new InboxFailureStrategy(null, "insurance-service");
        assertFalse(strategy.toDeadLetterTopicOf("other-events", Metadata.empty())
                .get(OutgoingKafkaRecordMetadata.class).isPresent());
    }

    private static String deadLetterTopic(InboxFailureStrategy strategy, String topic, Metadata metadata) {
        return strategy.toDeadLetterTopicOf(topic, metadata).get(OutgoingKafkaRecordMetadata.class).orElseThrow()
                .getTopic();
    }
}
