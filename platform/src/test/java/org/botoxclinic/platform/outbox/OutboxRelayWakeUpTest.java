package org.botoxclinic.platform.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;

import org.botoxclinic.testkit.KafkaProbe;
import org.junit.jupiter.api.Test;

/**
 * The relay sleeps until there is work: a commit by anyone (here a plain JDBC transaction, which nudges no relay
 * in this JVM) wakes it through PostgreSQL NOTIFY long before its safety poll; a row whose notification nobody
 * heard is still published, by the poll when nobody listens and by the sweep the listener makes when it reconnects.
 */
class OutboxRelayWakeUpTest {

    /** Far longer than any wait below: a row published within the waits was not found by the poll. */
    private static final Duration NO_POLL = Duration.ofMinutes(10);
    private static final Duration WITHIN = Duration.ofSeconds(10);

    @Test
    void shouldPublishACommittedRowWhenNotifiedWithoutWaitingForThePoll() throws Exception {
        RelayFixture fixture = new RelayFixture();
        OutboxRelay relay = fixture.relay(NO_POLL, true);
        relay.startPublishing();
        try (KafkaProbe probe = new KafkaProbe(fixture.kafka, fixture.topic)) {
            await().atMost(WITHIN).until(relay::listening);
            for (int n = 0; n < 3; n++) {
                UUID eventId = commitRow(fixture);
                probe.await(r -> eventId.toString().equals(KafkaProbe.header(r, "ce_id")), WITHIN);
                await().atMost(WITHIN).until(() -> fixture.isPublished(eventId));
            }
        } finally {
            relay.stopPublishing();
        }
    }

    @Test
    void shouldPublishARowNobodyWasToldAboutAtTheNextPoll() throws Exception {
        RelayFixture fixture = new RelayFixture();
        OutboxRelay relay = fixture.relay(Duration.ofSeconds(1), false);
        relay.startPublishing();
        try (KafkaProbe probe = new KafkaProbe(fixture.kafka, fixture.topic)) {
            assertFalse(relay.listening());
            UUID eventId = commitRow(fixture);
            probe.await(r -> eventId.toString().equals(KafkaProbe.header(r, "ce_id")), WITHIN);
            await().atMost(WITHIN).until(() -> fixture.isPublished(eventId));
        } finally {
            relay.stopPublishing();
        }
    }

    @Test
    void shouldSweepWhatWasCommittedWhileTheListenerWasAwayOnceItIsBack() throws Exception {
        RelayFixture fixture = new RelayFixture();
        OutboxRelay relay = fixture.relay(NO_POLL, true);
        relay.startPublishing();
        try (KafkaProbe probe = new KafkaProbe(fixture.kafka, fixture.topic)) {
            await().atMost(WITHIN).until(relay::listening);
            relay.dropListenerConnection();
            // Committed while the listener is down (it waits before reconnecting): its notification reaches nobody.
            UUID missed = commitRow(fixture);
            probe.await(r -> missed.toString().equals(KafkaProbe.header(r, "ce_id")), WITHIN);
            await().atMost(WITHIN).until(() -> fixture.isPublished(missed));
            await().atMost(WITHIN).until(relay::listening);
            UUID heard = commitRow(fixture);
            probe.await(r -> heard.toString().equals(KafkaProbe.header(r, "ce_id")), WITHIN);
        } finally {
            relay.stopPublishing();
        }
    }

    private static UUID commitRow(RelayFixture fixture) throws Exception {
        UUID eventId = UUID.randomUUID();
        try (Connection connection = fixture.dataSource.getConnection()) {
            fixture.insert(connection, eventId, UUID.randomUUID().toString(), "{\"n\":1}");
        }
        return eventId;
    }
}
