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
 * clinic day), always in that order, so that two schedulers racing for one referral or for the last minutes of a day
 * take turns and each sees the other's result. A completion takes the patient's turn (the dose lock) before both: it
 * reads the doses of all the patient's plans and moves the cadence of their plans for the indication, and so do an
 * acceptance and a merge, which take the turn before any plan too; so two of them never wait for each other in a circle.
 * The waitlist's turn ({@code WaitlistOfferRepository.takeTurn}) comes after all of these, as a transaction's last lock.
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

    /**
     * For a treatment: the patient's turn, then the plan and the appointment. The turn is taken for the patient the plan
     * names before it is locked, and again once it is locked (returning at once when unchanged), in case a merge or an
     * acceptance gave the plan another patient meanwhile.
     */
    public Locked forTreatment(UUID id) {
        Appointment appointment = appointments.findByIdOptional(id).orElseThrow(() -> new NotFoundException("appointment", id));
        UUID referralId = appointment.referralId();
        plans.takeTurn(referralId, plans.patientIdOf(referralId));
        TreatmentPlan plan = plan(referralId);
        plans.takeTurn(referralId, plan.patientId());
        return new Locked(appointments.lock(appointment), plan);
    }

    public Locked appointment(UUID id) {
        Appointment appointment = appointments.findByIdOptional(id).orElseThrow(() -> new NotFoundException("appointment", id));
        TreatmentPlan plan = plan(appointment.referralId());
        return new Locked(appointments.lock(appointment), plan);
    }
}
