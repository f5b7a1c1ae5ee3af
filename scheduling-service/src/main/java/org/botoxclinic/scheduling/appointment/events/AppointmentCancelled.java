package org.botoxclinic.scheduling.appointment.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.botoxclinic.contracts.EventTypes;
import org.botoxclinic.platform.events.DomainEvent;
import org.botoxclinic.scheduling.appointment.domain.Appointment;

/** Published when an appointment is called off by the patient or the clinic ({@code cancelledBy} PATIENT or CLINIC). */
public record AppointmentCancelled(UUID referralId, UUID patientId, UUID appointmentId, LocalDate date, String reason,
                                   String cancelledBy, OffsetDateTime cancelledAt) implements DomainEvent {

    public static final String TYPE = EventTypes.APPOINTMENT_CANCELLED;

    /** @param patientId the plan's patient id (null for plans from before patients had one) */
    public static AppointmentCancelled of(Appointment appointment, UUID patientId, OffsetDateTime cancelledAt) {
        return new AppointmentCancelled(appointment.referralId(), patientId, appointment.id(), appointment.date(),
                appointment.cancelReason(), appointment.cancelledBy().name(), cancelledAt);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public OffsetDateTime occurredAt() {
        return cancelledAt;
    }
}
