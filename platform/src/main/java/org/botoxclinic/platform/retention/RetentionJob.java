package org.botoxclinic.platform.retention;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.botoxclinic.platform.web.SkipWhenShuttingDown;
import org.jboss.logging.Logger;

/**
 * Patient data does not stay in the messaging tables forever: published outbox rows and processed-event records past
 * their retention ({@link RetentionConfig}) are deleted, in batches, on the injected clock. Replicas may run it at
 * once; each row is deleted by one of them. Counted in {@code clinic_retention_purged_rows_total{table}}.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    /** What one run deleted. */
    public record Purged(long outboxRows, long processedEvents) {
    }

    private final RetentionPurge purge;
    private final RetentionConfig config;
    private final Clock clock;
    private final Counter outboxPurged;
    private final Counter processedPurged;

    public RetentionJob(DataSource dataSource, RetentionConfig config, Clock clock, MeterRegistry meters) {
        this.purge = new RetentionPurge(dataSource);
        this.config = config;
        this.clock = clock;
        this.outboxPurged = purgedCounter(meters, "outbox_event");
        this.processedPurged = purgedCounter(meters, "processed_event");
    }

    private static Counter purgedCounter(MeterRegistry meters, String table) {
        return Counter.builder("clinic.retention.purged.rows").tag("table", table)
                .description("Rows deleted because their retention ran out").register(meters);
    }

    /** A setting that would let a redelivered event be applied twice stops the service at start, not later. */
    void onStart(@Observes StartupEvent startup) {
        RetentionPolicy policy = RetentionPolicy.of(config);
        LOG.infof("Retention: published outbox rows %s, processed events %s (at least %s)", policy.outboxPublished(),
                policy.processedEvents(), policy.processedEventsFloor());
    }

    @Scheduled(every = "${clinic.retention.every:1h}", delayed = "${clinic.retention.first-after:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = SkipWhenShuttingDown.class)
    void run() {
        try {
            purgeNow();
        } catch (RuntimeException e) {
            LOG.warnf("Retention purge failed, next run retries: %s", e.getClass().getName());
        }
    }

    /** Deletes what is past its retention at the clock's current instant. */
    public Purged purgeNow() {
        RetentionPolicy policy = RetentionPolicy.of(config);
        Instant now = clock.instant();
        try {
            long outbox = purge.publishedOutboxBefore(policy.outboxCutoff(now), config.batchSize());
            long processed = purge.processedEventsBefore(policy.processedEventsCutoff(now), config.batchSize());
            outboxPurged.increment(outbox);
            processedPurged.increment(processed);
            if (outbox + processed > 0) {
                LOG.infof("Retention purge deleted %d published outbox rows and %d processed-event records", outbox,
                        processed);
            }
            return new Purged(outbox, processed);
        } catch (SQLException e) {
            throw new IllegalStateException("retention purge failed (SQLState " + e.getSQLState() + ")", e);
        }
    }
}
