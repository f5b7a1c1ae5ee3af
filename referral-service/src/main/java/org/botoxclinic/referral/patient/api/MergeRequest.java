package org.botoxclinic.referral.patient.api;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** The body of POST /api/patients/{id}/merge: the patient that ceases to exist, merged into {id}. */
public record MergeRequest(@NotNull UUID mergedPatientId) {
}
