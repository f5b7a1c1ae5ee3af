package org.botoxclinic.referral.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.botoxclinic.referral.webhook.domain.SealedSecret;
import org.botoxclinic.referral.webhook.service.SecretKeyRing;
import org.junit.jupiter.api.Test;

class SecretKeyRingTest {

    private static final String SECRET = "a-partner-secret-of-32-characters";

    @Test
    void shouldRefuseToStartWithoutAKeyUnlessInDevelopmentMode() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> SecretKeyRing.fromConfig(Optional.empty(), List.of(), false));
        assertTrue(refused.getMessage().contains("clinic.webhooks.secret-key"));
        assertThrows(IllegalStateException.class, () -> SecretKeyRing.fromConfig(Optional.of(" "), List.of(), false));
        SecretKeyRing development = SecretKeyRing.fromConfig(Optional.empty(), List.of(), true);
        assertEquals(SECRET, development.open("pcp-1", development.seal("pcp-1", SECRET)));
        // The public development key is refused outside development mode even when configured explicitly.
        String developmentKey = "ZGV2ZWxvcG1lbnQtb25seS13ZWJob29rLXNlY3JldHM=";
        assertThrows(IllegalStateException.class, () -> SecretKeyRing.fromConfig(Optional.of(developmentKey), List.of(), false));
    }

    @Test
    void shouldAcceptOnlyA32ByteBase64Key() {
        SecretKeyRing.fromConfig(Optional.of(key(32)), List.of(), false);
        assertTrue(assertThrows(IllegalStateException.class, () -> SecretKeyRing.fromConfig(Optional.of(key(31)), List.of(), false))
                .getMessage().contains("32 bytes"));
        assertThrows(IllegalStateException.class, () -> SecretKeyRing.fromConfig(Optional.of(key(33)), List.of(), false));
        assertThrows(IllegalStateException.class, () -> SecretKeyRing.fromConfig(Optional.of("not base64!"), List.of(), false));
    }

    @Test
    void shouldSealWithANonceUnderTheKeyNamedBesideTheCiphertextForThatPartnerOnly() {
        SecretKeyRing ring = SecretKeyRing.fromConfig(Optional.of(key(32)), List.of(), false);
        SealedSecret first = ring.seal("pcp-1", SECRET);
        SealedSecret second = ring.seal("pcp-1", SECRET);
        assertNotEquals(first.ciphertext(), second.ciphertext());
        assertFalse(first.ciphertext().contains(SECRET));
        assertEquals(ring.currentKeyId(), first.keyId());
        assertEquals(SECRET, ring.open("pcp-1", first));
        // Copied onto another partner's row, it does not open; nor when tampered with.
        assertThrows(IllegalStateException.class, () -> ring.open("pcp-2", first));
        String tampered = first.ciphertext().substring(0, 20) + (first.ciphertext().charAt(20) == 'A' ? 'B' : 'A')
                + first.ciphertext().substring(21);
        assertThrows(IllegalStateException.class, () -> ring.open("pcp-1", new SealedSecret(first.keyId(), tampered)));
    }

    @Test
    void shouldOpenWhatAnEarlierKeySealedWhileThatKeyIsListedAsOld() {
        String oldKey = key(32);
        String newKey = key(32);
        SecretKeyRing before = SecretKeyRing.fromConfig(Optional.of(oldKey), List.of(), false);
        SealedSecret sealed = before.seal("pcp-1", SECRET);

        SecretKeyRing after = SecretKeyRing.fromConfig(Optional.of(newKey), List.of(oldKey), false);
        assertTrue(after.isStale(sealed));
        assertEquals(SECRET, after.open("pcp-1", sealed));
        assertFalse(after.isStale(after.seal("pcp-1", SECRET)));

        SecretKeyRing forgotten = SecretKeyRing.fromConfig(Optional.of(newKey), List.of(), false);
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> forgotten.open("pcp-1", sealed));
        assertTrue(refused.getMessage().contains("clinic.webhooks.old-secret-keys"));
        assertFalse(refused.getMessage().contains(SECRET));
    }

    private static String key(int bytes) {
        byte[] key = new byte[bytes];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
