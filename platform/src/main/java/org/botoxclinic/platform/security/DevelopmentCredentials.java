package org.botoxclinic.platform.security;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.smallrye.jwt.util.KeyUtils;
import io.smallrye.jwt.util.ResourceUtils;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * Recognizes the development credentials (the key pair in testkit's dev-jwt/, whose private key is in the repository,
 * and the issuer its tokens carry), so that a service trusts them only with development mode switched on. The key is
 * recognized by the SHA-256 of its material, wherever the file lives and whatever it is called.
 */
public final class DevelopmentCredentials {

    public static final String ISSUER = "urn:clinic:dev";
    /** SHA-256 of the DER (SubjectPublicKeyInfo) encoding of testkit's dev-jwt/publicKey.pem. */
    public static final String KEY_SHA256 = "ca2660d0e8c4b0b315d8ad75fd5212bcddf0f9e00f713b6c7da25140a7a1f446";

    static final String DEV_MODE = "clinic.dev-mode";
    static final String KEY_LOCATION = "mp.jwt.verify.publickey.location";
    static final String INLINE_KEY = "mp.jwt.verify.publickey";
    static final String ISSUER_SETTING = "mp.jwt.verify.issuer";

    private DevelopmentCredentials() {
    }

    /**
     * Why a service must not start with this configuration, or empty when it may.
     *
     * @param keyMaterial the text of every configured verification key (PEM or JWK set), as read from its location
     */
    public static Optional<String> refusal(boolean devMode, String issuer, List<Setting> keyMaterial) {
        if (devMode) {
            return Optional.empty();
        }
        for (Setting key : keyMaterial) {
            if (containsDevelopmentKey(key.value())) {
                return Optional.of(key.name() + " names the development public key (whose private key is public): "
                        + "configure the identity provider's key, or set " + DEV_MODE + "=true (CLINIC_DEV_MODE) "
                        + "for a local run");
            }
        }
        if (ISSUER.equals(issuer == null ? null : issuer.trim())) {
            return Optional.of(ISSUER_SETTING + " is the development issuer " + ISSUER
                    + ": configure the identity provider's issuer (JWT_ISSUER), or set " + DEV_MODE
                    + "=true (CLINIC_DEV_MODE) for a local run");
        }
        return Optional.empty();
    }

    /** A configuration setting's name and the value (or the key material) it stands for. */
    public record Setting(String name, String value) {
    }

    /** The text at a key location (a file path, file: or classpath: URL, or a classpath resource); null if unreadable. */
    static String read(String location) {
        try {
            return ResourceUtils.readResource(location);
        } catch (IOException | RuntimeException e) {
            return null;   // smallrye-jwt reports a key it cannot read on the first request
        }
    }

    static boolean containsDevelopmentKey(String material) {
        if (material == null || material.isBlank()) {
            return false;
        }
        return publicKeysIn(material).stream().map(DevelopmentCredentials::fingerprint).anyMatch(KEY_SHA256::equals);
    }

    static String fingerprint(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The public keys in a PEM key, a PEM certificate, a single JWK or a JWK set; none when it is none of these. */
    static List<PublicKey> publicKeysIn(String material) {
        String text = material.trim();
        List<PublicKey> keys = new ArrayList<>();
        if (text.startsWith("{")) {
            try {
                List<JsonWebKey> jwks = text.contains("\"keys\"") ? new JsonWebKeySet(text).getJsonWebKeys()
                        : List.of(JsonWebKey.Factory.newJwk(text));
                for (JsonWebKey jwk : jwks) {
                    if (jwk instanceof PublicJsonWebKey publicJwk && publicJwk.getPublicKey() != null) {
                        keys.add(publicJwk.getPublicKey());
                    }
                }
            } catch (JoseException | RuntimeException e) {
                // not a key set this check can read; smallrye-jwt reports an unusable key itself
            }
            return keys;
        }
        try {
            keys.add(text.contains("CERTIFICATE") ? KeyUtils.decodeCertificate(text) : KeyUtils.decodePublicKey(text));
        } catch (GeneralSecurityException | RuntimeException e) {
            // not a key this check knows; smallrye-jwt reports an unusable key itself
        }
        return keys;
    }
}
