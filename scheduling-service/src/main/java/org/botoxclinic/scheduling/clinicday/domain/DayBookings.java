package org.botoxclinic.scheduling.clinicday.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the calendar needs to know of the appointments on its days. The appointment feature answers it (it
 * depends on clinic days, never the reverse), so the calendar reads bookings without knowing what an appointment is.
 */
public interface DayBookings {

    /** Chair time taken on each day of the range that has any. */
    Map<LocalDate, BookedTime> bookedBetween(LocalDate from, LocalDate to);

    /** Minutes holding chair time on a day, leaving out one appointment (the one being moved) if given. */
    int bookedMinutes(LocalDate date, UUID except);

    /** The chair and injector time held on a day (all but cancelled appointments), leaving out one if given. */
    List<BookedSlot> slotsOn(LocalDate date, UUID except);

    /** The day's appointments holding time (all but cancelled ones), by start time, then chair. */
    List<ScheduleEntry> scheduleOn(LocalDate date);

    /** The day's no-shows, cancellations and treatments. */
    DayFigures figuresOn(LocalDate date);

    /** The day's open appointments, oldest booking first. */
    List<OpenBooking> openOn(LocalDate date);
}
