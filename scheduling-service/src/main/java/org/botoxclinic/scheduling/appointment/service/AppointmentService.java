package org.botoxclinic.scheduling.appointment.service;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.botoxclinic.platform.domain.IllegalTransitionException;
import org.botoxclinic.platform.events.Topics;
import org.botoxclinic.platform.outbox.OutboundEvent;
import org.botoxclinic.platform.outbox.Outbox;
import org.botoxclinic.platform.time.Timestamps;
import org.botoxclinic.platform.web.Problems;
import org.botoxclinic.scheduling.appointment.domain.Appointment;
import org.botoxclinic.scheduling.appointment.domain.AppointmentDurations;
import org.botoxclinic.scheduling.appointment.domain.AppointmentStatus;
import org.botoxclinic.scheduling.appointment.domain.BookingRefusal;
import org.botoxclinic.scheduling.appointment.domain.BookingRequest;
import org.botoxclinic.scheduling.appointment.domain.BookingRules;
import org.botoxclinic.scheduling.appointment.domain.CancelledBy;
import org.botoxclinic.scheduling.appointment.domain.DoseLimit;
import org.botoxclinic.scheduling.appointment.events.AppointmentCancelled;
import org.botoxclinic.scheduling.appointment.events.AppointmentNoShow;
import org.botoxclinic.scheduling.appointment.events.AppointmentRescheduled;
import org.botoxclinic.scheduling.appointment.events.AppointmentScheduled;
import org.botoxclinic.scheduling.appointment.events.TreatmentCompleted;
import org.botoxclinic.scheduling.clinicday.domain.ClinicDay;
import org.botoxclinic.scheduling.clinicday.service.ClinicDays;
import org.botoxclinic.scheduling.config.SchedulingConfig;
import org.botoxclinic.scheduling.plan.domain.TreatmentPlan;
import org.jboss.logging.Logger;

/**
 * Books, moves and closes appointments. Every change locks the referral's plan first and then the clinic day, so
 * two schedulers racing for one referral or for the last minutes of a day take turns and both see the other's result.
 */
@ApplicationScoped
public class Appointments {

    private static final Logger LOG = Logger.getLogger(Appointments.class);
    public static final String BEFORE_APPOINTMENT_DATE = "BEFORE_APPOINTMENT_DATE";
    public static final String DOSE_LIMIT_EXCEEDED = "DOSE_LIMIT_EXCEEDED";

    private final EntityManager em;
    private final Clock clock;
    private final ClinicDays clinicDays;
    private final Outbox outbox;
    private final SchedulingConfig config;

    public Appointments(EntityManager em, Clock clock, ClinicDays clinicDays, Outbox outbox, SchedulingConfig config) {
        this.em = em;
        this.clock = clock;
        this.clinicDays = clinicDays;
        this.outbox = outbox;
        this.config = config;
    }

    public AppointmentDurations durations() {
        return new AppointmentDurations(config.durationMinutes(), config.defaultDurationMinutes());
    }

    public Optional<Appointment> find(UUID id) {
        return Optional.ofNullable(em.find(Appointment.class, id));
    }

    public List<Appointment> list(LocalDate date, UUID referralId) {
        return em.createQuery("""
                        from Appointment a where (:date is null or a.date = :date)
                        and (:referralId is null or a.referralId = :referralId) order by a.date, a.createdAt""",
                        Appointment.class)
                .setParameter("date", date)
                .setParameter("referralId", referralId)
                .setMaxResults(500)
                .getResultList();
    }

    @Transactional
    public Appointment book(UUID referralId, LocalDate date) {
        requireNotPast(date);
        TreatmentPlan plan = lockedPlan(referralId);
        int duration = durations().of(plan.indication());
        refuseIfBreaksRules(plan, date, duration, null);
        OffsetDateTime now = Timestamps.now(clock);
        Appointment appointment = Appointment.book(referralId, date, duration, plan.authorization().id(), now);
        em.persist(appointment);
        plan.booked(now);
        em.flush();
        outbox.append(OutboundEvent.of(Topics.SCHEDULING_EVENTS, AppointmentScheduled.TYPE, referralId, now,
                new AppointmentScheduled(referralId, appointment.id(), date, duration, appointment.authorizationId(), now)));
        LOG.infof("Appointment %s booked for referral %s", appointment.id(), referralId);
        return appointment;
    }

