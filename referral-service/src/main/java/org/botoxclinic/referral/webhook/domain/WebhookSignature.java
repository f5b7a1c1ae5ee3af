package org.botoxclinic.referral.webhook.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a partner checks on every webhook call. It covers the delivery id, the moment of sending and the
 * exact body, {@code HMAC-SHA256(secret, "<deliveryId>.<timestamp>.<body>")}, so a captured call cannot be
 * replayed later (the receiver refuses a timestamp outside its tolerance) nor passed off as another delivery.
 * While a secret is being rotated, the call carries one signature per active secret:
 * {@code Clinic-Signature: v1=<hex>, v1=<hex>}; a receiver accepts the call when any of them matches.
 */
public final class WebhookSignature {

    public static final String DELIVERY_ID_HEADER = "Clinic-Delivery-Id";
    public static final String TIMESTAMP_HEADER = "Clinic-Timestamp";
    public static final String SIGNATURE_HEADER = "Clinic-Signature";
    public static final String SCHEME = "v1";

    private WebhookSignature() {
    }

    /** What is signed: {@code <deliveryId>.<timestamp in Unix seconds>.<body>}. */
    public static String signedContent(String deliveryId, long timestamp, String body) {
        return deliveryId + "." + timestamp + "." + body;
    }

    /** @return {@code v1=<lower-case hex HMAC-SHA256>} */
    public static String sign(String secret, String deliveryId, long timestamp, String body) {
        return SCHEME + "=" + HexFormat.of().formatHex(hmac(secret, signedContent(deliveryId, timestamp, body)));
    }

    /** The header value: one signature per active secret, the current secret's first. */
    public static String header(List<String> secrets, String deliveryId, long timestamp, String body) {
        return secrets.stream().map(secret -> sign(secret, deliveryId, timestamp, body)).collect(Collectors.joining(", "));
    }

    /**
     * As a partner's receiver checks a call: the timestamp within {@code tolerance} of {@code now} (either way), and
     * one of the header's {@code v1} signatures matching, compared in constant time.
     */
    public static boolean verify(String secret, String deliveryId, String timestamp, String body, String header,
                                 Instant now, Duration tolerance) {
        if (secret == null || deliveryId == null || timestamp == null || body == null || header == null) {
            return false;
        }
        long sentAt;
        try {
            sentAt = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - sentAt) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = sign(secret, deliveryId, sentAt, body).getBytes(StandardCharsets.UTF_8);
        boolean matched = false;
        for (String part : header.split(",")) {
            matched |= MessageDigest.isEqual(expected, part.trim().getBytes(StandardCharsets.UTF_8));
        }
        return matched;
    }

    private static byte[] hmac(String secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
