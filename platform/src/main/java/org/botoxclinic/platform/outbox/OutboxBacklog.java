package org.botoxclinic.platform.outbox;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;

/**
 * The outbox's backlog as the relay last read it, kept for gauges and health without a query per scrape: rows that
 * can go out and the age of the oldest, rows parked, and rows held behind a parked row of their referral.
 */
final class OutboxBacklog {

    private static final Logger LOG = Logger.getLogger(OutboxBacklog.class);

    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong held = new AtomicLong();
    private final AtomicReference<Instant> oldest = new AtomicReference<>();

    void register(MeterRegistry meters) {
        meters.gauge("clinic.outbox.backlog", rows);
        meters.gauge("clinic.outbox.parked", parked);
        meters.gauge("clinic.outbox.held", held);
        meters.gauge("clinic.outbox.oldest.unpublished.age.seconds", this, OutboxBacklog::oldestAgeSeconds);
    }

    void refresh(OutboxRows outbox) {
        try {
            OutboxRows.Backlog now = outbox.backlog();
            rows.set(now.rows());
            oldest.set(now.oldest());
            parked.set(now.parked());
            held.set(now.held());
        } catch (SQLException e) {
            LOG.warnf("Outbox relay cannot read its backlog: %s", e.getMessage());
        }
    }

    long rows() {
        return rows.get();
    }

    long parked() {
        return parked.get();
    }

    long held() {
        return held.get();
    }

    /** Age of the oldest row that could go out, zero when there is none. */
    double oldestAgeSeconds() {
        Instant since = oldest.get();
        return since == null ? 0 : Math.max(0, Duration.between(since, Instant.now()).toMillis() / 1000.0);
    }
}
