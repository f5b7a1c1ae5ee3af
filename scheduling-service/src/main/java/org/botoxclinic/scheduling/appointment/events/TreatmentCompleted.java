package org.botoxclinic.scheduling.appointment.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Published when a treatment was given; insurance-service counts the visit and the units against the authorization. */
public record TreatmentCompleted(UUID referralId, UUID appointmentId, UUID authorizationId, String authorizationNumber,
                                 LocalDate date, int unitsAdministered, int unitsWasted, OffsetDateTime completedAt) {

    public static final String TYPE = "TreatmentCompleted";
}
