package org.botoxclinic.scheduling.plan.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.botoxclinic.platform.audit.AuditTrail;
import org.botoxclinic.platform.domain.NotFoundException;
import org.botoxclinic.platform.domain.PatientIdentity;
import org.botoxclinic.platform.time.Timestamps;
import org.botoxclinic.scheduling.clinicday.service.ClinicDayService;
import org.botoxclinic.scheduling.plan.domain.Authorization;
import org.botoxclinic.scheduling.plan.domain.Measurement;
import org.botoxclinic.scheduling.plan.domain.PlanBookings;
import org.botoxclinic.scheduling.plan.domain.PlanStatus;
import org.botoxclinic.scheduling.plan.domain.TreatmentPlan;
import org.botoxclinic.scheduling.plan.repository.TreatmentOutcomeRepository;
import org.botoxclinic.scheduling.plan.repository.TreatmentPlanRepository;
import org.jboss.logging.Logger;

/** Builds each referral's treatment plan from the events of the other services, and shows it with the calendar. */
@ApplicationScoped
public class TreatmentPlanService {

    private static final Logger LOG = Logger.getLogger(TreatmentPlanService.class);
    public static final String RESOURCE = "treatment-plan";

    private final TreatmentPlanRepository plans;
    private final PatientService patients;
    private final TreatmentOutcomeRepository outcomes;
    private final PlanBookings bookings;
    private final ClinicDayService clinicDays;
    private final AuditTrail audit;
    private final Event<TreatmentPlanCancelled> cancellations;
    private final Event<PatientContactReceived> contacts;
    private final Clock clock;

    public TreatmentPlanService(TreatmentPlanRepository plans, PatientService patients, TreatmentOutcomeRepository outcomes,
                                PlanBookings bookings, ClinicDayService clinicDays, AuditTrail audit,
                                Event<TreatmentPlanCancelled> cancellations, Event<PatientContactReceived> contacts,
                                Clock clock) {
        this.plans = plans;
        this.patients = patients;
        this.outcomes = outcomes;
        this.bookings = bookings;
        this.clinicDays = clinicDays;
        this.audit = audit;
        this.cancellations = cancellations;
        this.contacts = contacts;
        this.clock = clock;
    }

    @Transactional
    public PlanOverview get(UUID referralId) {
        TreatmentPlan plan = plans.findByIdOptional(referralId)
                .orElseThrow(() -> new NotFoundException("treatment plan", referralId));
        audit.record("READ", RESOURCE, referralId, referralId);
        return overview(plan).withOutcomes(outcomes.ofPlan(referralId));
    }

    /** The plan with its next eligible date and the clinic day to offer, as of today. */
    public PlanOverview overview(TreatmentPlan plan) {
        return overviews(List.of(plan)).get(0);
    }

    /** Each plan's overview, in the same order, reading the calendar and its bookings once for all of them. */
    public List<PlanOverview> overviews(List<TreatmentPlan> plans) {
        LocalDate today = LocalDate.now(clock);
        List<TreatmentPlan> suggestable = plans.stream().filter(TreatmentPlanService::getsASuggestion).toList();
        List<Optional<LocalDate>> days = clinicDays.firstWithRoom(suggestable.stream()
                .map(plan -> new ClinicDayService.RoomWanted(plan.nextEligibleDate(today), plan.authorization().validTo(),
                        clinicDays.durations().of(plan.indication())))
                .toList());
        Map<TreatmentPlan, LocalDate> suggested = new IdentityHashMap<>();
        for (int i = 0; i < suggestable.size(); i++) {
            suggested.put(suggestable.get(i), days.get(i).orElse(null));
        }
        return plans.stream().map(plan -> new PlanOverview(plan, plan.nextEligibleDate(today), suggested.get(plan))).toList();
    }

