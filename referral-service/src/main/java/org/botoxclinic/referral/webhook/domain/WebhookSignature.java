package org.botoxclinic.referral.webhook.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The signature a partner checks on every webhook call: HMAC-SHA256 of the exact body with its shared secret. */
public final class WebhookSignature {

    public static final String HEADER = "X-Clinic-Signature";
    private static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    /** @return the header value, {@code sha256=<lower-case hex>} */
    public static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Constant-time check, as a partner's receiver should do it. */
    public static boolean verify(String secret, String body, String header) {
        return header != null && java.security.MessageDigest.isEqual(
                sign(secret, body).getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8));
    }
}
