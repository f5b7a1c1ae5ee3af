package org.botoxclinic.platform.outbox;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
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

import org.eclipse.microprofile.config.inject.ConfigProperty;
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
    private static final Duration FAILURE_BACKOFF_FIRST = Duration.ofMillis(200);
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
    /** Whether this run of the relay has checked its topic (see {@link #checkTopic()}); relay thread only. */
    private boolean topicChecked;
    private final OutboxListener listener;

    /** The listener logs in as the service does, on a connection of its own, named in pg_stat_activity. */
    @Inject
    public OutboxRelay(DataSource dataSource, OutboxConfig config, MeterRegistry meters, Clock clock,
                       @Identifier("default-kafka-broker") Map<String, Object> kafka,
                       @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                       @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                       @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this(dataSource, config, meters, clock, kafka, UnaryOperator.identity(), listenerLogin(url, user, password));
    }

    /** With {@code senders} wrapping each Kafka sender the relay builds, e.g. a test's sender that fails chosen rows. */
    OutboxRelay(DataSource dataSource, OutboxConfig config, MeterRegistry meters, Clock clock, Map<String, Object> kafka,
                UnaryOperator<OutboxSender> senders) {
        this(dataSource, config, meters, clock, kafka, senders, dataSource::getConnection);
    }

    private OutboxRelay(DataSource dataSource, OutboxConfig config, MeterRegistry meters, Clock clock,
                        Map<String, Object> kafka, UnaryOperator<OutboxSender> senders,
                        OutboxListener.Connections listenerConnections) {
        this.rows = new OutboxRows(dataSource, clock);
        this.config = config;
        this.meters = meters;
        this.kafka = Map.copyOf(kafka);
        this.senders = senders;
        this.listener = config.listen()
                ? new OutboxListener(listenerConnections, this::nudge, config.pollInterval()) : null;
    }

    private static OutboxListener.Connections listenerLogin(String url, Optional<String> user, Optional<String> password) {
        Properties login = new Properties();
        user.ifPresent(value -> login.setProperty("user", value));
        password.ifPresent(value -> login.setProperty("password", value));
        login.setProperty("ApplicationName", "outbox-listener");
        login.setProperty("connectTimeout", "5");
        login.setProperty("tcpKeepAlive", "true");
        return () -> new org.postgresql.Driver().connect(url, login);
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
        if (listener != null) {
            listener.start();
        }
    }

    public synchronized void stopPublishing() {
        running = false;
        if (listener != null) {
            listener.stop();
        }
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

    /** Whether commits of any replica wake this relay now (its listener is connected); the poll covers the rest. */
    public boolean listening() {
        return listener != null && listener.listening();
    }

    /** Drops the listener's connection as a network fault would; it reconnects and sweeps (tests). */
    void dropListenerConnection() {
        if (listener != null) {
            listener.dropConnection();
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
        topicChecked = false;
        long topicCheckDue = System.nanoTime() + config.topicCheckAfter().toNanos();
        Duration wait = Duration.ZERO;
        boolean failed = false;
        while (running) {
            try {
                long sleepMillis = topicChecked ? wait.toMillis()
                        : Math.min(wait.toMillis(), Math.max(0, (topicCheckDue - System.nanoTime() + 999_999) / 1_000_000));
                if (sleepMillis > 0) {
                    nudges.tryAcquire(sleepMillis, TimeUnit.MILLISECONDS);
                }
                nudges.drainPermits();
                if (!running) {
                    break;
                }
                if (!topicChecked && System.nanoTime() - topicCheckDue >= 0) {
                    checkTopic();
                }
                Cycle cycle = publishAvailable();
                wait = switch (cycle) {
                    case DRAINED -> config.pollInterval();
                    case CONTENDED -> CONTENDED_RETRY;
                    case FAILED -> backoff(failed ? wait : Duration.ZERO);
                };
                failed = cycle == Cycle.FAILED;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                lastError.set(e.getClass().getSimpleName() + ": " + e.getMessage());
                LOG.warnf("Outbox relay cycle failed: %s", e.toString());
                wait = backoff(failed ? wait : Duration.ZERO);
                failed = true;
            } finally {
                lastCycle.set(Instant.now());
            }
        }
    }

    /**
     * Makes sure the topic exists, once per start of the relay: before the first row goes out, or when
     * {@code topic-check-after} has passed with nothing to publish, whichever comes first (relay thread only).
     */
    private void checkTopic() {
        topicChecked = true;
        sender.ensureTopic();
    }

    /** 200 ms after a first failure, doubling while failures follow each other, at most 5 s. */
    private static Duration backoff(Duration previous) {
        Duration next = previous.isZero() ? FAILURE_BACKOFF_FIRST : previous.multipliedBy(2);
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
                if (!topicChecked) {
                    checkTopic();
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
