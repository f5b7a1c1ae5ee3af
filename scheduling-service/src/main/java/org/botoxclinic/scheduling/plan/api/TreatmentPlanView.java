package org.botoxclinic.scheduling.plan.api;

import java.time.LocalDate;
import java.util.UUID;

import org.botoxclinic.scheduling.plan.domain.PlanPatient;
import org.botoxclinic.scheduling.plan.domain.TreatmentCadence;
import org.botoxclinic.scheduling.plan.domain.TreatmentPlan;

/** A treatment plan as the scheduler sees it. */
public record TreatmentPlanView(UUID referralId,
                                PlanPatient patient,
                                String indication,
                                String status,
                                AuthorizationView authorization,
                                LocalDate lastTreatmentDate,
                                LocalDate nextEligibleDate) {

    public record AuthorizationView(UUID id, String number, LocalDate validFrom, LocalDate validTo, int visitsRemaining,
                                    int unitsRemaining) {
    }

    static TreatmentPlanView of(TreatmentPlan plan, LocalDate today) {
        var a = plan.authorization();
        AuthorizationView authorization = a == null ? null : new AuthorizationView(a.id(), a.number(), a.validFrom(),
                a.validTo(), a.approvedVisits() - plan.visitsUsed(), a.approvedUnits() - plan.unitsUsed());
        return new TreatmentPlanView(plan.referralId(), plan.patient(), plan.indication(), plan.status().name(),
                authorization, plan.lastTreatmentDate(),
                a == null ? null : TreatmentCadence.nextEligibleDate(plan.lastTreatmentDate(), a.validFrom(), today));
    }
}
