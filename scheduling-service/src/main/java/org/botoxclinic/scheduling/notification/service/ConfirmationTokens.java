package org.botoxclinic.scheduling.notification.service;

import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.botoxclinic.scheduling.notification.domain.AppointmentSlot;
import org.botoxclinic.scheduling.notification.domain.ConfirmationToken;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs and checks the tokens of confirmation links with the configured secret (clinic.notifications.confirm-secret,
 * CLINIC_NOTIFICATIONS_CONFIRM_SECRET). Without one, or with the public development secret, only development mode
 * (clinic.dev-mode: tests and ./clinic) starts; anywhere else the service refuses to start.
 */
@ApplicationScoped
public class ConfirmationTokens {

    /** The development secret, public in this repository: accepted only in development mode. */
    static final String DEVELOPMENT_SECRET = "ZGV2ZWxvcG1lbnQtb25seS1jb25maXJtYXRpb24tdG9rZW5zLWtleQ==";

    private final ConfirmationToken token;

    public ConfirmationTokens(NotificationConfig config,
                              @ConfigProperty(name = "clinic.dev-mode", defaultValue = "false") boolean devMode) {
        this.token = new ConfirmationToken(secret(config.confirmSecret(), devMode));
    }

    /** Checked at start, so that a service without a usable secret never starts. */
    void onStart(@Observes StartupEvent event) {
        // The constructor has run: the secret is usable.
    }

    static byte[] secret(Optional<String> configured, boolean devMode) {
        String secret = configured.filter(s -> !s.isBlank()).map(String::trim).orElse(null);
        if (secret == null) {
            if (!devMode) {
                throw new ConfigurationException("clinic.notifications.confirm-secret (CLINIC_NOTIFICATIONS_CONFIRM_SECRET) "
                        + "is not set: it must be the base64 of at least 32 random bytes (e.g. `openssl rand -base64 32`); "
                        + "only development mode (clinic.dev-mode) runs without it");
            }
            secret = DEVELOPMENT_SECRET;
        } else if (secret.equals(DEVELOPMENT_SECRET) && !devMode) {
            throw new ConfigurationException("clinic.notifications.confirm-secret is the public development secret: "
                    + "outside development mode (clinic.dev-mode) set a secret of your own");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(secret);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("clinic.notifications.confirm-secret is not base64");
        }
        if (bytes.length < 32) {
            throw new ConfigurationException("clinic.notifications.confirm-secret must be at least 32 bytes (base64 of 32 "
                    + "random bytes), not " + bytes.length);
        }
        return bytes;
    }

    public String sign(UUID appointmentId, AppointmentSlot slot) {
        return token.sign(appointmentId, slot);
    }

    public boolean matches(String candidate, UUID appointmentId, AppointmentSlot slot) {
        return token.matches(candidate, appointmentId, slot);
    }
}
