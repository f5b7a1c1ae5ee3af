package org.botoxclinic.platform.outbox;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka in commit order, then marks them published: the loop, its pacing
 * and its health. The rows come from {@link OutboxRows} (replicas take turns through an advisory lock, so a row
 * is never published by two relays at once and no key is reordered) and go out through {@link OutboxSender}.
 * A crash between the broker's acknowledgement and the mark re-publishes the row: delivery is at least once,
 * and consumers de-duplicate by ce_id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** How soon to try again when another replica holds the relay lock. */
    private static final Duration CONTENDED_RETRY = Duration.ofMillis(50);
    private static final Duration FAILURE_BACKOFF_MAX = Duration.ofSeconds(5);

    private final OutboxRows rows;
    private final OutboxConfig config;
    private final MeterRegistry meters;
    private final String bootstrapServers;

    private final Semaphore nudges = new Semaphore(0);
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicReference<Instant> oldestUnpublished = new AtomicReference<>();
    private final AtomicReference<Instant> lastCycle = new AtomicReference<>(Instant.now());
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private volatile boolean running;
    private volatile Thread worker;
    private OutboxSender sender;

    public OutboxRelay(DataSource dataSource, OutboxConfig config, MeterRegistry meters,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.rows = new OutboxRows(dataSource);
        this.config = config;
        this.meters = meters;
        this.bootstrapServers = bootstrapServers;
    }

    void onStart(@Observes StartupEvent startup) {
        meters.gauge("clinic.outbox.backlog", backlog);
        meters.gauge("clinic.outbox.oldest.unpublished.age.seconds", this, OutboxRelay::oldestUnpublishedAgeSeconds);
        if (config.relayEnabled()) {
            startPublishing();
        } else {
            LOG.info("Outbox relay disabled on this instance");
        }
    }

    void onStop(@Observes ShutdownEvent shutdown) {
        stopPublishing();
    }

    /** Starts the relay thread; a second relay on the same database (another replica) takes turns with this one. */
    public synchronized void startPublishing() {
        if (running) {
            return;
        }
        sender = new OutboxSender(bootstrapServers, config);
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    public synchronized void stopPublishing() {
        running = false;
        Thread current = worker;
        if (current != null) {
            nudges.release();
            try {
                current.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
        if (sender != null) {
            sender.close();
            sender = null;
        }
    }

    /** Called after a transaction that wrote outbox rows commits: the rows go out now rather than at the next poll. */
    public void nudge() {
        if (nudges.availablePermits() == 0) {
            nudges.release();
        }
    }

    public long backlog() {
        return backlog.get();
    }

    /** Age of the oldest row still waiting, zero when the outbox is drained. */
    public double oldestUnpublishedAgeSeconds() {
        Instant oldest = oldestUnpublished.get();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, Instant.now()).toMillis() / 1000.0);
    }

    /** Readiness: stuck when a row has waited too long, or the relay thread stopped going round. */
    public RelayState state() {
        return RelayState.assess(config.relayEnabled(), running, oldestUnpublishedAgeSeconds(),
                Duration.between(lastCycle.get(), Instant.now()), config.stuckAfter(), config.sendTimeout(),
                backlog.get(), lastError.get());
    }

    private void run() {
        sender.ensureTopic();
        Duration wait = Duration.ZERO;
        while (running) {
            try {
                if (!wait.isZero()) {
                    nudges.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
                }
                nudges.drainPermits();
                if (!running) {
                    break;
                }
                wait = switch (publishAvailable()) {
                    case DRAINED -> config.pollInterval();
                    case CONTENDED -> CONTENDED_RETRY;
                    case FAILED -> backoff(wait);
                };
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                lastError.set(e.getClass().getSimpleName() + ": " + e.getMessage());
                LOG.warnf("Outbox relay cycle failed: %s", e.toString());
                wait = backoff(wait);
            } finally {
                lastCycle.set(Instant.now());
            }
        }
    }

    private Duration backoff(Duration previous) {
        Duration next = previous.isZero() || previous.compareTo(config.pollInterval()) < 0
                ? Duration.ofMillis(200) : previous.multipliedBy(2);
        return next.compareTo(FAILURE_BACKOFF_MAX) > 0 ? FAILURE_BACKOFF_MAX : next;
    }

    private enum Cycle { DRAINED, CONTENDED, FAILED }

    private enum Batch { EMPTY, PARTIAL, FULL, CONTENDED, FAILED }

    /** Publishes batch after batch until the outbox is drained, another replica has the lock, or a send fails. */
    private Cycle publishAvailable() {
        while (running) {
            Batch batch = publishBatch();
            refreshBacklog();
            switch (batch) {
                case FULL -> {
                    continue;
                }
                case CONTENDED -> {
                    return Cycle.CONTENDED;
                }
                case FAILED -> {
                    return Cycle.FAILED;
                }
                default -> {
                    return Cycle.DRAINED;
                }
            }
        }
        return Cycle.DRAINED;
    }

    private Batch publishBatch() {
        try {
            Optional<Batch> batch = rows.withLockedHead(config.lockId(), config.batchSize(), head -> {
                if (head.rows().isEmpty()) {
                    return Batch.EMPTY;
                }
                OutboxSender.Outcome outcome = sender.send(head.rows());
                head.markPublished(outcome.published());
                if (outcome.failed() != null) {
                    head.recordFailure(outcome.failed().seq(), outcome.failure());
                    lastError.set(outcome.failure());
                    LOG.warnf("Outbox relay: event %s (%s) not acknowledged by the broker, will retry: %s",
                            outcome.failed().eventId(), outcome.failed().type(), outcome.failure());
                    return Batch.FAILED;
                }
                lastError.set(null);
                return head.rows().size() == config.batchSize() ? Batch.FULL : Batch.PARTIAL;
            });
            return batch.orElse(Batch.CONTENDED);
        } catch (SQLException e) {
            lastError.set("database: " + e.getMessage());
            LOG.warnf("Outbox relay cannot reach the database: %s", e.getMessage());
            return Batch.FAILED;
        }
    }

    private void refreshBacklog() {
        try {
            OutboxRows.Backlog now = rows.backlog();
            backlog.set(now.rows());
            oldestUnpublished.set(now.oldest());
        } catch (SQLException e) {
            LOG.warnf("Outbox relay cannot read its backlog: %s", e.getMessage());
        }
    }
}
