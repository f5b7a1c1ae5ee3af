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

/** Opens a case for each accepted referral and closes the open ones of a cancelled referral, once per event. */
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
        switch (event.type()) {
            case "ReferralAccepted" -> {
                ReferralAcceptedMessage message = json.read(event, ReferralAcceptedMessage.class);
                if (!message.isComplete()) {
                    throw new MalformedEventException("ReferralAccepted " + event.id() + " lacks the referral, patient or insurance");
                }
                desk.openCase(message.toDomain());
            }
            case "ReferralCancelled" -> {
                ReferralCancelledMessage message = json.read(event, ReferralCancelledMessage.class);
                if (!message.isComplete()) {
                    throw new MalformedEventException("ReferralCancelled " + event.id() + " lacks the referral id");
                }
                desk.cancelReferral(message.referralId(), message.reason() == null ? "no reason given" : message.reason());
            }
            default -> {
                // Other referral events are not this service's business.
            }
        }
    }
}
