package org.botoxclinic.insurance.authorization.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.botoxclinic.insurance.authorization.service.TreatmentLedger;
import org.botoxclinic.platform.events.EventJson;
import org.botoxclinic.platform.events.IncomingEvent;
import org.botoxclinic.platform.events.MalformedEventException;
import org.botoxclinic.platform.inbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** Counts each completed treatment against its authorization, once, however often the event is delivered. */
@ApplicationScoped
public class SchedulingEventsConsumer {

    private final Inbox inbox;
    private final EventJson json;
    private final TreatmentLedger ledger;

    public SchedulingEventsConsumer(Inbox inbox, EventJson json, TreatmentLedger ledger) {
        this.inbox = inbox;
        this.json = json;
        this.ledger = ledger;
    }

    @Incoming("scheduling-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.process(record, this::apply);
    }

    private void apply(IncomingEvent event) {
        if (!"TreatmentCompleted".equals(event.type())) {
            return;
        }
        TreatmentCompletedMessage message = json.read(event, TreatmentCompletedMessage.class);
        if (!message.isComplete()) {
            throw new MalformedEventException("TreatmentCompleted " + event.id()
                    + " lacks the referral, appointment, date or a valid unit count");
        }
        ledger.record(message.toDomain(event.id()));
    }
}
