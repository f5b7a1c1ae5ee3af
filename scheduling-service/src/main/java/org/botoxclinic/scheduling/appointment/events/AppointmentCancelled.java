package org.botoxclinic.scheduling.appointment.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.botoxclinic.scheduling.appointment.domain.CancelledBy;

/** Published when an appointment is called off by the patient or the clinic. */
public record AppointmentCancelled(UUID referralId, UUID appointmentId, LocalDate date, String reason,
                                   CancelledBy cancelledBy, OffsetDateTime cancelledAt) {

    public static final String TYPE = "AppointmentCancelled";
}
