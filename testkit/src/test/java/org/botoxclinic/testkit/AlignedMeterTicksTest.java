package org.botoxclinic.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.yammer.metrics.core.MetricsRegistry;

class AlignedMeterTicksTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long PERIOD = 5 * SECOND;
    private static final long ORIGIN = 1_000 * SECOND;

    /** A registry of its own per test (no thread until a meter asks for its pool), shut down after it. */
    private final MetricsRegistry registry = new MetricsRegistry();

    @AfterEach
    void shutDownRegistry() {
        registry.shutdown();
    }

    @Test
    void aFirstRunDueOnTheGridKeepsItsDelay() {
        assertEquals(PERIOD, AlignedMeterTicks.alignedDelay(ORIGIN, ORIGIN, PERIOD, PERIOD));
        assertEquals(2 * PERIOD, AlignedMeterTicks.alignedDelay(ORIGIN + 3 * PERIOD, ORIGIN, 2 * PERIOD, PERIOD));
    }

    @Test
    void aFirstRunDueOffTheGridMovesToTheNextGridInstant() {
        // Due at origin + 5 s + 1 ns: one nanosecond past the grid, so it waits almost a whole period more.
        assertEquals(2 * PERIOD - 1, AlignedMeterTicks.alignedDelay(ORIGIN + 1, ORIGIN, PERIOD, PERIOD));
        // Due one nanosecond before the grid: it waits that nanosecond.
        assertEquals(PERIOD + 1, AlignedMeterTicks.alignedDelay(ORIGIN - 1, ORIGIN, PERIOD, PERIOD));
    }

    @Test
    void anAlignedFirstRunIsNeverEarlierThanAskedNorAPeriodLater() {
        for (long now = ORIGIN - 7 * SECOND; now < ORIGIN + 13 * SECOND; now += 123_456_789L) {
            long delay = AlignedMeterTicks.alignedDelay(now, ORIGIN, PERIOD, PERIOD);
            assertTrue(delay >= PERIOD, "not earlier than asked at " + now);
            assertTrue(delay < 2 * PERIOD, "less than one period later at " + now);
            assertEquals(0, Math.floorMod(now + delay - ORIGIN, PERIOD), "on the grid at " + now);
        }
    }

    @Test
    void aNegativeFirstDelayCountsAsNone() {
        assertEquals(0, AlignedMeterTicks.alignedDelay(ORIGIN + PERIOD, ORIGIN, -SECOND, PERIOD));
        assertEquals(SECOND, AlignedMeterTicks.alignedDelay(ORIGIN + 4 * SECOND, ORIGIN, -SECOND, PERIOD));
    }

    @Test
    void tasksScheduledAtDifferentMomentsFallDueTogether() {
        AtomicLong now = new AtomicLong(ORIGIN);
        AlignedMeterTicks.Pool pool = new AlignedMeterTicks.Pool(now::get);
        try {
            now.set(ORIGIN + 1_200_000_000L);
            long firstAt = now.get();
            ScheduledFuture<?> first = pool.scheduleAtFixedRate(() -> { }, 5, 5, TimeUnit.SECONDS);
            long firstDelay = first.getDelay(TimeUnit.NANOSECONDS);
            now.set(ORIGIN + 3_700_000_000L);
            long secondAt = now.get();
            ScheduledFuture<?> second = pool.scheduleAtFixedRate(() -> { }, 5, 5, TimeUnit.SECONDS);
            long secondDelay = second.getDelay(TimeUnit.NANOSECONDS);

            // Unaligned, the two would fall due 2.5 s apart; aligned, both at origin + 10 s, give or take the real
            // time that passed between scheduling and reading the delay (class loading on a cold JVM included).
            long tolerance = TimeUnit.MILLISECONDS.toNanos(100);
            assertEquals(ORIGIN + 2 * PERIOD, firstAt + firstDelay, tolerance);
            assertEquals(ORIGIN + 2 * PERIOD, secondAt + secondDelay, tolerance);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theRegistrysMetersTickOnTheAlignedPoolOnceInstalled() {
        assertTrue(AlignedMeterTicks.install(registry));
        ScheduledExecutorService pool = registry.newScheduledThreadPool(2, AlignedMeterTicks.POOL_NAME);
        AlignedMeterTicks.Pool aligned = assertInstanceOf(AlignedMeterTicks.Pool.class, pool);

        registry.newMeter(AlignedMeterTicksTest.class, "requests", "requests", TimeUnit.SECONDS);

        assertEquals(1, aligned.getQueue().size(), "the meter's tick is scheduled on the aligned pool");
        assertTrue(AlignedMeterTicks.install(registry), "a second install finds the pool in place");
        assertSame(aligned, registry.newScheduledThreadPool(2, AlignedMeterTicks.POOL_NAME));
    }

    @Test
    void aRegistryWhoseMetersAlreadyTickKeepsItsOwnPool() {
        registry.newMeter(AlignedMeterTicksTest.class, "early", "requests", TimeUnit.SECONDS);

        assertFalse(AlignedMeterTicks.install(registry));
        assertFalse(registry.newScheduledThreadPool(2, AlignedMeterTicks.POOL_NAME) instanceof AlignedMeterTicks.Pool);
    }
}
