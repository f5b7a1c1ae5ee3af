package org.botoxclinic.scheduling.plan.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.botoxclinic.platform.domain.PatientIdentity;
import org.botoxclinic.scheduling.plan.domain.AuthorizationUsage;
import org.botoxclinic.scheduling.plan.domain.Measurement;
import org.botoxclinic.scheduling.plan.domain.OutcomeMeasure;
import org.botoxclinic.scheduling.plan.domain.PlanStatus;
import org.botoxclinic.scheduling.plan.domain.PrimaryOutcome;
import org.botoxclinic.scheduling.plan.domain.TreatmentPlan;
import org.botoxclinic.scheduling.plan.service.PlanOverview;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A treatment plan as the scheduler sees it, with the clinic day to offer the patient next and how the patient responds.
 * {@code patientId} is referral-service's patient id after the merges heard of (null for plans from before patients had
 * one); {@code nextEligibleDate} runs the 84 days from the patient's latest treatment for the indication on any of their
 * plans.
 */
public record TreatmentPlanView(UUID referralId,
                                UUID patientId,
                                PatientView patient,
                                String indication,
                                PlanStatus status,
                                AuthorizationView authorization,
                                LocalDate lastTreatmentDate,
                                LocalDate nextEligibleDate,
                                LocalDate suggestedClinicDay,
                                @Schema(description = "The referral's figure on the indication's primary measure, or null")
                                BaselineView baseline,
                                @Schema(description = "Treatments given under the plan, whatever authorization they were billed under")
                                int treatmentsCompleted,
                                @Schema(description = "The latest outcome on the indication's primary measure against the "
                                        + "baseline; null before the first such outcome")
                                ChangeView changeFromBaseline,
                                @Schema(description = "The improvement (percent) the response is judged on: the latest "
                                        + "primary-measure outcome assessed after the second treatment; null until there is one")
                                BigDecimal improvementAfterSecondTreatment,
                                @Schema(description = "Every outcome, most recently assessed first; only when the plan is "
                                        + "read on its own, not in worklists")
                                @JsonInclude(JsonInclude.Include.NON_NULL)
                                List<OutcomeView> outcomes) {

    /** The patient as the events described them: protected health information, shown to schedulers only. */
    public record PatientView(String firstName, String lastName, LocalDate dateOfBirth, String sex) {

        static PatientView of(PatientIdentity patient) {
            return patient == null ? null
                    : new PatientView(patient.firstName(), patient.lastName(), patient.dateOfBirth(), patient.sex());
        }
    }

    /**
     * What is left of the authorization; {@code unitsOverrun} flags units used beyond the approval, which
     * {@code unitsRemaining} (never below zero) cannot show.
     */
    public record AuthorizationView(UUID id, String number, LocalDate validFrom, LocalDate validTo, int visitsRemaining,
                                    int unitsRemaining, boolean unitsOverrun, int unitsOverBy) {
    }

    /** A figure before treatment. */
    public record BaselineView(OutcomeMeasure measure, BigDecimal value) {

        static BaselineView of(Measurement baseline) {
            return baseline == null ? null : new BaselineView(baseline.measure(), baseline.value());
        }
    }

    /**
     * An outcome against the baseline on the same scale. Lower is better on every scale, so both improvements are
     * positive when the patient is better: absoluteImprovement = baseline - value, improvementPercent = (baseline -
     * value) / baseline * 100 rounded half-up to one decimal; both null without a baseline (the percentage also
     * against a baseline of 0).
     */
    public record ChangeView(OutcomeMeasure measure, LocalDate assessedOn, BigDecimal baselineValue, BigDecimal value,
                             BigDecimal absoluteImprovement, BigDecimal improvementPercent) {

        static ChangeView of(PrimaryOutcome latest) {
            return latest == null ? null
                    : new ChangeView(latest.change().measure(), latest.assessedOn(), latest.change().baselineValue(),
                            latest.change().value(), latest.change().absoluteImprovement(),
                            latest.change().improvementPercent());
        }
    }

    public static TreatmentPlanView of(PlanOverview overview) {
        TreatmentPlan plan = overview.plan();
        var a = plan.authorization();
        AuthorizationView authorization = null;
        if (a != null) {
            AuthorizationUsage usage = plan.usage();
            authorization = new AuthorizationView(a.id(), a.number(), a.validFrom(), a.validTo(), usage.visitsRemaining(),
                    usage.unitsRemaining(), usage.unitsOverrun(), usage.unitsOverBy());
        }
        List<OutcomeView> outcomes = overview.outcomes() == null ? null
                : overview.outcomes().stream().map(o -> OutcomeView.of(o, plan.baseline())).toList();
        return new TreatmentPlanView(plan.referralId(), plan.patientId(), PatientView.of(plan.patient()), plan.indication(), plan.status(),
                authorization, plan.lastTreatmentDate(), overview.nextEligibleDate(), overview.suggestedClinicDay(),
                BaselineView.of(plan.baseline()), plan.treatmentsCompleted(), ChangeView.of(plan.latestPrimaryOutcome()),
                plan.improvementAfterSecondTreatment(), outcomes);
    }
}
