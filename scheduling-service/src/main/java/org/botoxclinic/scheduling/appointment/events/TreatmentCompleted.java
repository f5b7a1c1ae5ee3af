package org.botoxclinic.scheduling.appointment.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.botoxclinic.contracts.EventTypes;
import org.botoxclinic.platform.events.DomainEvent;
import org.botoxclinic.scheduling.appointment.domain.Appointment;
import org.botoxclinic.scheduling.plan.domain.Authorization;

/** Published when a treatment was given; insurance-service counts the visit and the units against the authorization. */
public record TreatmentCompleted(UUID referralId, UUID patientId, UUID appointmentId, UUID authorizationId,
                                 String authorizationNumber, LocalDate date, int unitsAdministered, int unitsWasted,
                                 OffsetDateTime completedAt) implements DomainEvent {

    public static final String TYPE = EventTypes.TREATMENT_COMPLETED;

    /**
     * The treatment given at the appointment, counted against the plan's authorization (if it still has one), for the
     * plan's patient id (null for plans from before patients had one).
     */
    public static TreatmentCompleted of(Appointment appointment, UUID patientId, Authorization authorization,
                                        OffsetDateTime completedAt) {
        return new TreatmentCompleted(appointment.referralId(), patientId, appointment.id(),
                authorization == null ? null : authorization.id(), authorization == null ? null : authorization.number(),
                appointment.date(), appointment.unitsAdministered(), appointment.unitsWasted(), completedAt);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public OffsetDateTime occurredAt() {
        return completedAt;
    }
}
