package org.botoxclinic.insurance.authorization.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.annotations.Blocking;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.botoxclinic.contracts.EventTypes;
import org.botoxclinic.insurance.authorization.service.AuthorizationCaseService;
import org.botoxclinic.platform.inbox.EventRoutes;
import org.botoxclinic.platform.inbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Opens a case for each accepted referral and closes the open ones of a cancelled referral, once per event. */
@ApplicationScoped
public class ReferralEventsConsumer {

    private final Inbox inbox;
    private final EventRoutes routes;

    public ReferralEventsConsumer(Inbox inbox, AuthorizationCaseService cases) {
        this.inbox = inbox;
        this.routes = inbox.routes("referral-events")
                .on(EventTypes.REFERRAL_ACCEPTED, ReferralAcceptedMessage.class,
                        (message, event) -> cases.open(message.toDomain()))
                .on(EventTypes.REFERRAL_CANCELLED, ReferralCancelledMessage.class,
                        (message, event) -> cases.cancelReferral(message.referralId(), message.reasonOrDefault()))
                .build();
    }

    @Incoming("referral-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.process(record, routes);
    }
}
