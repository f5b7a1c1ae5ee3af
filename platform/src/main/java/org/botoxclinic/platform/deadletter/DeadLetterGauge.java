package org.botoxclinic.platform.deadletter;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.botoxclinic.platform.web.SkipWhenShuttingDown;

/**
 * The gauge {@code clinic.inbox.dead.letters}: events parked and not replayed. Counted from the database now and
 * then (and after a replay) rather than on every scrape, so that a scrape never waits on a database that is away.
 */
@ApplicationScoped
@Startup
public class DeadLetterGauge {

    private static final Logger LOG = Logger.getLogger(DeadLetterGauge.class);

    private final DeadLetters deadLetters;
    private final AtomicLong parked = new AtomicLong();

    public DeadLetterGauge(DeadLetters deadLetters, MeterRegistry meters) {
        this.deadLetters = deadLetters;
        // A restarted application in the same JVM (tests, dev mode) must not keep reading the old instance's value.
        meters.find("clinic.inbox.dead.letters").gauges().forEach(meters::remove);
        Gauge.builder("clinic.inbox.dead.letters", parked, AtomicLong::get)
                .description("Events a consumer parked (GET /api/admin/dead-letters) and nobody replayed yet")
                .register(meters);
    }

    @Scheduled(every = "${clinic.inbox.dead-letter-count-every:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = SkipWhenShuttingDown.class)
    void refresh() {
        try {
            parked.set(deadLetters.parkedCount());
        } catch (RuntimeException e) {
            LOG.debugf("Dead letters not counted this time: %s", e.getClass().getName());
        }
    }

    /** The count as last read. */
    public long parked() {
        return parked.get();
    }
}
