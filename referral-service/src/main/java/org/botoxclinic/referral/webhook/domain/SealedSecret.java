package org.botoxclinic.referral.webhook.domain;

/**
 * A webhook secret as it is stored: encrypted (AES-256-GCM, {@code base64(nonce || ciphertext and tag)}) under the
 * key named by {@code keyId}, so that the key can be rotated and rows sealed under an older key found and resealed.
 */
public record SealedSecret(String keyId, String ciphertext) {
}
