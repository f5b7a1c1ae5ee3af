package org.botoxclinic.platform.inbox;

import java.time.temporal.ChronoUnit;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.botoxclinic.platform.events.EventJson;
import org.botoxclinic.platform.events.IncomingEvent;
import org.botoxclinic.platform.events.MalformedEventException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;

/**
 * The idempotent consumer every service uses. Each attempt runs in a new transaction; a failing event is
 * retried a few times, then rethrown so that the channel's dead-letter strategy parks it and the consumer
 * carries on. A malformed record is not retried.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final ProcessedEvents processedEvents;
    private final EventJson json;
    private final MeterRegistry meters;
    private final String consumer;

    public Inbox(ProcessedEvents processedEvents, EventJson json, MeterRegistry meters,
                 @ConfigProperty(name = "quarkus.application.name") String consumer) {
        this.processedEvents = processedEvents;
        this.json = json;
        this.meters = meters;
        this.consumer = consumer;
    }

    /** Starts a consumer's routes: which event types it handles, and how. */
    public EventRoutes.Builder routes() {
        return EventRoutes.builder(json);
    }

    @Retry(maxRetries = 4, delay = 200, jitter = 100, delayUnit = ChronoUnit.MILLIS, abortOn = MalformedEventException.class)
    public void process(ConsumerRecord<String, String> record, EventHandler handler) {
        IncomingEvent event;
        try {
            event = IncomingEvent.from(record);
        } catch (MalformedEventException e) {
            meters.counter("clinic.inbox.events", "topic", record.topic(), "type", "unknown", "outcome", "malformed").increment();
            LOG.errorf("Malformed record sent to the dead-letter topic: %s", e.getMessage());
            throw e;
        }
        try {
            boolean applied = processedEvents.processOnce(consumer, event, handler);
            meters.counter("clinic.inbox.events", "topic", event.topic(), "type", event.type(),
                    "outcome", applied ? "processed" : "duplicate").increment();
            if (applied) {
                LOG.debugf("Processed %s %s for referral %s", event.type(), event.id(), event.subject());
            } else {
                LOG.infof("Skipped duplicate %s %s for referral %s", event.type(), event.id(), event.subject());
            }
        } catch (RuntimeException e) {
            meters.counter("clinic.inbox.events", "topic", event.topic(), "type", event.type(), "outcome", "failed").increment();
            LOG.warnf("Processing %s %s for referral %s failed: %s", event.type(), event.id(), event.subject(),
                    e.getClass().getSimpleName());
            throw e;
        }
    }
}
