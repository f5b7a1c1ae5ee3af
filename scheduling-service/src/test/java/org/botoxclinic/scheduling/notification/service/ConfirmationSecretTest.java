package org.botoxclinic.scheduling.notification.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Optional;

import io.quarkus.runtime.configuration.ConfigurationException;
import org.junit.jupiter.api.Test;

/** The confirmation secret follows the project's rule for secrets: no production default. */
class ConfirmationSecretTest {

    private static final String OWN = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void outsideDevelopmentModeASecretOfOnesOwnIsRequired() {
        ConfigurationException missing = assertThrows(ConfigurationException.class,
                () -> ConfirmationTokens.secret(Optional.empty(), false));
        assertTrue(missing.getMessage().contains("CLINIC_NOTIFICATIONS_CONFIRM_SECRET"), missing.getMessage());
        assertThrows(ConfigurationException.class, () -> ConfirmationTokens.secret(Optional.of(" "), false));
        ConfigurationException development = assertThrows(ConfigurationException.class,
                () -> ConfirmationTokens.secret(Optional.of(ConfirmationTokens.DEVELOPMENT_SECRET), false));
        assertTrue(development.getMessage().contains("development secret"), development.getMessage());
        assertEquals(32, ConfirmationTokens.secret(Optional.of(OWN), false).length);
    }

    @Test
    void developmentModeRunsOnThePublicDevelopmentSecret() {
        assertEquals(Base64.getDecoder().decode(ConfirmationTokens.DEVELOPMENT_SECRET).length,
                ConfirmationTokens.secret(Optional.empty(), true).length);
    }

    @Test
    void aSecretMustBeBase64OfAtLeast32Bytes() {
        assertThrows(ConfigurationException.class, () -> ConfirmationTokens.secret(Optional.of("not base64!"), true));
        ConfigurationException tooShort = assertThrows(ConfigurationException.class,
                () -> ConfirmationTokens.secret(Optional.of(Base64.getEncoder().encodeToString(new byte[16])), false));
        assertTrue(tooShort.getMessage().contains("16"), tooShort.getMessage());
    }
}
