package org.botoxclinic.scheduling.plan.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.botoxclinic.contracts.EventTypes;
import org.botoxclinic.platform.events.DomainEvent;
import org.botoxclinic.scheduling.plan.domain.ChangeFromBaseline;
import org.botoxclinic.scheduling.plan.domain.Measurement;
import org.botoxclinic.scheduling.plan.domain.TreatmentOutcome;
import org.botoxclinic.scheduling.plan.domain.TreatmentPlan;

/**
 * Published when staff record an outcome; insurance-service reads it as documented benefit (or its lack) for a
 * reauthorization. The baseline is the plan's on the same scale, else null, and so is the improvement. Carries the
 * plan's patient id (null for plans from before patients had one).
 */
public record OutcomeRecorded(UUID outcomeId, UUID referralId, UUID patientId, String indication, String measure, BigDecimal value,
                              LocalDate assessedOn, Baseline baseline, BigDecimal improvementPercent,
                              int treatmentsCompleted, OffsetDateTime recordedAt) implements DomainEvent {

    /** The referral's figure before treatment, on the outcome's scale. */
    public record Baseline(String measure, BigDecimal value) {
    }

    public static OutcomeRecorded of(TreatmentPlan plan, TreatmentOutcome outcome) {
        ChangeFromBaseline change = ChangeFromBaseline.of(plan.baseline(), outcome.measurement());
        Measurement baseline = change.baselineValue() == null ? null : plan.baseline();
        return new OutcomeRecorded(outcome.id(), plan.referralId(), plan.patientId(), plan.indication(), outcome.measure().name(),
                outcome.value(), outcome.assessedOn(),
                baseline == null ? null : new Baseline(baseline.measure().name(), baseline.value()),
                change.improvementPercent(), plan.treatmentsCompleted(), outcome.recordedAt());
    }

    @Override
    public String type() {
        return EventTypes.OUTCOME_RECORDED;
    }

    @Override
    public OffsetDateTime occurredAt() {
        return recordedAt;
    }
}
