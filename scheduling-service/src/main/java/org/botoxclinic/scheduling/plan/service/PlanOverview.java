package org.botoxclinic.scheduling.plan.service;

import java.time.LocalDate;

import org.botoxclinic.scheduling.plan.domain.TreatmentPlan;

/** A plan with what a scheduler acts on: the first day the patient may be treated and the clinic day to offer. */
public record PlanOverview(TreatmentPlan plan, LocalDate nextEligibleDate, LocalDate suggestedClinicDay) {
}
