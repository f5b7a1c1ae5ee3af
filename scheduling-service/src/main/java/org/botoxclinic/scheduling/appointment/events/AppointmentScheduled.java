package org.botoxclinic.scheduling.appointment.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.botoxclinic.contracts.EventTypes;
import org.botoxclinic.platform.events.DomainEvent;
import org.botoxclinic.scheduling.appointment.domain.Appointment;

/** Published when a patient is booked onto a clinic day. */
public record AppointmentScheduled(UUID referralId, UUID patientId, UUID appointmentId, LocalDate date,
                                   int durationMinutes, UUID authorizationId, OffsetDateTime scheduledAt)
        implements DomainEvent {

    public static final String TYPE = EventTypes.APPOINTMENT_SCHEDULED;

    /** @param patientId the plan's patient id (null for plans from before patients had one) */
    public static AppointmentScheduled of(Appointment appointment, UUID patientId, OffsetDateTime scheduledAt) {
        return new AppointmentScheduled(appointment.referralId(), patientId, appointment.id(), appointment.date(),
                appointment.durationMinutes(), appointment.authorizationId(), scheduledAt);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public OffsetDateTime occurredAt() {
        return scheduledAt;
    }
}