    @Transactional
    public Appointment reschedule(UUID id, LocalDate date) {
        requireNotPast(date);
        Appointment appointment = lockedAppointment(id);
        TreatmentPlan plan = em.find(TreatmentPlan.class, appointment.referralId());
        if (appointment.status() != AppointmentStatus.BOOKED) {
            throw new IllegalTransitionException("appointment", appointment.status(), "rescheduled");
        }
        if (appointment.date().equals(date)) {
            return appointment;
        }
        refuseIfBreaksRules(plan, date, appointment.durationMinutes(), appointment.id());
        OffsetDateTime now = Timestamps.now(clock);
        LocalDate previous = appointment.reschedule(date, now);
        em.flush();
        outbox.append(OutboundEvent.of(Topics.SCHEDULING_EVENTS, AppointmentRescheduled.TYPE, plan.referralId(), now,
                new AppointmentRescheduled(plan.referralId(), id, previous, date, now)));
        LOG.infof("Appointment %s for referral %s rescheduled", id, plan.referralId());
        return appointment;
    }

    @Transactional
    public Appointment cancel(UUID id, String reason, CancelledBy by) {
        Appointment appointment = lockedAppointment(id);
        cancel(appointment, reason, by, Timestamps.now(clock));
        return appointment;
    }

    @Transactional
    public Appointment checkIn(UUID id) {
        Appointment appointment = lockedAppointment(id);
        appointment.requireCanBecome(AppointmentStatus.CHECKED_IN, "checked in");
        requireDateReached(appointment, "checked in");
        appointment.checkIn(Timestamps.now(clock));
        em.flush();
        return appointment;
    }

    /** Records the treatment given: the visit and all units drawn count against the plan's authorization. */
    @Transactional
    public Appointment complete(UUID id, int unitsAdministered, int unitsWasted, Integer injectionSites, String notes) {
        Appointment appointment = lockedAppointment(id);
        TreatmentPlan plan = em.find(TreatmentPlan.class, appointment.referralId());
        appointment.requireCanBecome(AppointmentStatus.FULFILLED, "completed");
        requireDateReached(appointment, "completed");
        List<DoseLimit.GivenDose> history = dosesGivenToPatient(plan, appointment.date());
        int max = config.maxUnitsPer84Days();
        if (!DoseLimit.allows(max, history, appointment.date(), unitsAdministered)) {
            int allowed = DoseLimit.unitsAllowed(max, history, appointment.date());
            throw Problems.rule(DOSE_LIMIT_EXCEEDED, "at most " + max + " units within " + DoseLimit.WINDOW_DAYS
                    + " days across indications; " + allowed + " units are allowed on " + appointment.date(),
                    Map.of("unitsAllowed", allowed));
        }
        OffsetDateTime now = Timestamps.now(clock);
        appointment.complete(unitsAdministered, unitsWasted, injectionSites, notes, now);
        plan.treated(appointment.date(), unitsAdministered, unitsWasted, now);
        em.flush();
        var authorization = plan.authorization();
        outbox.append(OutboundEvent.of(Topics.SCHEDULING_EVENTS, TreatmentCompleted.TYPE, plan.referralId(), now,
                new TreatmentCompleted(plan.referralId(), id, authorization == null ? null : authorization.id(),
                        authorization == null ? null : authorization.number(), appointment.date(), unitsAdministered,
                        unitsWasted, now)));
        LOG.infof("Treatment completed: appointment %s, referral %s", id, plan.referralId());
        return appointment;
    }

    @Transactional
    public Appointment noShow(UUID id) {
        Appointment appointment = lockedAppointment(id);
        appointment.requireCanBecome(AppointmentStatus.NOSHOW, "marked a no-show");
        requireDateReached(appointment, "marked a no-show");
        markNoShow(appointment, Timestamps.now(clock));
        return appointment;
    }

    /**
     * The no-show job's step for one appointment: locked like any other change, and skipped when staff changed it
     * meanwhile. Returns whether it was marked.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean markMissed(UUID id) {
        Appointment appointment = lockedAppointment(id);
        if (appointment.status() != AppointmentStatus.BOOKED) {
            return false;
        }
        markNoShow(appointment, Timestamps.now(clock));
        return true;
    }

    /** Marks a missed appointment; the plan needs a new booking, and the referring practice hears of it. */
    private void markNoShow(Appointment appointment, OffsetDateTime now) {
        TreatmentPlan plan = em.find(TreatmentPlan.class, appointment.referralId());
        appointment.noShow(now);
        plan.appointmentClosed(now);
        em.flush();
        outbox.append(OutboundEvent.of(Topics.SCHEDULING_EVENTS, AppointmentNoShow.TYPE, plan.referralId(), now,
                new AppointmentNoShow(plan.referralId(), appointment.id(), appointment.date(), now)));
        LOG.infof("Appointment %s for referral %s marked a no-show", appointment.id(), plan.referralId());
    }

