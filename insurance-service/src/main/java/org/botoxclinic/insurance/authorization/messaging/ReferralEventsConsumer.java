package org.botoxclinic.insurance.authorization.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.botoxclinic.insurance.authorization.service.AuthorizationDesk;
import org.botoxclinic.platform.events.EventJson;
import org.botoxclinic.platform.events.IncomingEvent;
import org.botoxclinic.platform.events.MalformedEventException;
import org.botoxclinic.platform.inbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** Opens an authorization case for each accepted referral, once, however often the event is delivered. */
@ApplicationScoped
public class ReferralEventsConsumer {

    private final Inbox inbox;
    private final EventJson json;
    private final AuthorizationDesk desk;

    public ReferralEventsConsumer(Inbox inbox, EventJson json, AuthorizationDesk desk) {
        this.inbox = inbox;
        this.json = json;
        this.desk = desk;
    }

    @Incoming("referral-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.process(record, this::apply);
    }

    private void apply(IncomingEvent event) {
        if (!"ReferralAccepted".equals(event.type())) {
            return;
        }
        ReferralAcceptedMessage message = json.read(event, ReferralAcceptedMessage.class);
        if (!message.isComplete()) {
            throw new MalformedEventException("ReferralAccepted " + event.id() + " lacks the referral, patient or insurance");
        }
        desk.openCase(message.toDomain());
    }
}
