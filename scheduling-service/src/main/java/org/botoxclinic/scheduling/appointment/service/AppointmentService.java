package org.botoxclinic.scheduling.appointment.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.botoxclinic.platform.audit.AuditTrail;
import org.botoxclinic.platform.domain.NotFoundException;
import org.botoxclinic.platform.outbox.Outbox;
import org.botoxclinic.platform.paging.Cursor;
import org.botoxclinic.platform.paging.Page;
import org.botoxclinic.platform.time.Timestamps;
import org.botoxclinic.scheduling.appointment.domain.Appointment;
import org.botoxclinic.scheduling.appointment.domain.AppointmentStatus;
import org.botoxclinic.scheduling.appointment.domain.CancelledBy;
import org.botoxclinic.scheduling.appointment.domain.DoseLimit;
import org.botoxclinic.scheduling.appointment.domain.SamePatient;
import org.botoxclinic.scheduling.appointment.domain.Treatment;
import org.botoxclinic.scheduling.appointment.events.AppointmentCancelled;
import org.botoxclinic.scheduling.appointment.events.AppointmentNoShow;
import org.botoxclinic.scheduling.appointment.events.TreatmentCompleted;
import org.botoxclinic.scheduling.appointment.repository.AppointmentRepository;
import org.botoxclinic.scheduling.clinicday.domain.CapacityFreed;
import org.botoxclinic.scheduling.clinicday.domain.Slot;
import org.botoxclinic.scheduling.config.SchedulingConfig;
import org.botoxclinic.scheduling.plan.domain.TreatmentPlan;
import org.botoxclinic.scheduling.plan.repository.TreatmentPlanRepository;
import org.botoxclinic.scheduling.plan.service.TreatmentPlanCancelled;
import org.jboss.logging.Logger;

/** Follows a booked appointment to its end: check-in and treatment, cancellation, or no-show; and shows appointments. */
@ApplicationScoped
public class AppointmentService {

    private static final Logger LOG = Logger.getLogger(AppointmentService.class);
    public static final String RESOURCE = "appointment";
    static final String LIST = "appointments";
    private static final String REFERRAL_CANCELLED = "referral cancelled";

    private final AppointmentRepository appointments;
    private final TreatmentPlanRepository plans;
    private final AppointmentLocks locks;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;
    private final SchedulingConfig config;
    private final Event<CapacityFreed> capacityFreed;

    public AppointmentService(AppointmentRepository appointments, TreatmentPlanRepository plans, AppointmentLocks locks,
                              Outbox outbox, AuditTrail audit, Clock clock, SchedulingConfig config,
                              Event<CapacityFreed> capacityFreed) {
        this.appointments = appointments;
        this.plans = plans;
        this.locks = locks;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.config = config;
        this.capacityFreed = capacityFreed;
    }

    @Transactional
    public Appointment get(UUID id) {
        Appointment appointment = appointments.findByIdOptional(id).orElseThrow(() -> new NotFoundException(RESOURCE, id));
        audit.record("READ", RESOURCE, id, appointment.referralId());
        return appointment;
    }

    /** One page of the appointments on a date and/or for a referral, by date and then booking time. */
    @Transactional
    public Page<Appointment> list(LocalDate date, UUID referralId, String cursor, int limit) {
        AppointmentRepository.After after = null;
        if (cursor != null) {
            Cursor c = Cursor.decode(cursor, LIST, 3);
            after = new AppointmentRepository.After(c.date(0), c.time(1), c.uuid(2));
        }
        Page<Appointment> page = Page.of(appointments.page(date, referralId, after, limit + 1), limit,
                a -> Cursor.of(LIST, a.date(), a.createdAt(), a.id()));
        page.items().forEach(a -> audit.record("READ", RESOURCE, a.id(), a.referralId()));
        return page;
    }

    @Transactional
    public Appointment cancel(UUID id, String reason, CancelledBy by) {
        AppointmentLocks.Locked locked = locks.appointment(id);
        cancel(locked.appointment(), locked.plan(), reason, by, Timestamps.now(clock));
        return locked.appointment();
    }

    @Transactional
    public Appointment checkIn(UUID id) {
        Appointment appointment = locks.appointment(id).appointment();
        appointment.checkIn(LocalDate.now(clock), Timestamps.now(clock));
        appointments.flush();
        audit.record("CHECK_IN", RESOURCE, id, appointment.referralId());
        return appointment;
    }