    /** The referral was cancelled: appointments from today on are cancelled by the clinic, each published. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Appointment> cancelFuture(UUID referralId, String reason) {
        LocalDate today = LocalDate.now(clock);
        OffsetDateTime now = Timestamps.now(clock);
        List<Appointment> future = openAppointments(referralId).stream().filter(a -> !a.date().isBefore(today)).toList();
        for (Appointment appointment : future) {
            em.lock(appointment, LockModeType.PESSIMISTIC_WRITE);
            cancel(appointment, reason == null || reason.isBlank() ? "referral cancelled" : reason, CancelledBy.CLINIC, now);
        }
        return future;
    }

    private void cancel(Appointment appointment, String reason, CancelledBy by, OffsetDateTime now) {
        TreatmentPlan plan = em.find(TreatmentPlan.class, appointment.referralId());
        appointment.cancel(reason, by, now);
        plan.appointmentClosed(now);
        em.flush();
        outbox.append(OutboundEvent.of(Topics.SCHEDULING_EVENTS, AppointmentCancelled.TYPE, plan.referralId(), now,
                new AppointmentCancelled(plan.referralId(), appointment.id(), appointment.date(), reason, by, now)));
        LOG.infof("Appointment %s for referral %s cancelled by %s", appointment.id(), plan.referralId(), by);
    }

    /** Runs the booking rules under the plan's and the day's locks; the first refusal becomes the answer. */
    private void refuseIfBreaksRules(TreatmentPlan plan, LocalDate date, int duration, UUID moving) {
        Optional<ClinicDay> day = clinicDays.locked(date);
        boolean otherOpen = openAppointments(plan.referralId()).stream().anyMatch(a -> !a.id().equals(moving));
        BookingRequest request = new BookingRequest(date, plan.isBookable(), plan.authorization(), plan.visitsUsed(),
                plan.lastTreatmentDate(), day.map(ClinicDay::isOpen).orElse(null),
                day.map(ClinicDay::capacityMinutes).orElse(0), day.isPresent() ? clinicDays.bookedMinutes(date, moving) : 0,
                duration, otherOpen);
        Optional<BookingRefusal> refusal = BookingRules.check(request);
        if (refusal.isPresent()) {
            BookingRefusal r = refusal.get();
            throw Problems.rule(r.code(), r.detail(), r.properties());
        }
    }

    private List<Appointment> openAppointments(UUID referralId) {
        return em.createQuery("from Appointment a where a.referralId = :referralId and a.status in :open order by a.date",
                        Appointment.class)
                .setParameter("referralId", referralId)
                .setParameter("open", AppointmentStatus.OPEN)
                .getResultList();
    }

    /** Doses the same patient (by name and birth date, across referrals and indications) was given up to the date. */
    private List<DoseLimit.GivenDose> dosesGivenToPatient(TreatmentPlan plan, LocalDate date) {
        var patient = plan.patient();
        boolean identified = patient != null && patient.dateOfBirth() != null && patient.lastName() != null
                && patient.firstName() != null;
        String samePatient = identified
                ? "(p.referral_id = ?3 or (p.patient_date_of_birth = ?4 and lower(p.patient_last_name) = lower(?5)"
                        + " and lower(p.patient_first_name) = lower(?6)))"
                : "p.referral_id = ?3";
        var query = em.createNativeQuery("""
                        select a.clinic_date, a.units_administered from appointment a
                        join treatment_plan p on p.referral_id = a.referral_id
                        where a.status = 'FULFILLED' and a.clinic_date between ?1 and ?2 and """ + samePatient)
                .setParameter(1, date.minusDays(DoseLimit.WINDOW_DAYS))
                .setParameter(2, date)
                .setParameter(3, plan.referralId());
        if (identified) {
            query.setParameter(4, patient.dateOfBirth()).setParameter(5, patient.lastName()).setParameter(6, patient.firstName());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new DoseLimit.GivenDose(toDate(r[0]), ((Number) r[1]).intValue())).toList();
    }

    /** Locks the appointment's plan and then the appointment, in the same order as a booking. */
    private Appointment lockedAppointment(UUID id) {
        Appointment appointment = find(id).orElseThrow(() -> Problems.notFound("appointment", id));
        lockedPlan(appointment.referralId());
        em.refresh(appointment, LockModeType.PESSIMISTIC_WRITE);
        return appointment;
    }

    private TreatmentPlan lockedPlan(UUID referralId) {
        TreatmentPlan plan = em.find(TreatmentPlan.class, referralId, LockModeType.PESSIMISTIC_WRITE);
        if (plan == null) {
            throw Problems.notFound("treatment plan", referralId);
        }
        return plan;
    }

    private void requireNotPast(LocalDate date) {
        if (date.isBefore(LocalDate.now(clock))) {
            throw Problems.invalid(Map.of("date", "must be today or later"));
        }
    }

    /** Completing, checking in or marking a no-show needs the appointment's day to have come. */
    private void requireDateReached(Appointment appointment, String action) {
        if (LocalDate.now(clock).isBefore(appointment.date())) {
            throw Problems.rule(BEFORE_APPOINTMENT_DATE, "the appointment on " + appointment.date() + " cannot be "
                    + action + " before its date", Map.of("date", appointment.date().toString()));
        }
    }

    private static LocalDate toDate(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
