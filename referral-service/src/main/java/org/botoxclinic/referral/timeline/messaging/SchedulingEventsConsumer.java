package org.botoxclinic.referral.timeline.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.botoxclinic.contracts.EventTypes;
import org.botoxclinic.platform.events.IncomingEvent;
import org.botoxclinic.platform.inbox.ConsumedTopic;
import org.botoxclinic.platform.inbox.EventRoutes;
import org.botoxclinic.platform.inbox.Inbox;
import org.botoxclinic.referral.timeline.service.TimelineService;

/**
 * Closes the loop on appointments and treatment: what scheduling-service reports lands on the referral's timeline,
 * and each completed treatment also sends the referring PCP a consult report.
 */
@ApplicationScoped
public class SchedulingEventsConsumer implements ConsumedTopic {

    private final TimelineService timeline;
    private final EventRoutes routes;

    public SchedulingEventsConsumer(Inbox inbox, TimelineService timeline) {
        this.timeline = timeline;
        this.routes = inbox.routes("scheduling-events")
                .on(EventTypes.APPOINTMENT_SCHEDULED, AppointmentScheduledMessage.class, this::report)
                .on(EventTypes.APPOINTMENT_RESCHEDULED, AppointmentRescheduledMessage.class, this::report)
                .on(EventTypes.APPOINTMENT_CANCELLED, AppointmentCancelledMessage.class, this::report)
                .on(EventTypes.APPOINTMENT_NO_SHOW, AppointmentNoShowMessage.class, this::report)
                .on(EventTypes.TREATMENT_COMPLETED, TreatmentCompletedMessage.class, this::treated)
                .build();
    }

    @Override
    public EventRoutes routes() {
        return routes;
    }

    /** The treatment's entry and, after it, the consult report for the referring PCP, from the one event. */
    private void treated(TreatmentCompletedMessage message, IncomingEvent event) {
        timeline.treated(message.referralId(), message.detail(), message.at(), event.id(), message.consultReport());
    }

    private void report(ReportedProgress message, IncomingEvent event) {
        timeline.reported(message.referralId(), message.progress(), message.detail(), message.details(), message.at(),
                event.id());
    }
}
