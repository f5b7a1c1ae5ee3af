package org.botoxclinic.scheduling.plan.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.botoxclinic.contracts.EventTypes;
import org.botoxclinic.platform.inbox.ConsumedTopic;
import org.botoxclinic.platform.inbox.EventRoutes;
import org.botoxclinic.platform.inbox.Inbox;
import org.botoxclinic.scheduling.plan.service.PatientService;
import org.botoxclinic.scheduling.plan.service.TreatmentPlanService;

/**
 * Starts a treatment plan when a referral is accepted, closes it (with what was booked) when it is cancelled, and makes
 * two patients one when referral-service merges them.
 */
@ApplicationScoped
public class ReferralEventsConsumer implements ConsumedTopic {

    private final EventRoutes routes;

    public ReferralEventsConsumer(Inbox inbox, TreatmentPlanService plans, PatientService patients) {
        this.routes = inbox.routes("referral-events")
                .on(EventTypes.REFERRAL_ACCEPTED, ReferralAcceptedMessage.class, (message, event) -> plans.referralAccepted(
                        message.referralId(), message.patientId(), message.patient().identity(), message.indication(),
                        message.acceptedAt(), message.baselineMeasurement(), message.patient().phone(),
                        message.patient().email()))
                .on(EventTypes.REFERRAL_CANCELLED, ReferralCancelledMessage.class, (message, event) -> plans.referralCancelled(
                        message.referralId(), message.cancelledAt(), message.reason()))
                .on(EventTypes.PATIENT_MERGED, PatientMergedMessage.class, (message, event) -> patients.merged(
                        message.patientId(), message.mergedPatientId(), message.referralIds(), message.mergedAt()))
                .build();
    }

    @Override
    public EventRoutes routes() {
        return routes;
    }
}
