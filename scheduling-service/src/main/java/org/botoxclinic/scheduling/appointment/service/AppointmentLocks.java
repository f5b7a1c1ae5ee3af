package org.botoxclinic.scheduling.appointment.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.botoxclinic.platform.domain.NotFoundException;
import org.botoxclinic.scheduling.appointment.domain.Appointment;
import org.botoxclinic.scheduling.appointment.repository.AppointmentRepository;
import org.botoxclinic.scheduling.plan.domain.TreatmentPlan;
import org.botoxclinic.scheduling.plan.repository.TreatmentPlanRepository;

/**
 * Every change to an appointment locks the referral's plan first and then the appointment (and a booking then the
 * clinic day, and a completion then the patient's dose lock), always in that order, so that two schedulers racing for
 * one referral, for the last minutes of a day or for one patient's last units take turns and each sees the other's
 * result.
 */
@ApplicationScoped
public class AppointmentLocks {

    /** An appointment and its plan, both locked for the rest of the transaction. */
    public record Locked(Appointment appointment, TreatmentPlan plan) {
    }

    private final AppointmentRepository appointments;
    private final TreatmentPlanRepository plans;

    public AppointmentLocks(AppointmentRepository appointments, TreatmentPlanRepository plans) {
        this.appointments = appointments;
        this.plans = plans;
    }

    public TreatmentPlan plan(UUID referralId) {
        return plans.locked(referralId).orElseThrow(() -> new NotFoundException("treatment plan", referralId));
    }

    public Locked appointment(UUID id) {
        Appointment appointment = appointments.findByIdOptional(id).orElseThrow(() -> new NotFoundException("appointment", id));
        TreatmentPlan plan = plan(appointment.referralId());
        return new Locked(appointments.lock(appointment), plan);
    }
}
