package org.botoxclinic.scheduling.notification.service;

import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.botoxclinic.scheduling.appointment.domain.Appointment;
import org.botoxclinic.scheduling.notification.domain.AppointmentSlot;

/** An appointment's slot, as reminders and confirmations see it. */
final class AppointmentSlots {

    private AppointmentSlots() {
    }

    static AppointmentSlot of(Appointment appointment) {
        return new AppointmentSlot(appointment.date(), appointment.startTime());
    }

    /** When the appointment begins, in the clinic's zone. */
    static OffsetDateTime startsAt(Appointment appointment, ZoneId zone) {
        return appointment.date().atTime(appointment.startTime()).atZone(zone).toOffsetDateTime();
    }
}
