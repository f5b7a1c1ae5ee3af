package org.botoxclinic.referral.webhook.domain;

import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.botoxclinic.platform.domain.ConflictException;

/**
 * Where a partner wants to hear about its referrals, and the secrets that sign what is sent there, sealed
 * ({@link SealedSecret}). During a rotation two secrets are active: the new (current) one and the previous one,
 * until the overlap ends or the partner finishes the rotation; every call is then signed with both.
 */
@Entity
@Table(name = "partner_webhook")
public class PartnerWebhook {

    @Id
    @Column(name = "partner_id")
    private String partnerId;
    private String url;
    /** A secret stored before secrets were encrypted: sealed at the next start, then null. */
    @Column(name = "secret")
    private String plainTextSecret;
    @Column(name = "secret_key_id")
    private String secretKeyId;
    @Column(name = "secret_ciphertext")
    private String secretCiphertext;
    @Column(name = "previous_secret_key_id")
    private String previousSecretKeyId;
    @Column(name = "previous_secret_ciphertext")
    private String previousSecretCiphertext;
    @Column(name = "previous_secret_valid_until")
    private OffsetDateTime previousSecretValidUntil;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    protected PartnerWebhook() {
    }

    public PartnerWebhook(String partnerId, String url, SealedSecret secret, OffsetDateTime now) {
        this.partnerId = partnerId;
        this.url = url;
        setCurrent(secret);
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A new URL and, when given, a secret that replaces every active one at once (no overlap). */
    public void change(String newUrl, Optional<SealedSecret> newSecret, OffsetDateTime now) {
        this.url = newUrl;
        newSecret.ifPresent(secret -> {
            setCurrent(secret);
            clearPrevious();
        });
        this.updatedAt = now;
    }

    /**
     * Starts (or restarts) a rotation: the new secret becomes current, and the one the partner verified with before
     * the rotation stays valid until {@code previousValidUntil}. Rotating again before the partner finished keeps
     * that same previous secret (the new secret of the earlier rotation was perhaps never received), so the partner
     * never loses the secret it still checks with.
     */
    public void rotate(SealedSecret next, OffsetDateTime previousValidUntil, OffsetDateTime now) {
        if (!rotationUnderWay(now)) {
            previousSecretKeyId = secretKeyId;
            previousSecretCiphertext = secretCiphertext;
        }
        previousSecretValidUntil = previousValidUntil;
        setCurrent(next);
        updatedAt = now;
    }

    /** The partner checks with the new secret now: the previous one stops signing. 409 when none is active. */
    public void finishRotation(OffsetDateTime now) {
        if (!rotationUnderWay(now)) {
            throw new ConflictException("NO_ROTATION_UNDER_WAY", "No secret rotation is under way for this webhook.");
        }
        clearPrevious();
        updatedAt = now;
    }

    public boolean rotationUnderWay(OffsetDateTime now) {
        return previousSecretCiphertext != null && previousSecretValidUntil != null && previousSecretValidUntil.isAfter(now);
    }

    /** Seals a secret stored in plain text before secrets were encrypted. */
    public void sealPlainText(java.util.function.Function<String, SealedSecret> seal) {
        if (plainTextSecret != null) {
            setCurrent(seal.apply(plainTextSecret));
            plainTextSecret = null;
        }
    }

    /** Reseals the active secrets (after the encryption key changed). */
    public void reseal(java.util.function.UnaryOperator<SealedSecret> reseal) {
        if (secretCiphertext != null) {
            setCurrent(reseal.apply(currentSecret()));
        }
        if (previousSecretCiphertext != null) {
            SealedSecret previous = reseal.apply(new SealedSecret(previousSecretKeyId, previousSecretCiphertext));
            previousSecretKeyId = previous.keyId();
            previousSecretCiphertext = previous.ciphertext();
        }
    }

    private void setCurrent(SealedSecret secret) {
        this.secretKeyId = secret.keyId();
        this.secretCiphertext = secret.ciphertext();
    }

    private void clearPrevious() {
        previousSecretKeyId = null;
        previousSecretCiphertext = null;
        previousSecretValidUntil = null;
    }

    public String partnerId() { return partnerId; }
    public String url() { return url; }
    public boolean hasPlainTextSecret() { return plainTextSecret != null; }
    public SealedSecret currentSecret() { return secretCiphertext == null ? null : new SealedSecret(secretKeyId, secretCiphertext); }
    /** The previous secret while the rotation's overlap lasts. */
    public Optional<SealedSecret> previousSecret(OffsetDateTime now) {
        return rotationUnderWay(now) ? Optional.of(new SealedSecret(previousSecretKeyId, previousSecretCiphertext)) : Optional.empty();
    }
    public Optional<SealedSecret> previousSecretStored() {
        return previousSecretCiphertext == null ? Optional.empty() : Optional.of(new SealedSecret(previousSecretKeyId, previousSecretCiphertext));
    }
    public OffsetDateTime previousSecretValidUntil() { return previousSecretValidUntil; }
    public OffsetDateTime createdAt() { return createdAt; }
    public OffsetDateTime updatedAt() { return updatedAt; }
}
