package org.botoxclinic.scheduling.plan.service;

import java.time.LocalDate;
import java.util.List;

import org.botoxclinic.scheduling.plan.domain.TreatmentOutcome;
import org.botoxclinic.scheduling.plan.domain.TreatmentPlan;

/**
 * A plan with what a scheduler acts on: the first day the patient may be treated and the clinic day to offer; and,
 * when the plan is read on its own (not in a worklist), its outcomes, most recent first.
 */
public record PlanOverview(TreatmentPlan plan, LocalDate nextEligibleDate, LocalDate suggestedClinicDay,
                           List<TreatmentOutcome> outcomes) {

    public PlanOverview(TreatmentPlan plan, LocalDate nextEligibleDate, LocalDate suggestedClinicDay) {
        this(plan, nextEligibleDate, suggestedClinicDay, null);
    }

    public PlanOverview withOutcomes(List<TreatmentOutcome> outcomes) {
        return new PlanOverview(plan, nextEligibleDate, suggestedClinicDay, outcomes);
    }
}
