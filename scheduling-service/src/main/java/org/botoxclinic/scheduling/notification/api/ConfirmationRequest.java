package org.botoxclinic.scheduling.notification.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The token of the confirmation link a reminder carried. */
public record ConfirmationRequest(@NotBlank @Size(max = 200) String token) {
}
