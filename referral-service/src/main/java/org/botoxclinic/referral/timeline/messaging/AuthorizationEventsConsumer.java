package org.botoxclinic.referral.timeline.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.botoxclinic.contracts.EventTypes;
import org.botoxclinic.platform.events.IncomingEvent;
import org.botoxclinic.platform.inbox.ConsumedTopic;
import org.botoxclinic.platform.inbox.EventRoutes;
import org.botoxclinic.platform.inbox.Inbox;
import org.botoxclinic.referral.timeline.service.TimelineService;

/**
 * Closes the loop on pre-authorization: what insurance-service reports lands on the referral's timeline, once per
 * event. AuthorizationExpired, AuthorizationExhausted and ReauthorizationRequired are not routed: the referring
 * PCP is not told about them.
 */
@ApplicationScoped
public class AuthorizationEventsConsumer implements ConsumedTopic {

    private final TimelineService timeline;
    private final EventRoutes routes;

    public AuthorizationEventsConsumer(Inbox inbox, TimelineService timeline) {
        this.timeline = timeline;
        this.routes = inbox.routes("authorization-events")
                .on(EventTypes.AUTHORIZATION_SUBMITTED, AuthorizationSubmittedMessage.class, this::report)
                .on(EventTypes.AUTHORIZATION_APPROVED, AuthorizationApprovedMessage.class, this::report)
                .on(EventTypes.AUTHORIZATION_DENIED, AuthorizationDeniedMessage.class, this::report)
                .build();
    }

    @Override
    public EventRoutes routes() {
        return routes;
    }

    private void report(ReportedProgress message, IncomingEvent event) {
        timeline.reported(message.referralId(), message.progress(), message.detail(), message.at(), event.id());
    }
}
