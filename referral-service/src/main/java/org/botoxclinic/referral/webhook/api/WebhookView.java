package org.botoxclinic.referral.webhook.api;

import java.time.OffsetDateTime;

import org.botoxclinic.referral.webhook.domain.PartnerWebhook;

/** A partner's webhook as shown back to it: never the secret. */
public record WebhookView(String url, String signatureHeader, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static WebhookView of(PartnerWebhook webhook) {
        return new WebhookView(webhook.url(), "X-Clinic-Signature: sha256=<hex HMAC-SHA256 of the body>",
                webhook.createdAt(), webhook.updatedAt());
    }
}
