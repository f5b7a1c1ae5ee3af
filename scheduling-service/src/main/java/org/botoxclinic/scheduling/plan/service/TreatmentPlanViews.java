package org.botoxclinic.scheduling.plan.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.botoxclinic.scheduling.appointment.service.Appointments;
import org.botoxclinic.scheduling.clinicday.service.ClinicDays;
import org.botoxclinic.scheduling.plan.api.TreatmentPlanView;
import org.botoxclinic.scheduling.plan.domain.PlanStatus;
import org.botoxclinic.scheduling.plan.domain.TreatmentPlan;

/** Puts a plan together with the calendar: the clinic day a scheduler should offer next. */
@ApplicationScoped
public class TreatmentPlanViews {

    private final TreatmentPlans plans;
    private final ClinicDays clinicDays;
    private final Appointments appointments;
    private final Clock clock;

    public TreatmentPlanViews(TreatmentPlans plans, ClinicDays clinicDays, Appointments appointments, Clock clock) {
        this.plans = plans;
        this.clinicDays = clinicDays;
        this.appointments = appointments;
        this.clock = clock;
    }

    public Optional<TreatmentPlanView> find(UUID referralId) {
        return plans.find(referralId).map(this::view);
    }

    public TreatmentPlanView view(TreatmentPlan plan) {
        LocalDate today = LocalDate.now(clock);
        return TreatmentPlanView.of(plan, today, suggestedClinicDay(plan, today));
    }

    /** The first open clinic day on or after the eligible date, inside the window, with room for this indication. */
    private LocalDate suggestedClinicDay(TreatmentPlan plan, LocalDate today) {
        if (plan.status() != PlanStatus.READY_TO_SCHEDULE || plan.usage().visitsRemaining() <= 0) {
            return null;
        }
        LocalDate eligible = TreatmentPlanView.nextEligibleDate(plan, today);
        return clinicDays.firstWithRoom(eligible, plan.authorization().validTo(),
                appointments.durations().of(plan.indication())).orElse(null);
    }
}
