package org.botoxclinic.platform.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;

import org.botoxclinic.testkit.KafkaProbe;
import org.junit.jupiter.api.Test;

/**
 * While the broker is unreachable nothing is lost and nothing is parked: the row waits, the relay's health says so,
 * and it goes out once the broker is back.
 */
class OutboxRelayBrokerDownTest {

    @Test
    void shouldKeepTheEventUntilTheBrokerIsReachableAgain() throws Exception {
        RelayFixture fixture = new RelayFixture();
        OutboxRelay cutOff = fixture.relay("127.0.0.1:1", Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(2));
        OutboxRelay reconnected = fixture.relay(fixture.kafka, Duration.ofMillis(100), Duration.ofSeconds(15), Duration.ofSeconds(60));
        UUID eventId = UUID.randomUUID();
        try {
            try (Connection connection = fixture.dataSource.getConnection()) {
                fixture.insert(connection, eventId, UUID.randomUUID().toString(), "{}");
            }
            cutOff.startPublishing();
            cutOff.nudge();

            // Unhealthy for the waiting event (the loop may first report a stall while its first topic lookup times out).
            await().atMost(Duration.ofSeconds(20)).until(() -> !cutOff.state().healthy()
                    && cutOff.state().reason().startsWith("oldest unpublished event waiting"));
            RelayState stuck = cutOff.state();
            assertTrue(stuck.reason().startsWith("oldest unpublished event waiting"), stuck.reason());
            assertTrue(stuck.backlog() >= 1);
            assertFalse(fixture.isPublished(eventId));
            // However long the outage lasts, a transient fault never parks the row.
            await().atMost(Duration.ofSeconds(30)).until(() -> fixture.attempts(eventId) > RelayFixture.PARK_AFTER_ATTEMPTS);
            assertFalse(fixture.isParked(eventId), "an outage never parks an event");
            assertEquals(0, cutOff.parked());
            System.out.printf("relay broker down: %d failed attempts, parked %b%n", fixture.attempts(eventId),
                    fixture.isParked(eventId));
            cutOff.stopPublishing();

            try (KafkaProbe probe = new KafkaProbe(fixture.kafka, fixture.topic)) {
                reconnected.startPublishing();
                reconnected.nudge();
                probe.await(r -> eventId.toString().equals(KafkaProbe.header(r, "ce_id")), Duration.ofSeconds(20));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> fixture.isPublished(eventId));
            await().atMost(Duration.ofSeconds(10)).until(() -> reconnected.state().healthy());
            assertTrue(fixture.attempts(eventId) >= 1, "the failed attempts are recorded on the row");
        } finally {
            cutOff.stopPublishing();
            reconnected.stopPublishing();
        }
    }
}
