package org.botoxclinic.scheduling.appointment.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.botoxclinic.platform.audit.AuditTrail;
import org.botoxclinic.platform.domain.InvalidInputException;
import org.botoxclinic.platform.outbox.Outbox;
import org.botoxclinic.platform.time.Timestamps;
import org.botoxclinic.scheduling.appointment.domain.Appointment;
import org.botoxclinic.scheduling.appointment.domain.BookingRequest;
import org.botoxclinic.scheduling.appointment.domain.BookingRules;
import org.botoxclinic.scheduling.appointment.events.AppointmentRescheduled;
import org.botoxclinic.scheduling.appointment.events.AppointmentScheduled;
import org.botoxclinic.scheduling.appointment.repository.AppointmentRepository;
import org.botoxclinic.scheduling.clinicday.domain.ClinicDay;
import org.botoxclinic.scheduling.clinicday.service.ClinicDayService;
import org.botoxclinic.scheduling.plan.domain.TreatmentPlan;
import org.jboss.logging.Logger;

/** Puts a referral on a clinic day, or moves it to another, when every booking rule agrees. */
@ApplicationScoped
public class AppointmentBookingService {

    private static final Logger LOG = Logger.getLogger(AppointmentBookingService.class);

    private final AppointmentRepository appointments;
    private final AppointmentLocks locks;
    private final ClinicDayService clinicDays;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    public AppointmentBookingService(AppointmentRepository appointments, AppointmentLocks locks, ClinicDayService clinicDays,
                                     Outbox outbox, AuditTrail audit, Clock clock) {
        this.appointments = appointments;
        this.locks = locks;
        this.clinicDays = clinicDays;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Appointment book(UUID referralId, LocalDate date) {
        requireNotPast(date);
        TreatmentPlan plan = locks.plan(referralId);
        int duration = clinicDays.durations().of(plan.indication());
        BookingRules.requirePasses(request(plan, date, duration, null));
        OffsetDateTime now = Timestamps.now(clock);
        Appointment appointment = Appointment.book(referralId, date, duration, plan.authorization().id(), now);
        appointments.persist(appointment);
        plan.booked(now);
        appointments.flush();
        outbox.append(AppointmentScheduled.of(appointment, plan.patientId(), now));
        audit.record("BOOK", AppointmentService.RESOURCE, appointment.id(), referralId);
        LOG.infof("Appointment %s booked for referral %s", appointment.id(), referralId);
        return appointment;
    }

    @Transactional
    public Appointment reschedule(UUID id, LocalDate date) {
        requireNotPast(date);
        AppointmentLocks.Locked locked = locks.appointment(id);
        Appointment appointment = locked.appointment();
        OffsetDateTime now = Timestamps.now(clock);
        LocalDate previous = appointment.reschedule(
                request(locked.plan(), date, appointment.durationMinutes(), appointment.id()), now);
        if (!previous.equals(date)) {
            appointments.flush();
            outbox.append(AppointmentRescheduled.of(appointment, locked.plan().patientId(), previous, now));
            LOG.infof("Appointment %s for referral %s rescheduled", id, appointment.referralId());
        }
        audit.record("RESCHEDULE", AppointmentService.RESOURCE, id, appointment.referralId());
        return appointment;
    }

    /** What the booking rules look at, read under the plan's and the day's locks (the day is locked here). */
    private BookingRequest request(TreatmentPlan plan, LocalDate date, int duration, UUID moving) {
        Optional<ClinicDay> day = clinicDays.lockForBooking(date);
        boolean otherOpen = appointments.openFor(plan.referralId()).stream().anyMatch(a -> !a.id().equals(moving));
        return new BookingRequest(date, plan.isBookable(), plan.authorization(), plan.visitsUsed(),
                plan.cadenceLastTreatmentDate(), day.map(ClinicDay::isOpen).orElse(null),
                day.map(ClinicDay::capacityMinutes).orElse(0),
                day.isPresent() ? appointments.bookedMinutes(date, moving) : 0, duration, otherOpen);
    }

    private void requireNotPast(LocalDate date) {
        if (date.isBefore(LocalDate.now(clock))) {
            throw new InvalidInputException("date", "must be today or later");
        }
    }
}
