package org.botoxclinic.scheduling.appointment.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.botoxclinic.contracts.EventTypes;
import org.botoxclinic.platform.events.DomainEvent;
import org.botoxclinic.scheduling.appointment.domain.Appointment;

/** Published when a booked appointment moves to another clinic day. */
public record AppointmentRescheduled(UUID referralId, UUID patientId, UUID appointmentId, LocalDate previousDate,
                                     LocalDate date, OffsetDateTime rescheduledAt) implements DomainEvent {

    public static final String TYPE = EventTypes.APPOINTMENT_RESCHEDULED;

    /** @param patientId the plan's patient id (null for plans from before patients had one) */
    public static AppointmentRescheduled of(Appointment appointment, UUID patientId, LocalDate previousDate,
                                            OffsetDateTime rescheduledAt) {
        return new AppointmentRescheduled(appointment.referralId(), patientId, appointment.id(), previousDate,
                appointment.date(), rescheduledAt);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public OffsetDateTime occurredAt() {
        return rescheduledAt;
    }
}
