package org.botoxclinic.platform.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.botoxclinic.contracts.EventTopic;
import org.botoxclinic.platform.events.EventJson;
import org.botoxclinic.platform.events.IncomingEvent;
import org.botoxclinic.platform.time.Timestamps;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The idempotent consumer every service uses. Each attempt runs in a new transaction. A transient failure (the
 * database unreachable or refusing logins, a lock, serialization failure or timeout) is waited out on the consumer's
 * own thread with capped exponential back-off for as long as it lasts, so no later event of the partition overtakes
 * it. An event that can never be applied (malformed, refused by a rule, or failing for an unknown reason a few
 * times) is parked: stored as a dead letter in the service's database, then rethrown so that the channel's
 * dead-letter topic receives it too and the consumer carries on.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final ProcessedEvents processedEvents;
    private final Parking parking;
    private final EventJson json;
    private final MeterRegistry meters;
    private final Clock clock;
    private final RetryBackoff backoff;
    private final int attemptsBeforeParking;
    private final String consumer;
    private final Map<String, EventRoutes> routesByTopic = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> retrying = new ConcurrentHashMap<>();
    private final CountDownLatch stopping = new CountDownLatch(1);

    public Inbox(ProcessedEvents processedEvents, Parking parking, EventJson json, MeterRegistry meters, Clock clock,
                 InboxConfig config, @ConfigProperty(name = "quarkus.application.name") String consumer) {
        this.processedEvents = processedEvents;
        this.parking = parking;
        this.json = json;
        this.meters = meters;
        this.clock = clock;
        this.backoff = new RetryBackoff(config.retryFirstDelay(), config.retryMaxDelay());
        this.attemptsBeforeParking = config.attemptsBeforeParking();
        this.consumer = consumer;
    }

    /**
     * Starts a consumer's routes for one topic of the event contract: which event types it handles, and how; kept
     * for replays. Only the topic's owner ({@link EventTopic}) is accepted as the events' source.
     */
    public EventRoutes.Builder routes(String topic) {
        EventTopic contract = EventTopic.named(topic)
                .orElseThrow(() -> new IllegalArgumentException("topic " + topic + " is not in the event contract"));
        return EventRoutes.builder(topic, contract.source(), json, this::register);
    }

    /** The routes a consumer of this service built for the topic, if any. */
    public Optional<EventRoutes> routesOf(String topic) {
        return Optional.ofNullable(routesByTopic.get(topic));
    }

    /** The name under which this service records the events it processed. */
    public String consumer() {
        return consumer;
    }

    private void register(EventRoutes routes) {
        if (routesByTopic.putIfAbsent(routes.topic(), routes) != null) {
            throw new IllegalStateException("topic " + routes.topic() + " is routed twice; one consumer per topic");
        }
        retrying(routes.topic());
    }

    public void process(ConsumerRecord<String, String> record, EventRoutes routes) {
        OffsetDateTime firstAttempt = Timestamps.now(clock);
        IncomingEvent event;
        try {
            event = IncomingEvent.from(record);
        } catch (RuntimeException e) {
            count(record.topic(), "unknown", "malformed");
            LOG.errorf("Malformed record at %s/%d@%d is parked: %s", record.topic(), record.partition(), record.offset(),
                    Failures.reason(e));
            throw parked(record, null, e, firstAttempt, 1);
        }
        try {
            routes.requireOwner(event);
        } catch (ForeignSourceException e) {
            // Forged or misrouted: never applied, parked for an operator to see, and logged by event id alone.
            meters.counter("clinic.inbox.rejected", "topic", record.topic()).increment();
            LOG.errorf("Rejected event %s on %s: its ce_source is not the topic's owner", event.id(), record.topic());
            throw parked(record, event, e, firstAttempt, 1);
        }
        if (!routes.handles(event.type())) {
            // Not this consumer's business (a type only other services consume): nothing to apply, so nothing
            // to remember either. No transaction, no processed_event row; a redelivery is skipped the same way.
            count(event.topic(), event.type(), "ignored");
            return;
        }
        int transientFailures = 0;
        int otherFailures = 0;
        try {
            while (true) {
                try {
                    boolean applied = processedEvents.processOnce(consumer, event, routes);
                    count(event.topic(), event.type(), applied ? "processed" : "duplicate");
                    if (transientFailures > 0) {
                        LOG.infof("Processed %s %s for referral %s after %d transient failures", event.type(), event.id(),
                                event.subject(), transientFailures);
                    } else if (!applied) {
                        LOG.infof("Skipped duplicate %s %s for referral %s", event.type(), event.id(), event.subject());
                    }
                    return;
                } catch (RuntimeException e) {
                    if (stopping.getCount() == 0) {
                        // Whatever failed while the service stops (its datasource closing) says nothing about the event.
                        throw new InboxStoppedException("the service stopped while " + event.type() + " " + event.id()
                                + " was being applied");
                    }
                    FailureKind kind = Failures.classify(e);
                    if (kind == FailureKind.TRANSIENT) {
                        waitOut(event, ++transientFailures, e);
                        continue;
                    }
                    count(event.topic(), event.type(), "failed");
                    otherFailures++;
                    if (kind == FailureKind.UNKNOWN && otherFailures < attemptsBeforeParking) {
                        LOG.warnf("Processing %s %s for referral %s failed (attempt %d of %d): %s", event.type(), event.id(),
                                event.subject(), otherFailures, attemptsBeforeParking, Failures.reason(e));
                        pause(event, backoff.delayAfter(otherFailures));
                        continue;
                    }
                    LOG.errorf("%s %s for referral %s is parked after %d attempts: %s", event.type(), event.id(),
                            event.subject(), transientFailures + otherFailures, Failures.reason(e));
                    throw parked(record, event, e, firstAttempt, transientFailures + otherFailures);
                }
            }
        } finally {
            retrying(record.topic()).set(0);
        }
    }

    /** Applies an event again through its topic's routes (from the topic's owner only); @return false when applied before. */
    public boolean applyAgain(IncomingEvent event, EventRoutes routes) {
        routes.requireOwner(event);
        return processedEvents.processOnce(consumer, event, routes);
    }

    /** Stores the dead letter (waiting out a database that is away), then hands the failure on to the dead-letter topic. */
    private RuntimeException parked(ConsumerRecord<String, String> record, IncomingEvent event, RuntimeException failure,
                                    OffsetDateTime firstAttempt, int attempts) {
        String reason = Failures.reason(failure);
        int parkingFailures = 0;
        while (true) {
            try {
                parking.park(Parking.ParkedEvent.of(record, event, reason, firstAttempt, Timestamps.now(clock), attempts));
                count(record.topic(), event == null ? "unknown" : event.type(), "parked");
                return failure;
            } catch (RuntimeException e) {
                if (Failures.classify(e) != FailureKind.TRANSIENT) {
                    LOG.errorf("Dead letter for %s/%d@%d could not be stored, only the dead-letter topic has it: %s",
                            record.topic(), record.partition(), record.offset(), Failures.reason(e));
                    return failure;
                }
                Duration delay = backoff.delayAfter(++parkingFailures);
                retrying(record.topic()).set(1);
                LOG.warnf("Storing the dead letter for %s/%d@%d failed transiently (attempt %d); next attempt in %d ms",
                        record.topic(), record.partition(), record.offset(), parkingFailures, delay.toMillis());
                sleep(delay, record.topic() + "/" + record.partition() + "@" + record.offset());
            }
        }
    }

    private void waitOut(IncomingEvent event, int attempt, RuntimeException failure) {
        Duration delay = backoff.delayAfter(attempt);
        retrying(event.topic()).set(1);
        count(event.topic(), event.type(), "retried");
        LOG.warnf("Transient failure on %s %s for referral %s (attempt %d): %s; next attempt in %d ms", event.type(),
                event.id(), event.subject(), attempt, Failures.reason(failure), delay.toMillis());
        pause(event, delay);
    }

    private void pause(IncomingEvent event, Duration delay) {
        sleep(delay, event.type() + " " + event.id());
    }

    private void sleep(Duration delay, String what) {
        try {
            if (stopping.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new InboxStoppedException("the service stopped while " + what + " waited to be retried");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InboxStoppedException("interrupted while " + what + " waited to be retried");
        }
    }

    void onStop(@Observes ShutdownEvent shutdown) {
        stopping.countDown();
    }

    private AtomicInteger retrying(String topic) {
        return retrying.computeIfAbsent(topic, t -> {
            AtomicInteger value = new AtomicInteger();
            // A restarted application in the same JVM (tests, dev mode) must not keep reading the old instance's value.
            meters.find("clinic.inbox.retrying").tag("topic", t).gauges().forEach(meters::remove);
            Gauge.builder("clinic.inbox.retrying", value, AtomicInteger::get).tag("topic", t)
                    .description("1 while an event of this topic waits out a transient failure (later events wait behind it)")
                    .register(meters);
            return value;
        });
    }

    private void count(String topic, String type, String outcome) {
        meters.counter("clinic.inbox.events", "topic", topic, "type", type == null ? "unknown" : type, "outcome", outcome)
                .increment();
    }
}
