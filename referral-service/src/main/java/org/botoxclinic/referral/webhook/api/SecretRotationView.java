package org.botoxclinic.referral.webhook.api;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A rotation just started: the new secret, shown this once, and until when the previous one still signs. */
public record SecretRotationView(
        @Schema(description = "The new secret; it is never shown again") String secret,
        @Schema(description = "Until when calls are also signed with the previous secret, unless the rotation is "
                + "finished sooner (DELETE /api/partners/me/webhook/previous-secret)") OffsetDateTime previousSecretValidUntil) {
}
