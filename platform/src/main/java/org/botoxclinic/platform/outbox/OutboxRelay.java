package org.botoxclinic.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.botoxclinic.platform.events.CloudEventHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka in commit order, with an idempotent producer and acks=all, then
 * marks them published. Replicas of a service take turns through a transaction-scoped advisory lock, so a row
 * is never published by two relays at once and no key is reordered. A crash between the broker's
 * acknowledgement and the mark re-publishes the row: delivery is at least once, and consumers de-duplicate by
 * ce_id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** How soon to try again when another replica holds the relay lock or the broker refused a batch. */
    private static final Duration CONTENDED_RETRY = Duration.ofMillis(50);
    private static final Duration FAILURE_BACKOFF_MAX = Duration.ofSeconds(5);

    private final DataSource dataSource;
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
    private KafkaProducer<String, String> producer;

    public OutboxRelay(DataSource dataSource, OutboxConfig config, MeterRegistry meters,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.dataSource = dataSource;
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
        producer = new KafkaProducer<>(OutboxKafka.producerProperties(bootstrapServers, config));
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
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
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
        OutboxKafka.ensureTopics(bootstrapServers, config);
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
                Cycle cycle = publishAvailable();
                wait = switch (cycle) {
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

    private Cycle publishAvailable() {
        while (running) {
            BatchResult result = publishBatch();
            refreshBacklog();
            if (result != BatchResult.FULL) {
                return switch (result) {
                    case CONTENDED -> Cycle.CONTENDED;
                    case FAILED -> Cycle.FAILED;
                    default -> Cycle.DRAINED;
                };
            }
        }
        return Cycle.DRAINED;
    }

    private enum BatchResult { EMPTY, PARTIAL, FULL, CONTENDED, FAILED }

    private BatchResult publishBatch() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                BatchResult result = publishBatch(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            lastError.set("database: " + e.getMessage());
            LOG.warnf("Outbox relay cannot reach the database: %s", e.getMessage());
            return BatchResult.FAILED;
        }
    }

    private BatchResult publishBatch(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, config.lockId());
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return BatchResult.CONTENDED;
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select seq, event_id, topic, event_key, event_type, source, subject, occurred_at, payload::text
                  from outbox_event where published_at is null order by seq limit ?""")) {
            select.setInt(1, config.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getObject(2).toString(), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getObject(8, OffsetDateTime.class), rs.getString(9)));
                }
            }
        }
        if (rows.isEmpty()) {
            return BatchResult.EMPTY;
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
        for (Row row : rows) {
            sends.add(producer.send(row.toRecord()));
        }
        producer.flush();
        List<Long> published = new ArrayList<>(rows.size());
        Row failed = null;
        String failure = null;
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        for (int i = 0; i < rows.size(); i++) {
            try {
                sends.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                published.add(rows.get(i).seq());
            } catch (ExecutionException | TimeoutException e) {
                // Stop at the first failure: what follows it is retried with it, so no key is reordered.
                failed = rows.get(i);
                failure = (e instanceof ExecutionException ? e.getCause() : e).toString();
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed = rows.get(i);
                failure = "interrupted";
                break;
            }
        }
        markPublished(connection, published);
        if (failed != null) {
            recordFailure(connection, failed.seq(), failure);
            lastError.set(failure);
            LOG.warnf("Outbox relay: event %s (%s) not acknowledged by the broker, will retry: %s",
                    failed.eventId(), failed.type(), failure);
            return BatchResult.FAILED;
        }
        lastError.set(null);
        return rows.size() == config.batchSize() ? BatchResult.FULL : BatchResult.PARTIAL;
    }

    private void markPublished(Connection connection, List<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update outbox_event set published_at = now() where seq = any(?)")) {
            Array array = connection.createArrayOf("bigint", seqs.toArray());
            update.setArray(1, array);
            update.executeUpdate();
        }
    }

    private void recordFailure(Connection connection, long seq, String failure) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update outbox_event set attempts = attempts + 1, last_error = ? where seq = ?")) {
            update.setString(1, failure.length() > 1000 ? failure.substring(0, 1000) : failure);
            update.setLong(2, seq);
            update.executeUpdate();
        }
    }

    private void refreshBacklog() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select count(*), min(created_at) from outbox_event where published_at is null");
             ResultSet rs = query.executeQuery()) {
            rs.next();
            backlog.set(rs.getLong(1));
            OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
            oldestUnpublished.set(oldest == null ? null : oldest.toInstant());
        } catch (SQLException e) {
            LOG.warnf("Outbox relay cannot read its backlog: %s", e.getMessage());
        }
    }

    private record Row(long seq, String eventId, String topic, String key, String type, String source, String subject,
                       OffsetDateTime occurredAt, String payload) {

        ProducerRecord<String, String> toRecord() {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
            record.headers()
                    .add(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_VALUE))
                    .add(CloudEventHeaders.ID, bytes(eventId))
                    .add(CloudEventHeaders.TYPE, bytes(type))
                    .add(CloudEventHeaders.SOURCE, bytes(source))
                    .add(CloudEventHeaders.TIME, bytes(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(occurredAt)))
                    .add(CloudEventHeaders.SUBJECT, bytes(subject))
                    .add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.JSON));
            return record;
        }

        private static byte[] bytes(String value) {
            return value.getBytes(StandardCharsets.UTF_8);
        }
    }
}
