package org.botoxclinic.insurance.authorization.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.annotations.Blocking;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.botoxclinic.contracts.EventTypes;
import org.botoxclinic.insurance.authorization.service.TreatmentUsageService;
import org.botoxclinic.platform.inbox.EventRoutes;
import org.botoxclinic.platform.inbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Counts each completed treatment against its authorization, once, however often the event is delivered. */
@ApplicationScoped
public class SchedulingEventsConsumer {

    private final Inbox inbox;
    private final EventRoutes routes;

    public SchedulingEventsConsumer(Inbox inbox, TreatmentUsageService usage) {
        this.inbox = inbox;
        this.routes = inbox.routes("scheduling-events")
                .on(EventTypes.TREATMENT_COMPLETED, TreatmentCompletedMessage.class,
                        (message, event) -> usage.record(message.toDomain(event.id())))
                .build();
    }

    @Incoming("scheduling-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.process(record, routes);
    }
}
