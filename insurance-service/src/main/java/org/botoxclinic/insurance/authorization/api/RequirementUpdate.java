package org.botoxclinic.insurance.authorization.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of PUT /api/authorizations/{id}/requirements/{code}. */
public record RequirementUpdate(@NotNull Boolean met, @Size(max = 2000) String note) {
}
