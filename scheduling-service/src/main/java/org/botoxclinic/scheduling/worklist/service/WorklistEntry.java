package org.botoxclinic.scheduling.worklist.service;

import org.botoxclinic.scheduling.appointment.domain.Appointment;
import org.botoxclinic.scheduling.plan.service.PlanOverview;

/** One line of a scheduler's queue: the plan, and the appointment that put it there (for no-shows, else null). */
public record WorklistEntry(PlanOverview plan, Appointment appointment) {
}
