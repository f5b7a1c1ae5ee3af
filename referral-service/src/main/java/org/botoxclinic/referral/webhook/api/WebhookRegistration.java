package org.botoxclinic.referral.webhook.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of PUT /api/partners/me/webhook. The secret signs every call; it is never shown again. It is required
 * to register; when replacing a registration it may be left out to keep the secrets in force (rotate them with
 * POST /api/partners/me/webhook/secret-rotations), and a secret given replaces them at once.
 */
public record WebhookRegistration(
        @Schema(description = "https URL on port 443 at a public internet address (development mode also accepts http, "
                + "other ports and, when configured, local addresses)", example = "https://pcp.example.org/clinic-hooks")
        @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://[^\\s]+", message = "must be an http(s) URL") String url,
        @Schema(description = "Shared secret for the signature, 16 to 256 characters; required to register, optional to replace")
        @Size(min = 16, max = 256, message = "must be 16 to 256 characters") String secret) {
}
