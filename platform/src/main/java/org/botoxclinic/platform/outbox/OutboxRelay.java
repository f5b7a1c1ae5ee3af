package org.botoxclinic.platform.outbox;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka, each key's rows in commit order, then marks them published: the loop,
 * its pacing and its health. Each batch holds the oldest pending row of up to {@code batch-size} keys (from
 * {@link OutboxRows}; replicas take turns through an advisory lock), goes out through {@link OutboxSender}, and is
 * settled row by row before the next: an acknowledged row is marked, a failed one stays its key's next row, so no
 * key's later event is ever in flight behind an unacknowledged one. A row the broker refuses for good is parked
 * and holds back only its own key. A crash between the broker's acknowledgement and the mark re-publishes the row:
 * delivery is at least once, and consumers de-duplicate by ce_id.
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
    private final Map<String, Object> kafka;
    private final UnaryOperator<OutboxSender> senders;

    private final Semaphore nudges = new Semaphore(0);
    private final OutboxBacklog backlog = new OutboxBacklog();
    private final AtomicReference<Instant> lastCycle = new AtomicReference<>(Instant.now());
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private volatile boolean running;
    private volatile Thread worker;
    private volatile OutboxSender sender;

    @Inject
    public OutboxRelay(DataSource dataSource, OutboxConfig config, MeterRegistry meters, Clock clock,
                       @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this(dataSource, config, meters, clock, kafka, UnaryOperator.identity());
    }

    /** With {@code senders} wrapping each Kafka sender the relay builds, e.g. a test's sender that fails chosen rows. */
    OutboxRelay(DataSource dataSource, OutboxConfig config, MeterRegistry meters, Clock clock, Map<String, Object> kafka,
                UnaryOperator<OutboxSender> senders) {
        this.rows = new OutboxRows(dataSource, clock);
        this.config = config;
        this.meters = meters;
        this.kafka = Map.copyOf(kafka);
        this.senders = senders;
    }

    void onStart(@Observes StartupEvent startup) {
        backlog.register(meters);
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
        sender = newSender();
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
        return backlog.rows();
    }

    /** Age of the oldest row that could go out, zero when there is none (parked rows are counted apart). */
    public double oldestUnpublishedAgeSeconds() {
        return backlog.oldestAgeSeconds();
    }

    /** Events parked because the broker refused them for good; each holds back its referral's later events. */
    public long parked() {
        return backlog.parked();
    }

    /**
     * Stuck when a row that could go out has waited too long, or the relay thread stopped going round; parked rows
     * and the rows they hold back are reported apart, as work for an administrator.
     */
    public RelayState state() {
        return RelayState.assess(config.relayEnabled(), running, oldestUnpublishedAgeSeconds(),
                Duration.between(lastCycle.get(), Instant.now()), config.stuckAfter(), config.sendTimeout(),
                backlog.rows(), lastError.get(), backlog.parked(), backlog.held());
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

    private enum Batch { EMPTY, PUBLISHED, CONTENDED, FAILED }

    /**
     * Publishes batch after batch until no key has a row to send, another replica has the lock, or a row failed
     * transiently. A batch carries one row per key, so a short batch does not mean the outbox is drained.
     */
    private Cycle publishAvailable() {
        while (running) {
            Batch batch = publishBatch();
            backlog.refresh(rows);
            switch (batch) {
                case PUBLISHED -> {
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
                BatchSettlement.Outcome outcome =
                        BatchSettlement.settle(head, sender.send(head.rows()), config.parkAfterAttempts());
                lastError.set(outcome.lastFailure());
                if (outcome.renewSender()) {
                    renewSender();
                }
                return outcome.retryLater() ? Batch.FAILED : Batch.PUBLISHED;
            });
            return batch.orElse(Batch.CONTENDED);
        } catch (SQLException e) {
            lastError.set("database: " + e.getMessage());
            LOG.warnf("Outbox relay cannot reach the database: %s", e.getMessage());
            return Batch.FAILED;
        }
    }

    private OutboxSender newSender() {
        return senders.apply(new KafkaOutboxSender(kafka, config));
    }

    /** An unexpected refusal may leave the producer in a failed state for good: the next batch uses a fresh one. */
    private void renewSender() {
        OutboxSender previous = sender;
        sender = newSender();
        previous.close();
    }
}
