package org.botoxclinic.scheduling.plan.api;

import java.time.LocalDate;
import java.util.UUID;

import org.botoxclinic.platform.domain.PatientIdentity;
import org.botoxclinic.scheduling.plan.domain.AuthorizationUsage;
import org.botoxclinic.scheduling.plan.domain.PlanStatus;
import org.botoxclinic.scheduling.plan.domain.TreatmentPlan;
import org.botoxclinic.scheduling.plan.service.PlanOverview;

/**
 * A treatment plan as the scheduler sees it, with the clinic day to offer the patient next. {@code patientId} is
 * referral-service's patient id after the merges heard of (null for plans from before patients had one);
 * {@code nextEligibleDate} runs the 84 days from the patient's latest treatment for the indication on any of their plans.
 */
public record TreatmentPlanView(UUID referralId,
                                UUID patientId,
                                PatientView patient,
                                String indication,
                                PlanStatus status,
                                AuthorizationView authorization,
                                LocalDate lastTreatmentDate,
                                LocalDate nextEligibleDate,
                                LocalDate suggestedClinicDay) {

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

    public static TreatmentPlanView of(PlanOverview overview) {
        TreatmentPlan plan = overview.plan();
        var a = plan.authorization();
        AuthorizationView authorization = null;
        if (a != null) {
            AuthorizationUsage usage = plan.usage();
            authorization = new AuthorizationView(a.id(), a.number(), a.validFrom(), a.validTo(), usage.visitsRemaining(),
                    usage.unitsRemaining(), usage.unitsOverrun(), usage.unitsOverBy());
        }
        return new TreatmentPlanView(plan.referralId(), plan.patientId(), PatientView.of(plan.patient()), plan.indication(), plan.status(),
                authorization, plan.lastTreatmentDate(), overview.nextEligibleDate(), overview.suggestedClinicDay());
    }
}
