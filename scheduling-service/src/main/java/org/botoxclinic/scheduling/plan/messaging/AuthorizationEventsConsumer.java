package org.botoxclinic.scheduling.plan.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.botoxclinic.contracts.EventTypes;
import org.botoxclinic.platform.inbox.EventRoutes;
import org.botoxclinic.platform.inbox.Inbox;
import org.botoxclinic.scheduling.plan.domain.PlanStatus;
import org.botoxclinic.scheduling.plan.service.TreatmentPlanService;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps each plan's authorization in step with the payer's decisions: approved, then denied, expired or exhausted. */
@ApplicationScoped
public class AuthorizationEventsConsumer {

    private final Inbox inbox;
    private final EventRoutes routes;

    public AuthorizationEventsConsumer(Inbox inbox, TreatmentPlanService plans) {
        this.inbox = inbox;
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

    @Incoming("authorization-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.process(record, routes);
    }
}
