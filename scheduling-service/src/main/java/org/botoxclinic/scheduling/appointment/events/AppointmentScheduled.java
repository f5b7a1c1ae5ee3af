package org.botoxclinic.scheduling.appointment.events;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

import org.botoxclinic.contracts.EventTypes;
import org.botoxclinic.platform.events.DomainEvent;
import org.botoxclinic.scheduling.appointment.domain.Appointment;

/**
 * Published when a patient is booked onto a clinic day: the day, the start and end time, the chair and the injector,
 * and the start as an instant in the clinic's time zone ({@code startsAt}).
 */
public record AppointmentScheduled(UUID referralId, UUID patientId, UUID appointmentId, LocalDate date,
                                   int durationMinutes, UUID authorizationId, OffsetDateTime scheduledAt,
                                   LocalTime startTime, LocalTime endTime, String chair, String providerId,
                                   OffsetDateTime startsAt)
        implements DomainEvent {

    public static final String TYPE = EventTypes.APPOINTMENT_SCHEDULED;

    /**
     * @param patientId the plan's patient id (null for plans from before patients had one)
     * @param zone      the clinic's time zone
     */
    public static AppointmentScheduled of(Appointment appointment, UUID patientId, OffsetDateTime scheduledAt, ZoneId zone) {
        return new AppointmentScheduled(appointment.referralId(), patientId, appointment.id(), appointment.date(),
                appointment.durationMinutes(), appointment.authorizationId(), scheduledAt, appointment.startTime(),
                appointment.endTime(), appointment.chair(), appointment.providerId(), startsAt(appointment, zone));
    }

    /** When the appointment starts, with the clinic zone's offset on that day. */
    static OffsetDateTime startsAt(Appointment appointment, ZoneId zone) {
        return appointment.date().atTime(appointment.startTime()).atZone(zone).toOffsetDateTime();
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
