package org.botoxclinic.insurance.authorization.api;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of POST /api/authorizations/{id}/appeal: when the appeal was filed with the payer, and on what grounds. */
public record AppealRequest(@NotNull OffsetDateTime submittedAt, @NotBlank @Size(max = 4000) String reason) {
}
