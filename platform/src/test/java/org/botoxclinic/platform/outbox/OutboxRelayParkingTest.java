package org.botoxclinic.platform.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.botoxclinic.testkit.KafkaProbe;
import org.junit.jupiter.api.Test;

/**
 * Rows the broker refuses for good are parked: other referrals' events flow, the parked referral's later events wait
 * behind it (never overtake it), and an administrator's retry or skip lets that referral move on, in order.
 */
class OutboxRelayParkingTest {

    /** Over the producer's 1 MB request limit: the real producer refuses it with RecordTooLargeException. */
    private static final String OVERSIZED = "{\"n\":1,\"pad\":\"" + "x".repeat(1_200_000) + "\"}";

    @Test
    void shouldParkRefusedRowsLetOtherReferralsFlowAndReleaseTheirReferralOnRetryOrSkip() throws Exception {
        RelayFixture fixture = new RelayFixture();
        String tooLarge = UUID.randomUUID().toString();   // refused by the real producer: later skipped
        String denied = UUID.randomUUID().toString();     // refused by the broker's ACL until an operator fixes it: retried
        String flaky = UUID.randomUUID().toString();      // an unexpected error on every attempt: parked after N
        List<String> healthy = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        Map<String, List<UUID>> events = new LinkedHashMap<>();
        AtomicBoolean aclMissing = new AtomicBoolean(true);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        OutboxRelay relay = fixture.relay(meters, Duration.ofSeconds(1), kafka -> new RefusingSender(kafka, row -> {
            if (row.key().equals(denied) && row.payload().contains("\"n\": 1") && aclMissing.get()) {
                return new TopicAuthorizationException(Set.of(row.topic()));
            }
            return row.key().equals(flaky) && row.payload().contains("\"n\": 1") ? new KafkaException("injected") : null;
        }));
        try (Connection connection = fixture.dataSource.getConnection()) {
            for (int n = 0; n < 4; n++) {
                for (String key : List.of(tooLarge, denied, flaky, healthy.get(0), healthy.get(1))) {
                    UUID id = UUID.randomUUID();
                    fixture.insert(connection, id, key, key.equals(tooLarge) && n == 1 ? OVERSIZED : "{\"n\":" + n + "}");
                    events.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
                }
            }
        }
        UUID oversized = events.get(tooLarge).get(1);
        UUID refused = events.get(denied).get(1);
        UUID unexpected = events.get(flaky).get(1);

        try (KafkaProbe probe = new KafkaProbe(fixture.kafka, fixture.topic)) {
            relay.onStart(null);
            await().atMost(Duration.ofSeconds(30)).until(() -> relay.parked() == 3 && relay.state().held() == 6);
            List<ConsumerRecord<String, String>> seen = probe.drain(Duration.ofSeconds(2));
            Map<String, List<Integer>> order = order(seen);
            System.out.printf("relay parking: %d records on the topic, parked %d, held behind them %d, per key %s%n",
                    seen.size(), relay.parked(), relay.state().held(), order);

            assertEquals(List.of(0, 1, 2, 3), order.get(healthy.get(0)), "other referrals flow");
            assertEquals(List.of(0, 1, 2, 3), order.get(healthy.get(1)));
            for (String key : List.of(tooLarge, denied, flaky)) {
                assertEquals(List.of(0), order.get(key), "nothing of " + key + " overtakes its parked event");
            }
            assertEquals(1, fixture.attempts(oversized), "refused for good: parked at the first refusal");
            assertEquals(1, fixture.attempts(refused));
            assertEquals(RelayFixture.PARK_AFTER_ATTEMPTS, fixture.attempts(unexpected),
                    "an unexpected error parks after the configured attempts, not before");
            assertEquals(3.0, meters.get("clinic.outbox.parked").gauge().value());
            assertEquals(6.0, meters.get("clinic.outbox.held").gauge().value());
            // Held rows grow older than stuck-after (1 s): the relay stays healthy, but needs attention.
            await().pollDelay(Duration.ofMillis(1100)).atMost(Duration.ofSeconds(5)).until(() -> relay.state().needsAttention());
            RelayState state = relay.state();
            assertTrue(state.healthy(), state.reason());
            assertTrue(state.needsAttention());

            List<ParkedRows.Parked> parked = fixture.admin(c -> ParkedRows.list(c, 0, 10));
            assertEquals(List.of(oversized, refused, unexpected), parked.stream().map(p -> p.event().eventId()).toList());
            ParkedEvent first = parked.get(0).event();
            assertEquals(tooLarge, first.referralId());
            assertEquals("RelayProbe", first.type());
            assertEquals(2, first.eventsWaitingBehind());
            assertTrue(first.lastError().contains("RecordTooLargeException"), first.lastError());
            assertTrue(first.parkedAt() != null);
            assertEquals(List.of(refused), fixture.admin(c -> ParkedRows.list(c, parked.get(0).seq(), 1))
                    .stream().map(p -> p.event().eventId()).toList(), "the list pages by its cursor");

            // The operator grants the ACL and retries: the event goes out, then its referral's later events, in order.
            aclMissing.set(false);
            assertTrue(fixture.admin(c -> ParkedRows.retry(c, refused)).changed());
            // The oversized event can never go out: skipped, its referral's later events follow.
            assertTrue(fixture.admin(c -> ParkedRows.skip(c, oversized, OffsetDateTime.now())).changed());
            relay.nudge();
            await().atMost(Duration.ofSeconds(20)).until(() -> fixture.isPublished(events.get(denied).get(3))
                    && fixture.isPublished(events.get(tooLarge).get(3)));
            seen = probe.drain(Duration.ofSeconds(1));
            order = order(seen);
            System.out.printf("relay parking after retry and skip: %d records on the topic, parked %d, per key %s%n",
                    seen.size(), relay.parked(), order);
            assertEquals(List.of(0, 1, 2, 3), order.get(denied), "retried: in commit order");
            assertEquals(List.of(0, 2, 3), order.get(tooLarge), "skipped: never published, the rest in order");
            assertEquals(List.of(0), order.get(flaky), "still parked, still holding its referral back");
            assertEquals(seen.size(), seen.stream().map(r -> KafkaProbe.header(r, "ce_id")).distinct().count(), "none doubled");
            assertFalse(fixture.isPublished(oversized));
            await().atMost(Duration.ofSeconds(5)).until(() -> relay.parked() == 1);

            ParkedRows.Change again = fixture.admin(c -> ParkedRows.skip(c, oversized, OffsetDateTime.now()));
            assertFalse(again.changed());
            assertEquals(ParkedRows.Status.SKIPPED, again.status(), "a skipped event is no longer parked");
            assertEquals(ParkedRows.Status.PUBLISHED, fixture.admin(c -> ParkedRows.retry(c, refused)).status());
            assertNull(fixture.admin(c -> ParkedRows.retry(c, UUID.randomUUID())).status(), "unknown event");
        } finally {
            relay.stopPublishing();
        }
    }

    private static Map<String, List<Integer>> order(List<ConsumerRecord<String, String>> seen) {
        Map<String, List<Integer>> order = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : seen) {
            int n = Integer.parseInt(record.value().replaceAll("(?s).*\"n\": ?(\\d+).*", "$1"));
            order.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(n);
        }
        return order;
    }
}
