package org.botoxclinic.referral.webhook.api;

import java.time.OffsetDateTime;

import org.botoxclinic.referral.webhook.domain.PartnerWebhook;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A partner's webhook as shown back to it: never a secret. */
public record WebhookView(
        String url,
        @Schema(description = "How each call is signed") String signatureHeader,
        @Schema(description = "While a secret rotation is under way: until when the previous secret still signs "
                + "(calls then carry two signatures); null otherwise") OffsetDateTime previousSecretValidUntil,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static final String SIGNATURE = "Clinic-Signature: v1=<hex HMAC-SHA256 of \"<Clinic-Delivery-Id>.<Clinic-Timestamp>.<body>\">"
            + " (one v1 per active secret, comma separated)";

    static WebhookView of(PartnerWebhook webhook, OffsetDateTime now) {
        return new WebhookView(webhook.url(), SIGNATURE,
                webhook.rotationUnderWay(now) ? webhook.previousSecretValidUntil() : null,
                webhook.createdAt(), webhook.updatedAt());
    }
}
