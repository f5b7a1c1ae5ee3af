package org.botoxclinic.scheduling.appointment.api;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import org.botoxclinic.scheduling.appointment.domain.Appointment;
import org.botoxclinic.scheduling.appointment.domain.AppointmentStatus;
import org.botoxclinic.scheduling.appointment.domain.CancelledBy;

/** An appointment as staff see it. */
public record AppointmentView(UUID id, UUID referralId, LocalDate date, int durationMinutes, AppointmentStatus status,
                              UUID authorizationId, Integer unitsAdministered, Integer unitsWasted,
                              Integer injectionSites, String notes, String cancelReason, CancelledBy cancelledBy,
                              LocalTime startTime, LocalTime endTime, String chair, String providerId) {

    public static AppointmentView of(Appointment a) {
        return new AppointmentView(a.id(), a.referralId(), a.date(), a.durationMinutes(), a.status(), a.authorizationId(),
                a.unitsAdministered(), a.unitsWasted(), a.injectionSites(), a.notes(), a.cancelReason(), a.cancelledBy(),
                a.startTime(), a.endTime(), a.chair(), a.providerId());
    }
}
