package org.botoxclinic.scheduling.plan.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.botoxclinic.platform.events.EventJson;
import org.botoxclinic.platform.events.IncomingEvent;
import org.botoxclinic.platform.events.MalformedEventException;
import org.botoxclinic.platform.inbox.Inbox;
import org.botoxclinic.scheduling.plan.domain.Authorization;
import org.botoxclinic.scheduling.plan.domain.PlanPatient;
import org.botoxclinic.scheduling.plan.service.TreatmentPlans;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Turns accepted referrals and approved authorizations into treatment plans, each event once. */
@ApplicationScoped
public class ClinicEventsConsumer {

    private final Inbox inbox;
    private final EventJson json;
    private final TreatmentPlans plans;

    public ClinicEventsConsumer(Inbox inbox, EventJson json, TreatmentPlans plans) {
        this.inbox = inbox;
        this.json = json;
        this.plans = plans;
    }

    @Incoming("referral-events")
    @Blocking
    public void onReferralEvent(ConsumerRecord<String, String> record) {
        inbox.process(record, this::applyReferralEvent);
    }

    @Incoming("authorization-events")
    @Blocking
    public void onAuthorizationEvent(ConsumerRecord<String, String> record) {
        inbox.process(record, this::applyAuthorizationEvent);
    }

    private void applyReferralEvent(IncomingEvent event) {
        if (!"ReferralAccepted".equals(event.type())) {
            return;
        }
        ReferralAcceptedMessage m = json.read(event, ReferralAcceptedMessage.class);
        if (m.referralId() == null || m.indication() == null || m.patient() == null) {
            throw new MalformedEventException("ReferralAccepted " + event.id() + " lacks the referral, indication or patient");
        }
        plans.referralAccepted(m.referralId(), patient(m.patient()), m.indication(), m.acceptedAt());
    }

    private void applyAuthorizationEvent(IncomingEvent event) {
        if (!"AuthorizationApproved".equals(event.type())) {
            return;
        }
        AuthorizationApprovedMessage m = json.read(event, AuthorizationApprovedMessage.class);
        if (!m.isComplete()) {
            throw new MalformedEventException("AuthorizationApproved " + event.id() + " lacks its number, window, visits or units");
        }
        plans.authorizationApproved(m.referralId(), m.indication(),
                new Authorization(m.authorizationId(), m.authorizationNumber(), m.validFrom(), m.validTo(),
                        m.approvedVisits(), m.approvedUnits()),
                m.patient() == null ? null : patient(m.patient()));
    }

    private static PlanPatient patient(ReferralAcceptedMessage.Patient p) {
        return new PlanPatient(p.firstName(), p.lastName(), p.dateOfBirth(), p.sex());
    }
}
