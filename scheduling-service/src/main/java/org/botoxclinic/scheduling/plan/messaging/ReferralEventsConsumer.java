package org.botoxclinic.scheduling.plan.messaging;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.botoxclinic.platform.audit.AuditTrail;
import org.botoxclinic.platform.events.EventJson;
import org.botoxclinic.platform.events.IncomingEvent;
import org.botoxclinic.platform.events.MalformedEventException;
import org.botoxclinic.platform.inbox.Inbox;
import org.botoxclinic.scheduling.appointment.service.Appointments;
import org.botoxclinic.scheduling.plan.domain.Authorization;
import org.botoxclinic.scheduling.plan.domain.PlanPatient;
import org.botoxclinic.scheduling.plan.domain.PlanStatus;
import org.botoxclinic.scheduling.plan.service.TreatmentPlans;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps treatment plans in step with referral and authorization events, each event once. */
@ApplicationScoped
public class ClinicEventsConsumer {

    /** The authorization events that end what the plan may book, and the plan status each one leads to. */
    private static final Map<String, PlanStatus> ENDED = Map.of(
            "AuthorizationDenied", PlanStatus.AUTHORIZATION_DENIED,
            "AuthorizationExpired", PlanStatus.AUTHORIZATION_EXPIRED,
            "AuthorizationExhausted", PlanStatus.AUTHORIZATION_EXHAUSTED);

    private final Inbox inbox;
    private final EventJson json;
    private final TreatmentPlans plans;
    private final Appointments appointments;
    private final AuditTrail audit;

    public ClinicEventsConsumer(Inbox inbox, EventJson json, TreatmentPlans plans, Appointments appointments,
                                AuditTrail audit) {
        this.inbox = inbox;
        this.json = json;
        this.plans = plans;
        this.appointments = appointments;
        this.audit = audit;
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
        if ("ReferralCancelled".equals(event.type())) {
            ReferralCancelledMessage m = json.read(event, ReferralCancelledMessage.class);
            if (m.referralId() == null) {
                throw new MalformedEventException("ReferralCancelled " + event.id() + " lacks the referral");
            }
            plans.referralCancelled(m.referralId(), m.cancelledAt());
            audit.record("CANCEL", "treatment-plan", m.referralId(), m.referralId());
            appointments.cancelFuture(m.referralId(), m.reason())
                    .forEach(a -> audit.record("CANCEL", "appointment", a.id(), a.referralId()));
            return;
        }
        if (!"ReferralAccepted".equals(event.type())) {
            return;
        }
        ReferralAcceptedMessage m = json.read(event, ReferralAcceptedMessage.class);
        if (m.referralId() == null || m.indication() == null || m.patient() == null) {
            throw new MalformedEventException("ReferralAccepted " + event.id() + " lacks the referral, indication or patient");
        }
        plans.referralAccepted(m.referralId(), patient(m.patient()), m.indication(), m.acceptedAt());
        audit.record(event.type(), "treatment-plan", m.referralId(), m.referralId());
    }

    private void applyAuthorizationEvent(IncomingEvent event) {
        PlanStatus ended = ENDED.get(event.type());
        if (ended != null) {
            AuthorizationEndedMessage m = json.read(event, AuthorizationEndedMessage.class);
            if (m.referralId() == null || m.authorizationId() == null) {
                throw new MalformedEventException(event.type() + " " + event.id() + " lacks the referral or authorization");
            }
            plans.authorizationEnded(m.referralId(), m.authorizationId(), ended);
            audit.record(event.type(), "treatment-plan", m.referralId(), m.referralId());
            return;
        }
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
        audit.record(event.type(), "treatment-plan", m.referralId(), m.referralId());
    }

    private static PlanPatient patient(ReferralAcceptedMessage.Patient p) {
        return new PlanPatient(p.firstName(), p.lastName(), p.dateOfBirth(), p.sex());
    }
}
