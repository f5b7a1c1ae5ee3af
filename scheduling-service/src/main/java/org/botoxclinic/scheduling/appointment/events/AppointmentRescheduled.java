package org.botoxclinic.scheduling.appointment.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Published when a booked appointment moves to another clinic day. */
public record AppointmentRescheduled(UUID referralId, UUID appointmentId, LocalDate previousDate, LocalDate date,
                                     OffsetDateTime rescheduledAt) {

    public static final String TYPE = "AppointmentRescheduled";
}
