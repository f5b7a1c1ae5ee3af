package org.botoxclinic.scheduling.appointment.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.botoxclinic.contracts.EventTypes;
import org.botoxclinic.platform.events.DomainEvent;
import org.botoxclinic.scheduling.appointment.domain.Appointment;

/** Published when a booked patient did not come, marked by staff or by the no-show job. */
public record AppointmentNoShow(UUID referralId, UUID patientId, UUID appointmentId, LocalDate date,
                                OffsetDateTime recordedAt) implements DomainEvent {

    public static final String TYPE = EventTypes.APPOINTMENT_NO_SHOW;

    /** @param patientId the plan's patient id (null for plans from before patients had one) */
    public static AppointmentNoShow of(Appointment appointment, UUID patientId, OffsetDateTime recordedAt) {
        return new AppointmentNoShow(appointment.referralId(), patientId, appointment.id(), appointment.date(), recordedAt);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public OffsetDateTime occurredAt() {
        return recordedAt;
    }
}
