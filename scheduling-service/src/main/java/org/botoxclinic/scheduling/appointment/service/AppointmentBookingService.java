package org.botoxclinic.scheduling.appointment.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.botoxclinic.platform.audit.AuditTrail;
import org.botoxclinic.platform.domain.ConflictException;
import org.botoxclinic.platform.domain.InvalidInputException;
import org.botoxclinic.platform.domain.RuleRefusedException;
import org.botoxclinic.platform.outbox.Outbox;
import org.botoxclinic.platform.time.Timestamps;
import org.botoxclinic.scheduling.appointment.domain.Appointment;
import org.botoxclinic.scheduling.appointment.domain.BookingRefusal;
import org.botoxclinic.scheduling.appointment.domain.BookingRequest;
import org.botoxclinic.scheduling.appointment.domain.BookingRules;
import org.botoxclinic.scheduling.appointment.events.AppointmentRescheduled;
import org.botoxclinic.scheduling.appointment.events.AppointmentScheduled;
import org.botoxclinic.scheduling.appointment.repository.AppointmentRepository;
import org.botoxclinic.scheduling.clinicday.domain.CapacityFreed;
import org.botoxclinic.scheduling.clinicday.domain.ClinicDay;
import org.botoxclinic.scheduling.clinicday.domain.DaySlots;
import org.botoxclinic.scheduling.clinicday.domain.Slot;
import org.botoxclinic.scheduling.clinicday.domain.SlotWanted;
import org.botoxclinic.scheduling.clinicday.service.ClinicDayService;
import org.botoxclinic.scheduling.clinicday.service.ClinicDaySlots;
import org.botoxclinic.scheduling.plan.domain.TreatmentPlan;
import org.jboss.logging.Logger;

/**
 * Puts a referral on a clinic day, or moves it to another, when every booking rule agrees: at a start time, in a
 * chair and with an injector that are all free for the indication's duration (the first free slot unless a time,
 * chair or injector is asked for).
 */
@ApplicationScoped
public class AppointmentBookingService {

    private static final Logger LOG = Logger.getLogger(AppointmentBookingService.class);
    /** How many free times before and after a refused requested time are offered. */
    static final int NEAREST_FREE_TIMES = 3;
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final AppointmentRepository appointments;
    private final AppointmentLocks locks;
    private final ClinicDayService clinicDays;
    private final ClinicDaySlots slots;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;
    private final Event<CapacityFreed> capacityFreed;

    public AppointmentBookingService(AppointmentRepository appointments, AppointmentLocks locks, ClinicDayService clinicDays,
                                     ClinicDaySlots slots, Outbox outbox, AuditTrail audit, Clock clock,
                                     Event<CapacityFreed> capacityFreed) {
        this.appointments = appointments;
        this.locks = locks;
        this.clinicDays = clinicDays;
        this.slots = slots;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.capacityFreed = capacityFreed;
    }

    /** Books the first free slot of the day. */
    @Transactional
    public Appointment book(UUID referralId, LocalDate date) {
        return book(referralId, date, null, null, null);
    }

    /**
     * Books the referral onto the day: at the requested start time, chair and injector, each null meaning any; with
     * all null, the first free slot. A requested slot that is taken is refused with 409 SLOT_UNAVAILABLE and
     * the nearest free start times; a day with no room at all with 422 CLINIC_DAY_FULL.
     */
    @Transactional
    public Appointment book(UUID referralId, LocalDate date, LocalTime startTime, String chair, String providerId) {
        requireNotPast(date);
        SlotWanted wanted = wanted(startTime, chair, providerId);
        TreatmentPlan plan = locks.plan(referralId);
        int duration = clinicDays.durations().of(plan.indication());
        BookingRules.requirePasses(request(plan, date, duration, null));
        Slot slot = slot(date, duration, wanted, null);
        OffsetDateTime now = Timestamps.now(clock);
        Appointment appointment = Appointment.book(referralId, slot, duration, plan.authorization().id(), now);
        appointments.persist(appointment);
        plan.booked(now);
        appointments.flush();
        outbox.append(AppointmentScheduled.of(appointment, plan.patientId(), now, clock.getZone()));
        audit.record("BOOK", AppointmentService.RESOURCE, appointment.id(), referralId);
        LOG.infof("Appointment %s booked for referral %s", appointment.id(), referralId);
        return appointment;
    }

    /** Moves the appointment to the first free slot of another day; to the day it is on already, changes nothing. */
    @Transactional
    public Appointment reschedule(UUID id, LocalDate date) {
        return reschedule(id, date, null, null, null);
    }

