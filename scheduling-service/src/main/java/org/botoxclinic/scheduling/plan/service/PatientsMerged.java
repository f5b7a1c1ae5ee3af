package org.botoxclinic.scheduling.plan.service;

import java.util.UUID;

/**
 * Announced (as a synchronous CDI event, inside the merging transaction) when two patients became one, so that what
 * other features keep per patient (contact preferences) follows the survivor.
 */
public record PatientsMerged(UUID patientId, UUID mergedPatientId) {
}
