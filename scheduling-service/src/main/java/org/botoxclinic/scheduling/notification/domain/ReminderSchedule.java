package org.botoxclinic.scheduling.notification.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * When reminders go out: on the day {@code n} days before the appointment's day, for each configured {@code n} (7 and
 * 1 by default). A reminder whose day has passed when the appointment is booked is sent at once, unless a later one is
 * due too: a booking 3 days ahead gets the 7-day reminder now and the 1-day one on the eve; a booking for tomorrow gets
 * only the 1-day one. Nothing is due once the appointment's day has passed.
 */
public record ReminderSchedule(List<Integer> daysBefore) {

    public ReminderSchedule {
        daysBefore = daysBefore.stream().distinct().sorted().toList();
        if (daysBefore.isEmpty() || daysBefore.get(0) < 0) {
            throw new IllegalArgumentException("reminder days before must be zero or more, at least one of them");
        }
    }

    /** The reminder due today for an appointment on {@code appointmentDay}: the fewest days before whose day has come. */
    public Optional<Integer> due(LocalDate appointmentDay, LocalDate today) {
        if (today.isAfter(appointmentDay)) {
            return Optional.empty();
        }
        return daysBefore.stream().filter(n -> !today.isBefore(appointmentDay.minusDays(n))).findFirst();
    }

    /** How far ahead the planner looks: appointments up to this many days from today can have a reminder due. */
    public int horizonDays() {
        return daysBefore.get(daysBefore.size() - 1);
    }
}
