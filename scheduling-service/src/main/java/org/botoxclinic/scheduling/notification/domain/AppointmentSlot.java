package org.botoxclinic.scheduling.notification.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * When an appointment is: its clinic day and start time. Reminders and confirmations belong to one slot; a reschedule
 * to another slot withdraws the reminders of the old one and makes the appointment unconfirmed again.
 */
public record AppointmentSlot(LocalDate date, LocalTime startTime) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** The slot as text, e.g. {@code 2026-12-16T09:30}: part of a reminder's once-key and of the confirmation token. */
    public String key() {
        return date + "T" + TIME.format(startTime);
    }
}
