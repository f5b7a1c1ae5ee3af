package org.botoxclinic.scheduling.notification.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token in a reminder's confirmation link: an HMAC-SHA256, under the clinic's secret, of the appointment and its
 * slot. It confirms that appointment at that slot only: after a reschedule the old token no longer matches.
 */
public final class ConfirmationToken {

    private final SecretKeySpec key;

    public ConfirmationToken(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the confirmation secret must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** The token for the appointment at the slot (URL-safe base64, 43 characters). */
    public String sign(UUID appointmentId, AppointmentSlot slot) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(("appointment-confirmation|" + appointmentId + "|" + slot.key())
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Whether the token is the one for the appointment at the slot; compared in constant time. */
    public boolean matches(String token, UUID appointmentId, AppointmentSlot slot) {
        if (token == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(appointmentId, slot).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }
}
