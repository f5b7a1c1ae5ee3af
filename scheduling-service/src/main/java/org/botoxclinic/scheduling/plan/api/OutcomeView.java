package org.botoxclinic.scheduling.plan.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.botoxclinic.scheduling.plan.domain.ChangeFromBaseline;
import org.botoxclinic.scheduling.plan.domain.Measurement;
import org.botoxclinic.scheduling.plan.domain.OutcomeMeasure;
import org.botoxclinic.scheduling.plan.domain.TreatmentOutcome;
import org.botoxclinic.scheduling.plan.service.TreatmentOutcomeService;

/** One recorded assessment, with its improvement over the plan's baseline on the same scale (null without one). */
public record OutcomeView(UUID id, UUID referralId, LocalDate assessedOn, OutcomeMeasure measure, BigDecimal value,
                          BigDecimal improvementPercent, OffsetDateTime recordedAt) {

    public static OutcomeView of(TreatmentOutcomeService.PlanOutcome planOutcome) {
        return of(planOutcome.outcome(), planOutcome.baseline());
    }

    public static OutcomeView of(TreatmentOutcome outcome, Measurement baseline) {
        ChangeFromBaseline change = ChangeFromBaseline.of(baseline, outcome.measurement());
        return new OutcomeView(outcome.id(), outcome.referralId(), outcome.assessedOn(), outcome.measure(), outcome.value(),
                change.improvementPercent(), outcome.recordedAt());
    }
}
