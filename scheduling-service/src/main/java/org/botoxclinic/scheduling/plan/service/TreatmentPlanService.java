package org.botoxclinic.scheduling.plan.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.botoxclinic.platform.time.Timestamps;
import org.botoxclinic.scheduling.plan.domain.Authorization;
import org.botoxclinic.scheduling.plan.domain.PlanPatient;
import org.botoxclinic.scheduling.plan.domain.PlanStatus;
import org.botoxclinic.scheduling.plan.domain.TreatmentPlan;
import org.jboss.logging.Logger;

/** Builds each referral's treatment plan from the events of the other services. */
@ApplicationScoped
public class TreatmentPlans {

    private static final Logger LOG = Logger.getLogger(TreatmentPlans.class);

    private final EntityManager em;
    private final Clock clock;

    public TreatmentPlans(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    public Optional<TreatmentPlan> find(UUID referralId) {
        return Optional.ofNullable(em.find(TreatmentPlan.class, referralId));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void referralAccepted(UUID referralId, PlanPatient patient, String indication, OffsetDateTime acceptedAt) {
        TreatmentPlan plan = lockedOrStarted(referralId, indication);
        plan.referralAccepted(patient, indication, acceptedAt, now());
        LOG.infof("Treatment plan for referral %s: referral accepted, %s", referralId, plan.status());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void authorizationApproved(UUID referralId, String indication, Authorization authorization, PlanPatient patient) {
        TreatmentPlan plan = lockedOrStarted(referralId, indication);
        plan.authorizationApproved(authorization, indication, patient, hasOpenAppointment(referralId), now());
        LOG.infof("Treatment plan for referral %s: authorization %s approved, %s", referralId, authorization.id(), plan.status());
    }

    /** A denial, expiry or exhaustion of the plan's authorization stops new bookings until a new approval arrives. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void authorizationEnded(UUID referralId, UUID authorizationId, PlanStatus outcome) {
        TreatmentPlan plan = lockedOrStarted(referralId, null);
        boolean applied = plan.authorizationEnded(authorizationId, outcome, now());
        LOG.infof("Treatment plan for referral %s: authorization %s %s, plan %s", referralId, authorizationId,
                applied ? "ended" : "ended but is not the plan's", plan.status());
    }

    /** The referral was withdrawn: the plan is closed for good; the caller cancels its future appointments. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void referralCancelled(UUID referralId, OffsetDateTime cancelledAt) {
        TreatmentPlan plan = lockedOrStarted(referralId, null);
        plan.cancel(cancelledAt, now());
        LOG.infof("Treatment plan for referral %s cancelled", referralId);
    }

    private boolean hasOpenAppointment(UUID referralId) {
        return ((Number) em.createNativeQuery(
                        "select count(*) from appointment where referral_id = ?1 and status in ('BOOKED', 'CHECKED_IN')")
                .setParameter(1, referralId).getSingleResult()).intValue() > 0;
    }

    /** A plan row is created by whichever event comes first; a concurrent insert loses on the key and is retried. */
    private TreatmentPlan lockedOrStarted(UUID referralId, String indication) {
        TreatmentPlan plan = em.find(TreatmentPlan.class, referralId, LockModeType.PESSIMISTIC_WRITE);
        if (plan == null) {
            plan = TreatmentPlan.start(referralId, indication, now());
            em.persist(plan);
            em.flush();
        }
        return plan;
    }

    private OffsetDateTime now() {
        return Timestamps.now(clock);
    }
}
