package org.botoxclinic.platform.deadletter;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The gauge {@code clinic.inbox.dead.letters}: events parked and not replayed. Counted from the database when the
 * gauge is read (a scrape), at most once per {@code clinic.inbox.dead-letter-count-every}, and after a replay; the
 * count runs on a thread of its own and a scrape waits for it at most half a second, so that a scrape never hangs
 * on a database that is away (it then reads the last count). Nothing is counted while nobody scrapes.
 */
@ApplicationScoped
public class DeadLetterGauge {

    private static final Logger LOG = Logger.getLogger(DeadLetterGauge.class);
    private static final Duration SCRAPE_WAIT = Duration.ofMillis(500);

    private final DeadLetters deadLetters;
    private final long everyNanos;
    private final AtomicLong parked = new AtomicLong();
    private final AtomicBoolean counting = new AtomicBoolean();
    private volatile long lastCountNanos;
    private volatile boolean counted;
    private final ExecutorService counter = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dead-letter-count");
        thread.setDaemon(true);
        return thread;
    });

    public DeadLetterGauge(DeadLetters deadLetters, MeterRegistry meters,
                           @ConfigProperty(name = "clinic.inbox.dead-letter-count-every", defaultValue = "10s") Duration every) {
        this.deadLetters = deadLetters;
        this.everyNanos = every.toNanos();
        // A restarted application in the same JVM (tests, dev mode) must not keep reading the old instance's value.
        meters.find("clinic.inbox.dead.letters").gauges().forEach(meters::remove);
        Gauge.builder("clinic.inbox.dead.letters", this, DeadLetterGauge::onScrape)
                .description("Events a consumer parked (GET /api/admin/dead-letters) and nobody replayed yet")
                .register(meters);
    }

    void stop(@Observes ShutdownEvent stopping) {
        counter.shutdownNow();
    }

    /** Counts now, on the caller's thread (after a replay). */
    void refresh() {
        try {
            parked.set(deadLetters.parkedCount());
            counted = true;
            lastCountNanos = System.nanoTime();
        } catch (RuntimeException e) {
            LOG.debugf("Dead letters not counted this time: %s", e.getClass().getName());
        }
    }

    private double onScrape() {
        if ((!counted || System.nanoTime() - lastCountNanos >= everyNanos) && counting.compareAndSet(false, true)) {
            try {
                Future<?> count = counter.submit(() -> {
                    try {
                        refresh();
                    } finally {
                        counting.set(false);
                    }
                });
                count.get(SCRAPE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                counting.set(false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // Still counting: this scrape reads the last count.
            }
        }
        return parked.get();
    }

    /** The count as last read. */
    public long parked() {
        return parked.get();
    }
}
