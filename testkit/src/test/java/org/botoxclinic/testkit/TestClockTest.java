package org.botoxclinic.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class TestClockTest {

    @Test
    void shouldStartAtTheNamedInstantOrAtTenInTheClinicOnTheNamedDate() {
        assertEquals(Instant.parse("2027-07-14T15:00:00Z"), TestClock.start("2027-07-14T15:00:00Z"));
        // 10:00 in New York on a leap day (EST, UTC-5).
        assertEquals(Instant.parse("2028-02-29T15:00:00Z"), TestClock.start("2028-02-29"));
    }

    @Test
    void shouldStartAtTheRealTimeWhenNothingIsNamed() {
        Instant before = Instant.now().minusSeconds(1);
        Instant start = TestClock.start(" ");
        assertTrue(!start.isBefore(before) && !start.isAfter(Instant.now()), start.toString());
    }

    @Test
    void shouldRefuseAStartItCannotRead() {
        assertThrows(RuntimeException.class, () -> TestClock.start("next tuesday"));
    }

    @Test
    void shouldStayWhereTestsPutIt() {
        try {
            TestClock.set(Instant.parse("2030-01-01T00:00:00Z"));
            TestClock.advance(Duration.ofHours(1));
            assertEquals(Instant.parse("2030-01-01T01:00:00Z"), TestClock.CLOCK.instant());
            TestClock.reset();
            assertEquals(TestClock.START, TestClock.CLOCK.instant());
        } finally {
            TestClock.reset();
        }
    }
}
