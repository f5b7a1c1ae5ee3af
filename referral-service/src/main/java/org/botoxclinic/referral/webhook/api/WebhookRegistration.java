package org.botoxclinic.referral.webhook.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of PUT /api/partners/me/webhook. The secret signs every call; it is never shown again. */
public record WebhookRegistration(
        @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://[^\\s]+", message = "must be an http(s) URL") String url,
        @NotBlank @Size(min = 16, max = 256, message = "must be 16 to 256 characters") String secret) {
}
