package org.botoxclinic.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.botoxclinic.testkit.KafkaProbe;
import org.junit.jupiter.api.Test;

/** Two replicas of a service share one outbox: every row goes out once, and each key keeps its order. */
class OutboxRelayReplicasTest {

    private static final int ROWS = 300;
    private static final int KEYS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldPublishEveryRowOnceAndInCommitOrderPerKeyWithTwoRelays() throws Exception {
        RelayFixture fixture = new RelayFixture();
        OutboxRelay first = fixture.relay(fixture.kafka, Duration.ofMillis(500), Duration.ofSeconds(15), Duration.ofSeconds(60));
        OutboxRelay second = fixture.relay(fixture.kafka, Duration.ofMillis(500), Duration.ofSeconds(15), Duration.ofSeconds(60));
        List<String> keys = new ArrayList<>();
        for (int k = 0; k < KEYS; k++) {
            keys.add(UUID.randomUUID().toString());
        }
        first.startPublishing();
        second.startPublishing();
        try (KafkaProbe probe = new KafkaProbe(fixture.kafka, fixture.topic)) {
            ExecutorService writers = Executors.newFixedThreadPool(KEYS);
            List<Future<?>> writes = new ArrayList<>();
            for (String key : keys) {
                // Each key is written by one writer, as one aggregate is changed by one transaction at a time.
                writes.add(writers.submit(() -> writeRows(fixture, key, ROWS / KEYS, first, second)));
            }
            for (Future<?> write : writes) {
                write.get();
            }
            writers.shutdown();

            // drain() answers everything seen so far; the last second shows whether anything came twice.
            List<ConsumerRecord<String, String>> seen = List.of();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && seen.size() < ROWS) {
                seen = probe.drain(Duration.ofMillis(300));
            }
            seen = probe.drain(Duration.ofSeconds(1));

            assertEquals(ROWS, seen.size(), "each row published exactly once");
            assertEquals(ROWS, seen.stream().map(r -> KafkaProbe.header(r, "ce_id")).distinct().count());
            Map<String, Integer> lastSequence = new HashMap<>();
            for (ConsumerRecord<String, String> record : seen) {
                int n = JSON.readTree(record.value()).get("n").asInt();
                Integer previous = lastSequence.put(record.key(), n);
                assertTrue(previous == null || previous < n, "key " + record.key() + " reordered: " + n + " after " + previous);
            }
            assertEquals(KEYS, lastSequence.size());
        } finally {
            first.stopPublishing();
            second.stopPublishing();
        }
    }

    private static void writeRows(RelayFixture fixture, String key, int count, OutboxRelay first, OutboxRelay second) {
        try (Connection connection = fixture.dataSource.getConnection()) {
            connection.setAutoCommit(false);
            for (int n = 0; n < count; n++) {
                fixture.insert(connection, UUID.randomUUID(), key, "{\"n\":" + n + "}");
                connection.commit();
                (n % 2 == 0 ? first : second).nudge();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
