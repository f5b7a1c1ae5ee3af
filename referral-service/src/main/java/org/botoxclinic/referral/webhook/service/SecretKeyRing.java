package org.botoxclinic.referral.webhook.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.botoxclinic.referral.webhook.domain.SealedSecret;

/**
 * The keys that encrypt partners' webhook secrets at rest (AES-256-GCM). The current key seals; older keys (listed
 * while a key rotation is under way) still open what they sealed. A key's id is derived from the key itself (the
 * first 8 bytes of its SHA-256, in hex), so it cannot be configured wrong. The partner's id is bound into every
 * ciphertext (associated data), so a sealed secret copied onto another partner's row does not open.
 */
public final class SecretKeyRing {

    /** The development key, public in this repository: accepted only in development mode. */
    static final String DEVELOPMENT_KEY = "ZGV2ZWxvcG1lbnQtb25seS13ZWJob29rLXNlY3JldHM=";

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentId;
    private final Map<String, SecretKeySpec> keys;

    private SecretKeyRing(String currentId, Map<String, SecretKeySpec> keys) {
        this.currentId = currentId;
        this.keys = keys;
    }

    /**
     * @param currentKey base64 of 32 bytes; without it (or with the development key) only development mode starts
     * @param oldKeys    keys of an earlier configuration, still opening what they sealed until resealed
     * @throws IllegalStateException when the configuration is not fit to run with, naming the setting
     */
    public static SecretKeyRing fromConfig(Optional<String> currentKey, List<String> oldKeys, boolean devMode) {
        String current = currentKey.filter(k -> !k.isBlank()).map(String::trim).orElse(null);
        if (current == null) {
            if (!devMode) {
                throw new IllegalStateException("clinic.webhooks.secret-key (CLINIC_WEBHOOKS_SECRET_KEY) is not set: "
                        + "it must be the base64 of 32 random bytes (e.g. `openssl rand -base64 32`); only development "
                        + "mode (clinic.dev-mode) runs without it");
            }
            current = DEVELOPMENT_KEY;
        } else if (current.equals(DEVELOPMENT_KEY) && !devMode) {
            throw new IllegalStateException("clinic.webhooks.secret-key is the public development key: "
                    + "outside development mode (clinic.dev-mode) set a key of your own");
        }
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        SecretKeySpec currentSpec = key(current, "clinic.webhooks.secret-key");
        String currentId = idOf(currentSpec);
        keys.put(currentId, currentSpec);
        for (String old : oldKeys) {
            if (!old.isBlank()) {
                SecretKeySpec spec = key(old.trim(), "clinic.webhooks.old-secret-keys");
                keys.putIfAbsent(idOf(spec), spec);
            }
        }
        return new SecretKeyRing(currentId, keys);
    }

    private static SecretKeySpec key(String base64, String setting) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(setting + " must be 32 bytes (base64 of 32 random bytes), not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static String idOf(SecretKeySpec key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String currentKeyId() {
        return currentId;
    }

    /** Whether the secret is sealed under a key other than the current one (and so wants resealing). */
    public boolean isStale(SealedSecret sealed) {
        return !currentId.equals(sealed.keyId());
    }

    public SealedSecret seal(String partnerId, String secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(partnerId));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] stored = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, stored, 0, nonce.length);
            System.arraycopy(sealed, 0, stored, nonce.length, sealed.length);
            return new SealedSecret(currentId, Base64.getEncoder().encodeToString(stored));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** @throws IllegalStateException when the key is not configured or the ciphertext does not open (never the secret) */
    public String open(String partnerId, SealedSecret sealed) {
        SecretKeySpec key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("webhook secret of partner " + partnerId + " is sealed under key "
                    + sealed.keyId() + ", which is not configured (clinic.webhooks.old-secret-keys)");
        }
        try {
            byte[] stored = Base64.getDecoder().decode(sealed.ciphertext());
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(partnerId));
            return new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("webhook secret of partner " + partnerId + " does not open under key "
                    + sealed.keyId());
        }
    }

    private static byte[] associatedData(String partnerId) {
        return ("partner-webhook:" + partnerId).getBytes(StandardCharsets.UTF_8);
    }
}
