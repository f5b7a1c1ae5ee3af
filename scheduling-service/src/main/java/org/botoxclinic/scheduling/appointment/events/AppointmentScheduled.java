package org.botoxclinic.scheduling.appointment.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Published when a patient is booked onto a clinic day. */
public record AppointmentScheduled(UUID referralId, UUID appointmentId, LocalDate date, int durationMinutes,
                                   UUID authorizationId, OffsetDateTime scheduledAt) {

    public static final String TYPE = "AppointmentScheduled";
}
