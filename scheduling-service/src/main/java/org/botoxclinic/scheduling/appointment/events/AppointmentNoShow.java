package org.botoxclinic.scheduling.appointment.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Published when a booked patient did not come, marked by staff or by the no-show job. */
public record AppointmentNoShow(UUID referralId, UUID appointmentId, LocalDate date, OffsetDateTime recordedAt) {

    public static final String TYPE = "AppointmentNoShow";
}
