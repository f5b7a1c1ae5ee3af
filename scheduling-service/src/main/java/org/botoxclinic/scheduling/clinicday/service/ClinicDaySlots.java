package org.botoxclinic.scheduling.clinicday.service;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.botoxclinic.scheduling.clinicday.domain.ChairTime;
import org.botoxclinic.scheduling.clinicday.domain.ClinicDay;
import org.botoxclinic.scheduling.clinicday.domain.DayBookings;
import org.botoxclinic.scheduling.clinicday.domain.DayResources;
import org.botoxclinic.scheduling.clinicday.domain.DaySlots;
import org.botoxclinic.scheduling.clinicday.domain.Slot;
import org.botoxclinic.scheduling.clinicday.domain.SlotWanted;
import org.botoxclinic.scheduling.clinicday.repository.ClinicDayRepository;
import org.botoxclinic.scheduling.config.SchedulingConfig;

/**
 * The free time of clinic days: which chair and injector an appointment of a given length can have, and when. A day
 * has room for an appointment when it is open, its capacity (chair minutes) covers the minutes booked plus the
 * appointment's, and some chair and injector are both free for the whole of it (see {@link DaySlots}).
 *
 * <p>Read without locks: what it answers may be taken by a booking a moment later. Bookings read the day with
 * {@link #day(LocalDate, UUID)} under the day's row lock (taken by {@link ClinicDayService#lockForBooking}).
 */
@ApplicationScoped
public class ClinicDaySlots {

    private final ClinicDayRepository days;
    private final DayBookings bookings;
    private final SchedulingConfig config;

    public ClinicDaySlots(ClinicDayRepository days, DayBookings bookings, SchedulingConfig config) {
        this.days = days;
        this.bookings = bookings;
        this.config = config;
    }

    /** The first free slot of the given length on an open day with room, chairs and injectors in their listed order. */
    @Transactional
    public Optional<Slot> firstFree(LocalDate date, int durationMinutes) {
        if (!hasMinutesFor(date, durationMinutes)) {
            return Optional.empty();
        }
        return day(date, null).first(durationMinutes, SlotWanted.ANY);
    }

    /**
     * Free start times of the given length near a time on an open day with room: at most {@code max} before it and
     * at most {@code max} after it, nearest first.
     */
    @Transactional
    public List<LocalTime> nearestFree(LocalDate date, int durationMinutes, LocalTime around, int max) {
        if (!hasMinutesFor(date, durationMinutes)) {
            return List.of();
        }
        return day(date, null).nearest(durationMinutes, SlotWanted.ANY, around, max);
    }

    /** The day's chairs and injectors: those staff set, or else the configured defaults. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DayResources resources(LocalDate date) {
        ClinicDayRepository.StoredResources stored = days.resources(date);
        return stored.isEmpty() ? defaults() : new DayResources(stored.chairs(), stored.providers(), true);
    }

    /** The configured day: chairs x hours from the opening time, with as many injectors. */
    public DayResources defaults() {
        SchedulingConfig.ClinicDays d = config.clinicDays();
        return DayResources.defaults(d.chairs(), d.injectors(), d.opensAt(), d.hours());
    }

    /** The day's resources and the time held on it, leaving out the appointment being moved (if any). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DaySlots day(LocalDate date, UUID except) {
        return new DaySlots(date, resources(date), bookings.slotsOn(date, except), config.slotStepMinutes());
    }

    private boolean hasMinutesFor(LocalDate date, int durationMinutes) {
        Optional<ClinicDay> day = days.findByIdOptional(date);
        return day.isPresent() && day.get().isOpen()
                && ChairTime.fits(day.get().capacityMinutes(), bookings.bookedMinutes(date, null), durationMinutes);
    }
}