    /**
     * Moves a booked appointment to a date and, if asked, a start time, chair and injector (null: any). Another day
     * must pass the booking rules; the same day with nothing asked changes nothing, and with a time, chair or injector
     * asked moves the appointment within the day.
     */
    @Transactional
    public Appointment reschedule(UUID id, LocalDate date, LocalTime startTime, String chair, String providerId) {
        requireNotPast(date);
        SlotWanted wanted = wanted(startTime, chair, providerId);
        AppointmentLocks.Locked locked = locks.appointment(id);
        Appointment appointment = locked.appointment();
        appointment.requireReschedulable();
        LocalDate previousDate = appointment.date();
        LocalTime previousStart = appointment.startTime();
        Slot previousSlot = new Slot(previousDate, previousStart, appointment.endTime(), appointment.chair(),
                appointment.providerId());
        if (!date.equals(previousDate) || !wanted.isAny()) {
            appointment.requireMayMoveTo(request(locked.plan(), date, appointment.durationMinutes(), appointment.id()));
            Slot slot = slot(date, appointment.durationMinutes(), wanted, appointment.id());
            if (!slot.date().equals(previousDate) || !slot.startTime().equals(previousStart)
                    || !slot.chair().equals(appointment.chair()) || !slot.providerId().equals(appointment.providerId())) {
                OffsetDateTime now = Timestamps.now(clock);
                appointment.moveTo(slot, now);
                appointments.flush();
                outbox.append(AppointmentRescheduled.of(appointment, locked.plan().patientId(), previousDate,
                        previousStart, now, clock.getZone()));
                LOG.infof("Appointment %s for referral %s rescheduled", id, appointment.referralId());
                capacityFreed.fire(new CapacityFreed(previousDate, previousSlot));
            }
        }
        audit.record("RESCHEDULE", AppointmentService.RESOURCE, id, appointment.referralId());
        return appointment;
    }

    /**
     * The slot the appointment gets, read under the day's lock (taken by {@link #request}): the first that honours
     * what is wanted, leaving out the appointment being moved.
     */
    private Slot slot(LocalDate date, int duration, SlotWanted wanted, UUID moving) {
        DaySlots day = slots.day(date, moving);
        if (wanted.chair() != null && day.resources().chair(wanted.chair()).isEmpty()) {
            throw new InvalidInputException("chair", "is not a chair on " + date);
        }
        if (wanted.providerId() != null && day.resources().provider(wanted.providerId()).isEmpty()) {
            throw new InvalidInputException("providerId", "is not an injector on " + date);
        }
        Optional<Slot> slot = day.first(duration, wanted);
        if (slot.isPresent()) {
            return slot.get();
        }
        if (day.first(duration, SlotWanted.ANY).isEmpty()) {
            throw new RuleRefusedException(BookingRefusal.CLINIC_DAY_FULL, date + " has no chair and injector free "
                    + "together for " + duration + " minutes", Map.of("durationMinutes", duration));
        }
        List<String> nearest = wanted.startTime() == null ? List.of()
                : day.nearest(duration, wanted.anyTime(), wanted.startTime(), NEAREST_FREE_TIMES).stream()
                        .map(HH_MM::format).toList();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("nearestFreeTimes", nearest);
        properties.put("durationMinutes", duration);
        throw new ConflictException(BookingRefusal.SLOT_UNAVAILABLE, describe(wanted) + " on " + date + " is not free for "
                + duration + " minutes", properties);
    }

    private static String describe(SlotWanted wanted) {
        StringBuilder s = new StringBuilder("the requested slot (");
        if (wanted.startTime() != null) {
            s.append("at ").append(HH_MM.format(wanted.startTime()));
        }
        if (wanted.chair() != null) {
            s.append(wanted.startTime() != null ? ", " : "").append("chair ").append(wanted.chair());
        }
        if (wanted.providerId() != null) {
            s.append(wanted.startTime() != null || wanted.chair() != null ? ", " : "").append("injector ")
                    .append(wanted.providerId());
        }
        return s.append(')').toString();
    }

    private static SlotWanted wanted(LocalTime startTime, String chair, String providerId) {
        if (startTime != null && (startTime.getSecond() != 0 || startTime.getNano() != 0)) {
            throw new InvalidInputException("startTime", "must be a whole minute (HH:mm)");
        }
        if (chair != null && chair.isBlank()) {
            throw new InvalidInputException("chair", "must not be blank");
        }
        if (providerId != null && providerId.isBlank()) {
            throw new InvalidInputException("providerId", "must not be blank");
        }
        return new SlotWanted(startTime, chair, providerId);
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