    /**
     * Records the treatment given: the visit and all units drawn count against the plan's authorization. The patient's
     * turn is taken before anything is locked or read (see {@link AppointmentLocks#forTreatment}), so that completions
     * for the same patient on other referrals take turns and each counts the doses the other gave; the treatment then
     * moves the cadence of every plan the patient has for the indication.
     */
    @Transactional
    public Appointment complete(UUID id, Treatment treatment) {
        AppointmentLocks.Locked locked = locks.forTreatment(id);
        Appointment appointment = locked.appointment();
        TreatmentPlan plan = locked.plan();
        SamePatient patient = new SamePatient(plan.referralId(), plan.patientId(), plan.patient());
        DoseLimit doseLimit = new DoseLimit(config.maxUnitsPer84Days(), appointments.dosesGiven(patient, appointment.date()));
        OffsetDateTime now = Timestamps.now(clock);
        appointment.complete(treatment, LocalDate.now(clock), doseLimit, now);
        plan.treated(appointment.date(), treatment.unitsAdministered(), treatment.unitsWasted(), now);
        appointments.flush();
        if (plan.patientId() != null) {
            plans.refreshCadence(plan.patientId());
        }
        outbox.append(TreatmentCompleted.of(appointment, plan, now));
        audit.record("COMPLETE", RESOURCE, id, appointment.referralId());
        LOG.infof("Treatment completed: appointment %s, referral %s", id, appointment.referralId());
        return appointment;
    }

    @Transactional
    public Appointment noShow(UUID id) {
        AppointmentLocks.Locked locked = locks.appointment(id);
        markNoShow(locked.appointment(), locked.plan());
        return locked.appointment();
    }

    /**
     * The no-show job's step for one appointment: locked like any other change, and skipped when staff changed it
     * meanwhile so that it can no longer be missed. Returns whether it was marked.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean markMissed(UUID id) {
        AppointmentLocks.Locked locked = locks.appointment(id);
        if (!locked.appointment().status().canBecome(AppointmentStatus.NOSHOW)) {
            return false;
        }
        markNoShow(locked.appointment(), locked.plan());
        return true;
    }

    /** The referral's plan was cancelled: appointments from today on are cancelled by the clinic, each published. */
    void onPlanCancelled(@Observes TreatmentPlanCancelled cancelled) {
        LocalDate today = LocalDate.now(clock);
        OffsetDateTime now = Timestamps.now(clock);
        String reason = cancelled.reason() == null || cancelled.reason().isBlank() ? REFERRAL_CANCELLED : cancelled.reason();
        TreatmentPlan plan = locks.plan(cancelled.referralId());
        List<Appointment> future = appointments.openFor(cancelled.referralId()).stream()
                .filter(a -> !a.date().isBefore(today)).toList();
        for (Appointment appointment : future) {
            cancel(appointments.lock(appointment), plan, reason, CancelledBy.CLINIC, now);
        }
    }

    /** Marks a missed appointment; the plan needs a new booking, and the referring practice hears of it. */
    private void markNoShow(Appointment appointment, TreatmentPlan plan) {
        OffsetDateTime now = Timestamps.now(clock);
        appointment.noShow(LocalDate.now(clock), now);
        plan.appointmentClosed(now);
        appointments.flush();
        outbox.append(AppointmentNoShow.of(appointment, plan.patientId(), now));
        audit.record("NO_SHOW", RESOURCE, appointment.id(), appointment.referralId());
        LOG.infof("Appointment %s for referral %s marked a no-show", appointment.id(), appointment.referralId());
    }

    private void cancel(Appointment appointment, TreatmentPlan plan, String reason, CancelledBy by, OffsetDateTime now) {
        appointment.cancel(reason, by, now);
        plan.appointmentClosed(now);
        appointments.flush();
        outbox.append(AppointmentCancelled.of(appointment, plan.patientId(), now));
        audit.record("CANCEL", RESOURCE, appointment.id(), appointment.referralId());
        LOG.infof("Appointment %s for referral %s cancelled by %s", appointment.id(), appointment.referralId(), by);
        capacityFreed.fire(new CapacityFreed(appointment.date(), new Slot(appointment.date(), appointment.startTime(),
                appointment.endTime(), appointment.chair(), appointment.providerId())));
    }
}
