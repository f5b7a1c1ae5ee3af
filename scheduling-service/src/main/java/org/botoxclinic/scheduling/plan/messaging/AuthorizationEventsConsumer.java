package org.botoxclinic.scheduling.plan.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.botoxclinic.contracts.EventTypes;
import org.botoxclinic.platform.inbox.ConsumedTopic;
import org.botoxclinic.platform.inbox.EventRoutes;
import org.botoxclinic.platform.inbox.Inbox;
import org.botoxclinic.scheduling.plan.domain.PlanStatus;
import org.botoxclinic.scheduling.plan.service.TreatmentPlanService;

/** Keeps each plan's authorization in step with the payer's decisions: approved, then denied, expired or exhausted. */
@ApplicationScoped
public class AuthorizationEventsConsumer implements ConsumedTopic {

    private final EventRoutes routes;

    public AuthorizationEventsConsumer(Inbox inbox, TreatmentPlanService plans) {
        this.routes = inbox.routes("authorization-events")
                .on(EventTypes.AUTHORIZATION_APPROVED, AuthorizationApprovedMessage.class, (message, event) ->
                        plans.authorizationApproved(message.referralId(), message.indication(), message.authorization(),
                                message.patient() == null ? null : message.patient().identity()))
                .on(EventTypes.AUTHORIZATION_DENIED, AuthorizationEndedMessage.class, (message, event) ->
                        plans.authorizationEnded(message.referralId(), message.authorizationId(), PlanStatus.AUTHORIZATION_DENIED))
                .on(EventTypes.AUTHORIZATION_EXPIRED, AuthorizationEndedMessage.class, (message, event) ->
                        plans.authorizationEnded(message.referralId(), message.authorizationId(), PlanStatus.AUTHORIZATION_EXPIRED))
                .on(EventTypes.AUTHORIZATION_EXHAUSTED, AuthorizationEndedMessage.class, (message, event) ->
                        plans.authorizationEnded(message.referralId(), message.authorizationId(), PlanStatus.AUTHORIZATION_EXHAUSTED))
                .build();
    }

    @Override
    public EventRoutes routes() {
        return routes;
    }
}
