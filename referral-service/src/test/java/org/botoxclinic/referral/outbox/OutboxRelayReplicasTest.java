package org.botoxclinic.referral.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.botoxclinic.platform.outbox.OutboxConfig;
import org.botoxclinic.platform.outbox.OutboxRelay;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.KafkaProbe;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Two replicas of a service share one outbox: every row goes out once, and each key keeps its order. */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class OutboxRelayReplicasTest {

    private static final int ROWS = 300;
    private static final int KEYS = 10;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

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

    @Test
    void shouldPublishEveryRowOnceAndInCommitOrderPerKeyWithTwoRelays() throws Exception {
        String run = UUID.randomUUID().toString();
        List<String> keys = new ArrayList<>();
        for (int k = 0; k < KEYS; k++) {
            keys.add(UUID.randomUUID().toString());
        }
        OutboxRelay replica = new OutboxRelay(dataSource, config, meters, kafka);
        replica.startPublishing();
        try (KafkaProbe probe = new KafkaProbe(kafka, "referral-events")) {
            ExecutorService writers = Executors.newFixedThreadPool(KEYS);
            List<Future<?>> writes = new ArrayList<>();
            for (String key : keys) {
                // Each key is written by one writer, as one aggregate is changed by one transaction at a time.
                writes.add(writers.submit(() -> writeRows(run, key, ROWS / KEYS, replica)));
            }
            for (Future<?> write : writes) {
                write.get();
            }
            writers.shutdown();

            List<ConsumerRecord<String, String>> seen = List.of();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && ours(seen, run).size() < ROWS) {
                seen = probe.drain(Duration.ofMillis(300));
            }
            seen = probe.drain(Duration.ofSeconds(1));
            List<ConsumerRecord<String, String>> published = ours(seen, run);

            assertEquals(ROWS, published.size(), "each row published exactly once");
            assertEquals(ROWS, published.stream().map(r -> KafkaProbe.header(r, "ce_id")).distinct().count());
            Map<String, Integer> lastSequence = new HashMap<>();
            for (ConsumerRecord<String, String> record : published) {
                int n = sequence(record.value());
                Integer previous = lastSequence.put(record.key(), n);
                assertTrue(previous == null || previous < n,
                        "key " + record.key() + " reordered: " + n + " after " + previous);
            }
        } finally {
            replica.stopPublishing();
        }
    }

    private void writeRows(String run, String key, int count, OutboxRelay replica) {
        try (Connection connection = dataSource.getConnection()) {
            for (int n = 0; n < count; n++) {
                connection.setAutoCommit(false);
                try (PreparedStatement insert = connection.prepareStatement("""
                        insert into outbox_event (event_id, topic, event_key, event_type, source, subject, occurred_at, payload)
                        values (?, 'referral-events', ?, 'RelayProbe', '/referral-service', ?, ?, cast(? as jsonb))""")) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, key);
                    insert.setString(3, key);
                    insert.setObject(4, OffsetDateTime.now());
                    insert.setString(5, "{\"run\":\"" + run + "\",\"n\":" + n + "}");
                    insert.executeUpdate();
                }
                connection.commit();
                (n % 2 == 0 ? relay : replica).nudge();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ConsumerRecord<String, String>> ours(List<ConsumerRecord<String, String>> records, String run) {
        return records.stream()
                .filter(r -> "RelayProbe".equals(KafkaProbe.header(r, "ce_type")) && r.value().contains(run))
                .toList();
    }

    private static int sequence(String payload) {
        try {
            return JSON.readTree(payload).get("n").asInt();
        } catch (java.io.IOException e) {
            throw new AssertionError("unreadable payload", e);
        }
    }
}
