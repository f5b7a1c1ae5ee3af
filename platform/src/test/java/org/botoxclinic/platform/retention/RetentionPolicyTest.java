package org.botoxclinic.platform.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.botoxclinic.testkit.TestClock;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

    private static final Duration FLOOR = Duration.ofDays(14);

    @Test
    void shouldAcceptAProcessedEventsRetentionEqualToTheFloor() {
        RetentionPolicy policy = policy(Duration.ofDays(7), FLOOR);
        assertEquals(FLOOR, policy.processedEvents());
    }

    @Test
    void shouldRefuseAProcessedEventsRetentionJustBelowTheFloor() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> policy(Duration.ofDays(7), FLOOR.minusSeconds(1)));
        assertTrue(refused.getMessage().contains("clinic.retention.processed-events"), refused.getMessage());
    }

    @Test
    void shouldRefuseAnOutboxRetentionThatIsNotPositive() {
        assertThrows(IllegalArgumentException.class, () -> policy(Duration.ZERO, FLOOR));
        assertEquals(Duration.ofSeconds(1), policy(Duration.ofSeconds(1), FLOOR).outboxPublished());
    }

    @Test
    void shouldPutTheCutoffsTheirRetentionBeforeNow() {
        Instant now = TestClock.now().toInstant();
        RetentionPolicy policy = new RetentionPolicy(Duration.ofDays(7), Duration.ofDays(30), FLOOR, Duration.ofDays(8),
                Duration.ofDays(31), Duration.ofDays(32));
        assertEquals(now.minus(Duration.ofDays(7)), policy.outboxCutoff(now));
        assertEquals(now.minus(Duration.ofDays(30)), policy.processedEventsCutoff(now));
        assertEquals(now.minus(Duration.ofDays(8)), policy.deadLettersResolvedCutoff(now));
        assertEquals(now.minus(Duration.ofDays(31)), policy.deadLettersUnresolvedCutoff(now));
        assertEquals(now.minus(Duration.ofDays(32)), policy.outboxSkippedCutoff(now));
    }

    @Test
    void shouldRefuseADeadLetterOrSkippedOutboxRetentionThatIsNotPositiveAndAcceptOneSecond() {
        Duration week = Duration.ofDays(7);
        Duration second = Duration.ofSeconds(1);
        for (Duration refused : new Duration[] {Duration.ZERO, second.negated()}) {
            IllegalArgumentException resolved = assertThrows(IllegalArgumentException.class,
                    () -> new RetentionPolicy(week, FLOOR, FLOOR, refused, week, week));
            assertTrue(resolved.getMessage().contains("clinic.retention.dead-letters-resolved"), resolved.getMessage());
            IllegalArgumentException unresolved = assertThrows(IllegalArgumentException.class,
                    () -> new RetentionPolicy(week, FLOOR, FLOOR, week, refused, week));
            assertTrue(unresolved.getMessage().contains("clinic.retention.dead-letters-unresolved"), unresolved.getMessage());
            IllegalArgumentException skipped = assertThrows(IllegalArgumentException.class,
                    () -> new RetentionPolicy(week, FLOOR, FLOOR, week, week, refused));
            assertTrue(skipped.getMessage().contains("clinic.retention.outbox-skipped"), skipped.getMessage());
        }
        RetentionPolicy shortest = new RetentionPolicy(week, FLOOR, FLOOR, second, second, second);
        assertEquals(second, shortest.deadLettersResolved());
        assertEquals(second, shortest.deadLettersUnresolved());
        assertEquals(second, shortest.outboxSkipped());
    }

    private static RetentionPolicy policy(Duration outboxPublished, Duration processedEvents) {
        Duration week = Duration.ofDays(7);
        return new RetentionPolicy(outboxPublished, processedEvents, FLOOR, week, Duration.ofDays(30), Duration.ofDays(30));
    }
}
