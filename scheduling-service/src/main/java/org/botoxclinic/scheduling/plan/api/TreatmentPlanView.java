package org.botoxclinic.scheduling.plan.api;

import java.time.LocalDate;
import java.util.UUID;

import org.botoxclinic.scheduling.plan.domain.AuthorizationUsage;
import org.botoxclinic.scheduling.plan.domain.PlanPatient;
import org.botoxclinic.scheduling.plan.domain.PlanStatus;
import org.botoxclinic.scheduling.plan.domain.TreatmentCadence;
import org.botoxclinic.scheduling.plan.domain.TreatmentPlan;

/** A treatment plan as the scheduler sees it, with the clinic day to offer the patient next. */
public record TreatmentPlanView(UUID referralId,
                                PlanPatient patient,
                                String indication,
                                PlanStatus status,
                                AuthorizationView authorization,
                                LocalDate lastTreatmentDate,
                                LocalDate nextEligibleDate,
                                LocalDate suggestedClinicDay) {

    /**
     * What is left of the authorization; {@code unitsOverrun} flags units used beyond the approval, which
     * {@code unitsRemaining} (never below zero) cannot show.
     */
    public record AuthorizationView(UUID id, String number, LocalDate validFrom, LocalDate validTo, int visitsRemaining,
                                    int unitsRemaining, boolean unitsOverrun, int unitsOverBy) {
    }

    public static TreatmentPlanView of(TreatmentPlan plan, LocalDate today, LocalDate suggestedClinicDay) {
        var a = plan.authorization();
        AuthorizationView authorization = null;
        if (a != null) {
            AuthorizationUsage usage = plan.usage();
            authorization = new AuthorizationView(a.id(), a.number(), a.validFrom(), a.validTo(), usage.visitsRemaining(),
                    usage.unitsRemaining(), usage.unitsOverrun(), usage.unitsOverBy());
        }
        return new TreatmentPlanView(plan.referralId(), plan.patient(), plan.indication(), plan.status(),
                authorization, plan.lastTreatmentDate(), nextEligibleDate(plan, today), suggestedClinicDay);
    }

    /** The first day the patient may be treated, or null when nothing can be booked under the plan as it stands. */
    public static LocalDate nextEligibleDate(TreatmentPlan plan, LocalDate today) {
        var a = plan.authorization();
        if (a == null || plan.status() == PlanStatus.CANCELLED) {
            return null;
        }
        return TreatmentCadence.nextEligibleDate(plan.lastTreatmentDate(), a.validFrom(), today);
    }
}
