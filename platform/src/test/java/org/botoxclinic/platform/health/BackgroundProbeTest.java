package org.botoxclinic.platform.health;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * When a probe first asks: at once by default (the database, which readiness reads), or after a delay (the broker,
 * whose client's login would compete with the start-up), unless a read asks before then.
 */
class BackgroundProbeTest {

    private static final Duration EVERY = Duration.ofMinutes(5);
    private static final Duration STALE = Duration.ofMinutes(10);
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(5);

    private final AtomicInteger asked = new AtomicInteger();
    private final BackgroundProbe probe = new BackgroundProbe("test", asked::incrementAndGet, EVERY, STALE, ANSWER_WAIT);

    @AfterEach
    void stopProbe() {
        probe.stop();
    }

    @Test
    void shouldAskAtOnceWhenStartedWithoutDelay() {
        probe.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> asked.get() == 1);
    }

    @Test
    void shouldNotAskBeforeTheFirstProbeIsDueWhenNobodyReads() {
        probe.start(Duration.ofMinutes(10));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> asked.get() == 0);
    }

    @Test
    void shouldAskOnTheFirstReadBeforeTheFirstProbeIsDue() {
        probe.start(Duration.ofMinutes(10));
        BackgroundProbe.State state = probe.state();
        assertTrue(state.up(), "the read waits for the probe it started");
        assertEquals(1, asked.get());
    }

    @Test
    void shouldAskOnceTheDelayHasPassedWithoutAnyRead() {
        probe.start(Duration.ofMillis(200));
        await().atMost(Duration.ofSeconds(5)).until(() -> asked.get() == 1);
        assertTrue(stateBetweenProbes().up());
    }

    /** A read after a probe: it starts none, the next not being due for minutes. */
    private BackgroundProbe.State stateBetweenProbes() {
        return probe.state();
    }
}
