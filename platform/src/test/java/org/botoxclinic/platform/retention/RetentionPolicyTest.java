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
        RetentionPolicy policy = new RetentionPolicy(Duration.ofDays(7), FLOOR, FLOOR);
        assertEquals(FLOOR, policy.processedEvents());
    }

    @Test
    void shouldRefuseAProcessedEventsRetentionJustBelowTheFloor() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new RetentionPolicy(Duration.ofDays(7), FLOOR.minusSeconds(1), FLOOR));
        assertTrue(refused.getMessage().contains("clinic.retention.processed-events"), refused.getMessage());
    }

    @Test
    void shouldRefuseAnOutboxRetentionThatIsNotPositive() {
        assertThrows(IllegalArgumentException.class, () -> new RetentionPolicy(Duration.ZERO, FLOOR, FLOOR));
        assertEquals(Duration.ofSeconds(1), new RetentionPolicy(Duration.ofSeconds(1), FLOOR, FLOOR).outboxPublished());
    }

    @Test
    void shouldPutTheCutoffsTheirRetentionBeforeNow() {
        Instant now = TestClock.now().toInstant();
        RetentionPolicy policy = new RetentionPolicy(Duration.ofDays(7), Duration.ofDays(30), FLOOR);
        assertEquals(now.minus(Duration.ofDays(7)), policy.outboxCutoff(now));
        assertEquals(now.minus(Duration.ofDays(30)), policy.processedEventsCutoff(now));
    }
}
