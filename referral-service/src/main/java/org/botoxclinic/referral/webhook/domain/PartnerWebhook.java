package org.botoxclinic.referral.webhook.domain;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Where a partner wants to hear about its referrals, and the secret that signs what is sent there. */
@Entity
@Table(name = "partner_webhook")
public class PartnerWebhook {

    @Id
    @Column(name = "partner_id")
    private String partnerId;
    private String url;
    private String secret;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    protected PartnerWebhook() {
    }

    public PartnerWebhook(String partnerId, String url, String secret, OffsetDateTime now) {
        this.partnerId = partnerId;
        this.url = url;
        this.secret = secret;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void change(String newUrl, String newSecret, OffsetDateTime now) {
        this.url = newUrl;
        this.secret = newSecret;
        this.updatedAt = now;
    }

    public String partnerId() { return partnerId; }
    public String url() { return url; }
    public String secret() { return secret; }
    public OffsetDateTime createdAt() { return createdAt; }
    public OffsetDateTime updatedAt() { return updatedAt; }
}
