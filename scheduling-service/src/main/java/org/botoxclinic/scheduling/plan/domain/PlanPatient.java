package org.botoxclinic.scheduling.plan.domain;

import java.time.LocalDate;

/** The patient as the events describe them: protected health information, never logged. */
public record PlanPatient(String firstName, String lastName, LocalDate dateOfBirth, String sex) {
}
