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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.TimeoutException;
import org.botoxclinic.testkit.KafkaProbe;
import org.junit.jupiter.api.Test;

/**
 * The broker fails some rows in the middle of a batch, transiently, while the rest of the batch is acknowledged
 * (what a partition without a leader does). Two relays take turns. On the real topic every key's events arrive in
 * commit order, none lost and none doubled.
 */
class OutboxRelayMidBatchFailureTest {

    private static final int KEYS = 20;
    private static final int PER_KEY = 10;
    private static final int ROWS = KEYS * PER_KEY;
    private static final int FAILURES_PER_CHOSEN_ROW = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldKeepEveryKeysOrderWhenRowsFailInTheMiddleOfABatch() throws Exception {
        RelayFixture fixture = new RelayFixture();
        Map<String, AtomicInteger> failuresByEvent = new ConcurrentHashMap<>();
        AtomicInteger injected = new AtomicInteger();
        AtomicInteger batchesWithFailure = new AtomicInteger();
        AtomicInteger mixedBatches = new AtomicInteger();
        // Every third row fails twice (alternately "not enough replicas" and a delivery timeout), then goes through.
        java.util.function.UnaryOperator<OutboxSender> faulty = kafka -> new RefusingSender(kafka, row -> {
            if (Math.floorMod(row.eventId().hashCode(), 3) != 0) {
                return null;
            }
            int failed = failuresByEvent.computeIfAbsent(row.eventId(), id -> new AtomicInteger()).get();
            if (failed >= FAILURES_PER_CHOSEN_ROW) {
                return null;
            }
            failuresByEvent.get(row.eventId()).incrementAndGet();
            injected.incrementAndGet();
            return failed % 2 == 0 ? new NotEnoughReplicasException("injected") : new TimeoutException("injected");
        }) {
            @Override
            public List<Sent> send(List<OutboxRow> rows) {
                List<Sent> results = super.send(rows);
                long failedRows = results.stream().filter(sent -> !sent.isAcknowledged()).count();
                if (failedRows > 0) {
                    batchesWithFailure.incrementAndGet();
                    if (failedRows < results.size()) {
                        mixedBatches.incrementAndGet();
                    }
                }
                return results;
            }
        };
        OutboxRelay first = fixture.relay(new SimpleMeterRegistry(), Duration.ofSeconds(60), faulty);
        OutboxRelay second = fixture.relay(new SimpleMeterRegistry(), Duration.ofSeconds(60), faulty);
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
                writes.add(writers.submit(() -> writeRows(fixture, key, first, second)));
            }
            for (Future<?> write : writes) {
                write.get();
            }
            writers.shutdown();

            List<ConsumerRecord<String, String>> seen = List.of();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline && seen.size() < ROWS) {
                seen = probe.drain(Duration.ofMillis(300));
            }
            seen = probe.drain(Duration.ofSeconds(1));

            long distinct = seen.stream().map(r -> KafkaProbe.header(r, "ce_id")).distinct().count();
            Map<String, List<Integer>> orderByKey = new HashMap<>();
            for (ConsumerRecord<String, String> record : seen) {
                orderByKey.computeIfAbsent(record.key(), k -> new ArrayList<>())
                        .add(JSON.readTree(record.value()).get("n").asInt());
            }
            long reordered = orderByKey.values().stream().filter(ns -> !isAscending(ns)).count();
            System.out.printf("relay mid-batch failures: %d rows written over %d keys, %d failures injected into %d "
                            + "batches (%d of them with other rows acknowledged), %d records on the topic, %d distinct, "
                            + "%d lost, %d doubled, %d keys reordered%n",
                    ROWS, KEYS, injected.get(), batchesWithFailure.get(), mixedBatches.get(), seen.size(), distinct,
                    ROWS - distinct, seen.size() - distinct, reordered);

            assertTrue(injected.get() >= ROWS / 6, "the broker failed a good share of the rows: " + injected.get());
            assertTrue(mixedBatches.get() > 0, "some failures were in the middle of a batch that otherwise went out");
            assertEquals(ROWS, distinct, "nothing lost");
            assertEquals(ROWS, seen.size(), "nothing doubled");
            List<Integer> commitOrder = java.util.stream.IntStream.range(0, PER_KEY).boxed().toList();
            for (String key : keys) {
                assertEquals(commitOrder, orderByKey.get(key), "key " + key + " in commit order");
            }
        } finally {
            first.stopPublishing();
            second.stopPublishing();
        }
    }

    private static boolean isAscending(List<Integer> ns) {
        for (int i = 1; i < ns.size(); i++) {
            if (ns.get(i) <= ns.get(i - 1)) {
                return false;
            }
        }
        return true;
    }

    /** One key's events, each committed on its own, as one referral is changed by one transaction at a time. */
    private static void writeRows(RelayFixture fixture, String key, OutboxRelay first, OutboxRelay second) {
        try (Connection connection = fixture.dataSource.getConnection()) {
            connection.setAutoCommit(false);
            for (int n = 0; n < PER_KEY; n++) {
                fixture.insert(connection, UUID.randomUUID(), key, "{\"n\":" + n + "}");
                connection.commit();
                (n % 2 == 0 ? first : second).nudge();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
