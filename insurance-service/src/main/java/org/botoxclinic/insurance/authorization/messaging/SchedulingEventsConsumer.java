package org.botoxclinic.insurance.authorization.messaging;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import org.botoxclinic.contracts.EventTypes;
import org.botoxclinic.insurance.authorization.service.DocumentedBenefitService;
import org.botoxclinic.insurance.authorization.service.TreatmentUsageService;
import org.botoxclinic.platform.inbox.ConsumedTopic;
import org.botoxclinic.platform.inbox.EventRoutes;
import org.botoxclinic.platform.inbox.Inbox;
import org.botoxclinic.platform.time.Timestamps;

/**
 * Counts each completed treatment against its authorization, and keeps each treatment outcome for the payer's
 * documented-benefit rule; once, however often an event is delivered.
 */
@ApplicationScoped
public class SchedulingEventsConsumer implements ConsumedTopic {

    /** ce_type of scheduling-service's OutcomeRecorded (contract of issue 12). */
    static final String OUTCOME_RECORDED = EventTypes.OUTCOME_RECORDED;

    private final EventRoutes routes;

    public SchedulingEventsConsumer(Inbox inbox, TreatmentUsageService usage, DocumentedBenefitService benefit,
                                    Clock clock) {
        this.routes = inbox.routes("scheduling-events")
                .on(EventTypes.TREATMENT_COMPLETED, TreatmentCompletedMessage.class,
                        (message, event) -> usage.record(message.toDomain(event.id())))
                .on(OUTCOME_RECORDED, OutcomeRecordedMessage.class,
                        (message, event) -> benefit.record(message.toDomain(
                                event.time() != null ? event.time() : Timestamps.now(clock))))
                .build();
    }

    @Override
    public EventRoutes routes() {
        return routes;
    }
}
