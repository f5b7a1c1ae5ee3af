package org.botoxclinic.platform.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.botoxclinic.testkit.KafkaProbe;
import org.junit.jupiter.api.Test;

/**
 * The relay checks that its topic exists (creating it where the broker lets it) not as it starts, where the admin
 * client's login would compete with the service's start-up, but before the first row it publishes or once
 * {@code topic-check-after} has passed, whichever comes first.
 */
class OutboxRelayTopicCheckTest {

    private static final Duration NO_POLL = Duration.ofMinutes(10);
    private static final Duration WITHIN = Duration.ofSeconds(15);

    @Test
    void shouldCreateItsTopicBeforeTheFirstRowItPublishesThoughTheCheckIsNotDueYet() throws Exception {
        RelayFixture fixture = withoutTopic(Duration.ofMinutes(10));
        OutboxRelay relay = started(fixture);
        try {
            await().atMost(WITHIN).until(relay::listening);
            // Started, listening, nothing to publish and the check not due: no admin client has asked anything.
            assertFalse(topicExists(fixture), "the topic was checked at start");

            UUID eventId = UUID.randomUUID();
            try (Connection connection = fixture.dataSource.getConnection()) {
                fixture.insert(connection, eventId, UUID.randomUUID().toString(), "{\"n\":1}");
            }
            await().atMost(WITHIN).until(() -> fixture.isPublished(eventId));
            assertTrue(topicExists(fixture));
            try (KafkaProbe probe = new KafkaProbe(fixture.kafka, fixture.topic)) {
                probe.await(r -> eventId.toString().equals(KafkaProbe.header(r, "ce_id")), WITHIN);
            }
        } finally {
            relay.stopPublishing();
        }
    }

    @Test
    void shouldCreateItsTopicOnceTheCheckIsDueWithNothingToPublish() throws Exception {
        RelayFixture fixture = withoutTopic(Duration.ofMillis(300));
        OutboxRelay relay = started(fixture);
        try {
            await().atMost(WITHIN).until(() -> topicExists(fixture));
        } finally {
            relay.stopPublishing();
        }
    }

    /** A database and broker where the relay's topic does not exist yet. */
    private static RelayFixture withoutTopic(Duration topicCheckAfter) throws Exception {
        RelayFixture fixture = new RelayFixture(false);
        fixture.topicCheckAfter = topicCheckAfter;
        return fixture;
    }

    /** A listening relay whose safety poll never comes within a test. */
    private static OutboxRelay started(RelayFixture fixture) {
        OutboxRelay relay = fixture.relay(NO_POLL, true);
        relay.startPublishing();
        return relay;
    }

    private static boolean topicExists(RelayFixture fixture) throws Exception {
        try (Admin admin = Admin.create(RelayFixture.asAdmin(fixture.kafka))) {
            return admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(fixture.topic);
        }
    }
}
