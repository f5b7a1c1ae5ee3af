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
 * Patient data does not stay in the messaging tables forever: published outbox rows, processed-event records and
 * replayed dead letters past their retention ({@link RetentionConfig}) are deleted; dead letters still parked past
 * the operator's window and skipped outbox rows keep their row but lose their payload. In batches, on the injected
 * clock. Replicas may run it at once; each row is changed by one of them. Counted in
 * {@code clinic_retention_purged_rows_total{table}}: {@code outbox_event}, {@code processed_event}, {@code dead_letter}
 * (rows deleted), {@code dead_letter_payload} and {@code outbox_event_payload} (payloads erased).
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    /** What one run deleted. */
    public record Purged(long outboxRows, long processedEvents, long deadLetters, long deadLetterPayloads,
                         long skippedOutboxPayloads) {

        long total() {
            return outboxRows + processedEvents + deadLetters + deadLetterPayloads + skippedOutboxPayloads;
        }
    }

    private final RetentionPurge purge;
    private final RetentionConfig config;
    private final Clock clock;
    private final Counter outboxPurged;
    private final Counter processedPurged;
    private final Counter deadLettersPurged;
    private final Counter deadLetterPayloadsErased;
    private final Counter skippedPayloadsErased;

    public RetentionJob(DataSource dataSource, RetentionConfig config, Clock clock, MeterRegistry meters) {
        this.purge = new RetentionPurge(dataSource);
        this.config = config;
        this.clock = clock;
        this.outboxPurged = purgedCounter(meters, "outbox_event");
        this.processedPurged = purgedCounter(meters, "processed_event");
        this.deadLettersPurged = purgedCounter(meters, "dead_letter");
        this.deadLetterPayloadsErased = purgedCounter(meters, "dead_letter_payload");
        this.skippedPayloadsErased = purgedCounter(meters, "outbox_event_payload");
    }

    private static Counter purgedCounter(MeterRegistry meters, String table) {
        return Counter.builder("clinic.retention.purged.rows").tag("table", table)
                .description("Rows deleted (or, for table *_payload, payloads erased) because their retention ran out").register(meters);
    }

    /** A setting that would let a redelivered event be applied twice stops the service at start, not later. */
    void onStart(@Observes StartupEvent startup) {
        RetentionPolicy policy = RetentionPolicy.of(config);
        LOG.infof("Retention: published outbox rows %s, processed events %s (at least %s), replayed dead letters %s, "
                        + "payloads of dead letters still parked %s, payloads of skipped outbox rows %s",
                policy.outboxPublished(), policy.processedEvents(), policy.processedEventsFloor(),
                policy.deadLettersResolved(), policy.deadLettersUnresolved(), policy.outboxSkipped());
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
            int batch = config.batchSize();
            Purged purged = new Purged(
                    purge.publishedOutboxBefore(policy.outboxCutoff(now), batch),
                    purge.processedEventsBefore(policy.processedEventsCutoff(now), batch),
                    purge.resolvedDeadLettersBefore(policy.deadLettersResolvedCutoff(now), batch),
                    purge.unresolvedDeadLetterPayloadsBefore(policy.deadLettersUnresolvedCutoff(now), now, batch),
                    purge.skippedOutboxPayloadsBefore(policy.outboxSkippedCutoff(now), batch));
            outboxPurged.increment(purged.outboxRows());
            processedPurged.increment(purged.processedEvents());
            deadLettersPurged.increment(purged.deadLetters());
            deadLetterPayloadsErased.increment(purged.deadLetterPayloads());
            skippedPayloadsErased.increment(purged.skippedOutboxPayloads());
            if (purged.total() > 0) {
                LOG.infof("Retention purge deleted %d published outbox rows, %d processed-event records and %d replayed "
                                + "dead letters; erased the payload of %d dead letters still parked and %d skipped outbox rows",
                        purged.outboxRows(), purged.processedEvents(), purged.deadLetters(), purged.deadLetterPayloads(),
                        purged.skippedOutboxPayloads());
            }
            return purged;
        } catch (SQLException e) {
            throw new IllegalStateException("retention purge failed (SQLState " + e.getSQLState() + ")", e);
        }
    }
}
