package org.botoxclinic.scheduling.notification.api;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.botoxclinic.scheduling.notification.service.ConfirmationService;

/** The confirmed slot: what the patient's confirmation page shows back (no name, no clinical detail). */
public record ConfirmationView(UUID appointmentId, LocalDate date, LocalTime startTime, OffsetDateTime confirmedAt) {

    public static ConfirmationView of(ConfirmationService.Confirmation c) {
        return new ConfirmationView(c.appointmentId(), c.slot().date(), c.slot().startTime(),
                c.confirmedAt());
    }
}
