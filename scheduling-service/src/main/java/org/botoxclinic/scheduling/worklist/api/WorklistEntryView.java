package org.botoxclinic.scheduling.worklist.api;

import java.util.UUID;

import org.botoxclinic.scheduling.appointment.api.AppointmentView;
import org.botoxclinic.scheduling.plan.api.TreatmentPlanView;

/** One line of a scheduler's queue: the plan, and the appointment that put it there (for no-shows). */
public record WorklistEntry(UUID referralId, TreatmentPlanView plan, AppointmentView appointment) {
}
