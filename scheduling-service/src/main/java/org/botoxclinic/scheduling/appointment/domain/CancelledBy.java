package org.botoxclinic.scheduling.appointment.domain;

/** Who called an appointment off; the referring practice reads it in the closed-loop status. */
public enum CancelledBy {
    PATIENT,
    CLINIC
}
