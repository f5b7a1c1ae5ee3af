package org.botoxclinic.insurance.authorization.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of POST /api/authorizations/{id}/withdraw. */
public record WithdrawalRequest(@NotBlank @Size(max = 2000) String reason) {
}
