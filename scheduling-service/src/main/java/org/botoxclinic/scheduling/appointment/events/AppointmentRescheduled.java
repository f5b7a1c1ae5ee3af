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
 * Published when a booked appointment moves to another clinic day, or to another time, chair or injector on its day:
 * where it was ({@code previousDate}, {@code previousStartTime}) and where it is now.
 */
public record AppointmentRescheduled(UUID referralId, UUID patientId, UUID appointmentId, LocalDate previousDate,
                                     LocalDate date, OffsetDateTime rescheduledAt, LocalTime previousStartTime,
                                     LocalTime startTime, LocalTime endTime, String chair, String providerId,
                                     OffsetDateTime startsAt) implements DomainEvent {

    public static final String TYPE = EventTypes.APPOINTMENT_RESCHEDULED;

    /**
     * @param patientId the plan's patient id (null for plans from before patients had one)
     * @param zone      the clinic's time zone
     */
    public static AppointmentRescheduled of(Appointment appointment, UUID patientId, LocalDate previousDate,
                                            LocalTime previousStartTime, OffsetDateTime rescheduledAt, ZoneId zone) {
        return new AppointmentRescheduled(appointment.referralId(), patientId, appointment.id(), previousDate,
                appointment.date(), rescheduledAt, previousStartTime, appointment.startTime(), appointment.endTime(),
                appointment.chair(), appointment.providerId(), AppointmentScheduled.startsAt(appointment, zone));
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
