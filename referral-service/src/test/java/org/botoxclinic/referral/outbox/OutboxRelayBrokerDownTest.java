package org.botoxclinic.referral.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import org.botoxclinic.platform.outbox.OutboxConfig;
import org.botoxclinic.platform.outbox.OutboxRelay;
import org.botoxclinic.platform.outbox.RelayState;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.KafkaProbe;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** While the broker is unreachable nothing is lost: the row waits, readiness says so, and it goes out once the broker is back. */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class OutboxRelayBrokerDownTest {

    @Inject
    DataSource dataSource;
    @Inject
    OutboxConfig config;
    @Inject
    MeterRegistry meters;
    @Inject
    OutboxRelay relay;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    /** The service's own settings, with short clocks so that the test sees a stuck relay quickly. */
    private OutboxConfig impatient() {
        return new OutboxConfig() {
            public boolean relayEnabled() { return true; }
            public String source() { return config.source(); }
            public List<String> topics() { return List.of(); }
            public int topicPartitions() { return 1; }
            public int batchSize() { return config.batchSize(); }
            public Duration pollInterval() { return Duration.ofMillis(100); }
            public Duration sendTimeout() { return Duration.ofSeconds(1); }
            public Duration stuckAfter() { return Duration.ofSeconds(2); }
            public long lockId() { return config.lockId(); }
        };
    }

    @Test
    void shouldKeepTheEventUntilTheBrokerIsReachableAgain() throws Exception {
        relay.stopPublishing();
        OutboxRelay cutOff = new OutboxRelay(dataSource, impatient(), meters, "127.0.0.1:1");
        try {
            UUID eventId = UUID.randomUUID();
            String key = UUID.randomUUID().toString();
            insert(eventId, key);
            cutOff.startPublishing();
            cutOff.nudge();

            await().atMost(Duration.ofSeconds(20)).until(() -> !cutOff.state().healthy());
            RelayState stuck = cutOff.state();
            assertTrue(stuck.reason().startsWith("oldest unpublished event waiting"), stuck.reason());
            assertTrue(stuck.backlog() >= 1);
            assertFalse(isPublished(eventId));
            cutOff.stopPublishing();

            relay.startPublishing();
            relay.nudge();
            try (KafkaProbe probe = new KafkaProbe(kafka, "referral-events")) {
                probe.await(r -> eventId.toString().equals(KafkaProbe.header(r, "ce_id")), Duration.ofSeconds(20));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> isPublished(eventId));
            await().atMost(Duration.ofSeconds(10)).until(() -> relay.state().healthy());
            assertTrue(attempts(eventId) >= 1, "the failed attempts are recorded on the row");
        } finally {
            cutOff.stopPublishing();
            relay.startPublishing();
        }
    }

    private void insert(UUID eventId, String key) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("""
                     insert into outbox_event (event_id, topic, event_key, event_type, source, subject, occurred_at, payload)
                     values (?, 'referral-events', ?, 'RelayProbe', '/referral-service', ?, ?, cast('{}' as jsonb))""")) {
            insert.setObject(1, eventId);
            insert.setString(2, key);
            insert.setString(3, key);
            insert.setObject(4, OffsetDateTime.now());
            insert.executeUpdate();
        }
    }

    private boolean isPublished(UUID eventId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement("select published_at is not null from outbox_event where event_id = ?")) {
            query.setObject(1, eventId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private int attempts(UUID eventId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement("select attempts from outbox_event where event_id = ?")) {
            query.setObject(1, eventId);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
