package org.botoxclinic.scheduling.appointment.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.botoxclinic.contracts.EventTypes;
import org.botoxclinic.platform.events.DomainEvent;
import org.botoxclinic.scheduling.appointment.domain.Appointment;
import org.botoxclinic.scheduling.plan.domain.Authorization;
import org.botoxclinic.scheduling.plan.domain.PrimaryOutcome;
import org.botoxclinic.scheduling.plan.domain.TreatmentPlan;

/**
 * Published when a treatment was given; insurance-service counts the visit and the units against the authorization,
 * and referral-service reports the treatment, with the latest outcome against the baseline, to the referring practice.
 * Carries the plan's patient id (null for plans from before patients had one).
 */
public record TreatmentCompleted(UUID referralId, UUID patientId, UUID appointmentId, UUID authorizationId,
                                 String authorizationNumber, LocalDate date, int unitsAdministered, int unitsWasted,
                                 OffsetDateTime completedAt, String indication, LatestOutcome latestOutcome)
        implements DomainEvent {

    public static final String TYPE = EventTypes.TREATMENT_COMPLETED;

    /** The plan's most recent outcome on the indication's primary measure when the treatment was recorded. */
    public record LatestOutcome(String measure, BigDecimal value, LocalDate assessedOn, BigDecimal baselineValue,
                                BigDecimal improvementPercent) {

        static LatestOutcome of(PrimaryOutcome outcome) {
            return outcome == null ? null
                    : new LatestOutcome(outcome.change().measure().name(), outcome.change().value(), outcome.assessedOn(),
                            outcome.change().baselineValue(), outcome.change().improvementPercent());
        }
    }

    /** The treatment given at the appointment, counted against the plan's authorization (if it still has one). */
    public static TreatmentCompleted of(Appointment appointment, TreatmentPlan plan, OffsetDateTime completedAt) {
        Authorization authorization = plan.authorization();
        return new TreatmentCompleted(appointment.referralId(), plan.patientId(), appointment.id(),
                authorization == null ? null : authorization.id(), authorization == null ? null : authorization.number(),
                appointment.date(), appointment.unitsAdministered(), appointment.unitsWasted(), completedAt,
                plan.indication(), LatestOutcome.of(plan.latestPrimaryOutcome()));
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
