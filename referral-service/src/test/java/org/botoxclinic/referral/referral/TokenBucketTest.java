package org.botoxclinic.referral.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.botoxclinic.referral.referral.domain.TokenBucket;
import org.botoxclinic.testkit.TestClock;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final Instant start = TestClock.START;

    @Test
    void aBurstOfTheCapacityThenOneMoreEachInterval() {
        TokenBucket bucket = new TokenBucket(4, Duration.ofMinutes(1), start);
        for (int i = 0; i < 4; i++) {
            assertEquals(Optional.empty(), bucket.take(start), "request " + (i + 1));
        }

        assertEquals(Optional.of(Duration.ofSeconds(15)), bucket.take(start));
        assertTrue(bucket.take(start.plusSeconds(15).minusMillis(1)).isPresent(), "a moment too early");
        assertEquals(Optional.empty(), bucket.take(start.plusSeconds(15)));
        assertEquals(Optional.of(Duration.ofSeconds(15)), bucket.take(start.plusSeconds(15)));
    }

    @Test
    void aRefusedRequestTakesNothing() {
        TokenBucket bucket = new TokenBucket(1, Duration.ofMinutes(1), start);
        bucket.take(start);
        for (int i = 0; i < 10; i++) {
            bucket.take(start.plusSeconds(i));
        }

        assertEquals(Optional.empty(), bucket.take(start.plusSeconds(60)));
    }

    @Test
    void fullAgainAfterThePeriod() {
        TokenBucket bucket = new TokenBucket(3, Duration.ofMinutes(1), start);
        for (int i = 0; i < 3; i++) {
            bucket.take(start);
        }

        assertFalse(bucket.isFull(start.plusSeconds(59)));
        assertTrue(bucket.isFull(start.plusSeconds(60)));
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), bucket.take(start.plusSeconds(60)));
        }
        assertTrue(bucket.take(start.plusSeconds(60)).isPresent());
    }
}