    /**
     * Starts or fills in the referral's plan. The plan row is also the memory of a cancellation (it is written when
     * ReferralCancelled is consumed, even before anything else arrived), so an acceptance that comes after the
     * cancellation finds it cancelled and opens nothing: acknowledged and audited, not retried or dead-lettered.
     * The patient id (absent from acceptances published before events carried it) is stored as it stands after the
     * merges heard of so far; the patient's turn is taken first, since the plan joins the patient's dose history and
     * cadence, and every plan of the patient then gets the cadence of its indication.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void referralAccepted(UUID referralId, UUID patientId, PatientIdentity patient, String indication,
                                 OffsetDateTime acceptedAt, Measurement baseline) {
        referralAccepted(referralId, patientId, patient, indication, acceptedAt, baseline, null, null);
    }

    /** The same, with the patient's phone and email, which the plan does not keep (see {@link PatientContactReceived}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void referralAccepted(UUID referralId, UUID patientId, PatientIdentity patient, String indication,
                                 OffsetDateTime acceptedAt, Measurement baseline, String phone, String email) {
        UUID current = patientId == null ? null : patients.currentWithTurn(patientId);
        Locked locked = lockedOrStarted(referralId, indication);
        if (baseline != null && !TreatmentPlan.isBaselineFor(baseline, indication != null ? indication : locked.plan().indication())) {
            LOG.warnf("Referral %s: the baseline's scale or value does not fit the indication; the plan keeps none", referralId);
        }
        if (!locked.plan().referralAccepted(patient, current, indication, acceptedAt, baseline, now())) {
            audit.record("REFUSE_OPEN", "referral", referralId, referralId);
            LOG.infof("Referral %s was cancelled before its acceptance arrived: treatment plan stays cancelled", referralId);
            return;
        }
        if (current != null && current.equals(locked.plan().patientId())) {
            plans.refreshCadence(current);
        } else if (current != null) {
            LOG.warnf("Treatment plan for referral %s keeps patient %s; the acceptance names patient %s", referralId,
                    locked.plan().patientId(), current);
        }
        recordChange(locked);
        if (phone != null || email != null) {
            contacts.fire(new PatientContactReceived(referralId, locked.plan().patientId(), phone, email));
        }
        LOG.infof("Treatment plan for referral %s: referral accepted, %s", referralId, locked.plan().status());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void authorizationApproved(UUID referralId, String indication, Authorization authorization, PatientIdentity patient) {
        Locked locked = lockedOrStarted(referralId, indication);
        if (!locked.plan().authorizationApproved(authorization, indication, patient, bookings.hasOpenAppointment(referralId),
                now())) {
            LOG.infof("Treatment plan for referral %s is cancelled: authorization %s approved too late, ignored", referralId,
                    authorization.id());
            return;
        }
        recordChange(locked);
        LOG.infof("Treatment plan for referral %s: authorization %s approved, %s", referralId, authorization.id(),
                locked.plan().status());
    }

    /** A denial, expiry or exhaustion of the plan's authorization stops new bookings until a new approval arrives. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void authorizationEnded(UUID referralId, UUID authorizationId, PlanStatus outcome) {
        Locked locked = lockedOrStarted(referralId, null);
        boolean applied = locked.plan().authorizationEnded(authorizationId, outcome, now());
        recordChange(locked);
        LOG.infof("Treatment plan for referral %s: authorization %s %s, plan %s", referralId, authorizationId,
                applied ? "ended" : "ended but is not the plan's", locked.plan().status());
    }

    /** The referral was withdrawn: the plan is closed for good, and whatever was booked for it is called off. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void referralCancelled(UUID referralId, OffsetDateTime cancelledAt, String reason) {
        TreatmentPlan plan = lockedOrStarted(referralId, null).plan();
        plan.cancel(cancelledAt, now());
        audit.record("CANCEL", RESOURCE, referralId, referralId);
        cancellations.fire(new TreatmentPlanCancelled(referralId, reason));
        LOG.infof("Treatment plan for referral %s cancelled", referralId);
    }

    /**
     * Whether the plan is offered a clinic day: the first open one on or after the eligible date, inside the window,
     * with room for this indication.
     */
    private static boolean getsASuggestion(TreatmentPlan plan) {
        return plan.status() == PlanStatus.READY_TO_SCHEDULE && plan.usage().visitsRemaining() > 0;
    }

    private record Locked(TreatmentPlan plan, boolean started) {
    }

    /** A plan row is created by whichever event comes first; a concurrent insert loses on the key and is retried. */
    private Locked lockedOrStarted(UUID referralId, String indication) {
        return plans.locked(referralId).map(plan -> new Locked(plan, false)).orElseGet(() -> {
            TreatmentPlan plan = TreatmentPlan.start(referralId, indication, now());
            plans.persistAndFlush(plan);
            return new Locked(plan, true);
        });
    }

    private void recordChange(Locked locked) {
        audit.record(locked.started() ? "CREATE" : "UPDATE", RESOURCE, locked.plan().referralId(), locked.plan().referralId());
    }

    private OffsetDateTime now() {
        return Timestamps.now(clock);
    }
}
