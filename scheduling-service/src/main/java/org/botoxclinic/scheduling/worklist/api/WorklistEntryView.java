package org.botoxclinic.scheduling.worklist.api;

import java.util.UUID;

import org.botoxclinic.scheduling.appointment.api.AppointmentView;
import org.botoxclinic.scheduling.plan.api.TreatmentPlanView;
import org.botoxclinic.scheduling.worklist.service.WorklistEntry;

/** One line of a scheduler's queue: the plan, and the appointment that put it there (for no-shows). */
public record WorklistEntryView(UUID referralId, TreatmentPlanView plan, AppointmentView appointment) {

    public static WorklistEntryView of(WorklistEntry entry) {
        return new WorklistEntryView(entry.plan().plan().referralId(), TreatmentPlanView.of(entry.plan()),
                entry.appointment() == null ? null : AppointmentView.of(entry.appointment()));
    }
}
