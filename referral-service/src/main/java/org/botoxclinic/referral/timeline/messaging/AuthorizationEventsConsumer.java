package org.botoxclinic.referral.timeline.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.botoxclinic.contracts.EventTypes;
import org.botoxclinic.platform.events.IncomingEvent;
import org.botoxclinic.platform.inbox.EventRoutes;
import org.botoxclinic.platform.inbox.Inbox;
import org.botoxclinic.referral.timeline.service.TimelineService;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Closes the loop on pre-authorization: what insurance-service reports lands on the referral's timeline, once per
 * event. AuthorizationExpired, AuthorizationExhausted and ReauthorizationRequired are not routed: the referring
 * PCP is not told about them.
 */
@ApplicationScoped
public class AuthorizationEventsConsumer {

    private final Inbox inbox;
    private final TimelineService timeline;
    private final EventRoutes routes;

    public AuthorizationEventsConsumer(Inbox inbox, TimelineService timeline) {
        this.inbox = inbox;
        this.timeline = timeline;
        this.routes = inbox.routes("authorization-events")
                .on(EventTypes.AUTHORIZATION_SUBMITTED, AuthorizationSubmittedMessage.class, this::report)
                .on(EventTypes.AUTHORIZATION_APPROVED, AuthorizationApprovedMessage.class, this::report)
                .on(EventTypes.AUTHORIZATION_DENIED, AuthorizationDeniedMessage.class, this::report)
                .build();
    }

    @Incoming("authorization-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.process(record, routes);
    }

    private void report(ReportedProgress message, IncomingEvent event) {
        timeline.reported(message.referralId(), message.progress(), message.detail(), message.at(), event.id());
    }
}
