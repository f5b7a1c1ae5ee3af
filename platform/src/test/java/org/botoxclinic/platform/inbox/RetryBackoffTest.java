package org.botoxclinic.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    private final RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(200), Duration.ofSeconds(30));

    @Test
    void shouldDoubleFromTheFirstDelay() {
        assertEquals(Duration.ofMillis(200), backoff.delayAfter(1));
        assertEquals(Duration.ofMillis(400), backoff.delayAfter(2));
        assertEquals(Duration.ofMillis(800), backoff.delayAfter(3));
    }

    @Test
    void shouldNeverWaitLongerThanTheCapHoweverLongItLasts() {
        // 200 ms * 2^7 = 25.6 s, still under the cap; the next doubling would be 51.2 s.
        assertEquals(Duration.ofMillis(25_600), backoff.delayAfter(8));
        assertEquals(Duration.ofSeconds(30), backoff.delayAfter(9));
        assertEquals(Duration.ofSeconds(30), backoff.delayAfter(10_000));
        assertEquals(Duration.ofSeconds(30), backoff.delayAfter(Integer.MAX_VALUE));
    }

    @Test
    void shouldRefuseACapBelowTheFirstDelay() {
        assertThrows(IllegalArgumentException.class, () -> new RetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new RetryBackoff(Duration.ZERO, Duration.ofSeconds(1)));
    }
}
