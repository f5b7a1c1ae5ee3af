package org.botoxclinic.platform.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

import org.botoxclinic.platform.security.DevelopmentCredentials.Setting;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start a service that would trust the development key or issuer while development mode is off; Quarkus
 * prints the one-line reason and the process exits with status 1.
 */
@ApplicationScoped
public class DevelopmentCredentialsGuard {

    private final Config config;

    public DevelopmentCredentialsGuard(Config config) {
        this.config = config;
    }

    void onStart(@Observes @Priority(1) StartupEvent event) {
        boolean devMode = config.getOptionalValue(DevelopmentCredentials.DEV_MODE, Boolean.class).orElse(false);
        String issuer = config.getOptionalValue(DevelopmentCredentials.ISSUER_SETTING, String.class).orElse(null);
        Optional<String> refusal = DevelopmentCredentials.refusal(devMode, issuer, keyMaterial());
        if (refusal.isPresent()) {
            throw new ConfigurationException("Refusing to start: " + refusal.get());
        }
    }

    /** The configured keys as text; a key at a remote URL (a JWKS endpoint) is not fetched here. */
    private List<Setting> keyMaterial() {
        List<Setting> keys = new ArrayList<>();
        config.getOptionalValue(DevelopmentCredentials.INLINE_KEY, String.class)
                .ifPresent(inline -> keys.add(new Setting(DevelopmentCredentials.INLINE_KEY, inline)));
        config.getOptionalValue(DevelopmentCredentials.KEY_LOCATION, String.class)
                .filter(location -> !location.toLowerCase(Locale.ROOT).startsWith("http"))
                .ifPresent(location -> keys.add(new Setting(DevelopmentCredentials.KEY_LOCATION,
                        DevelopmentCredentials.read(location))));
        return keys;
    }
}
