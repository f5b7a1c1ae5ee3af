package org.botoxclinic.console.signin;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Exactly one way of signing in: development sign-in ({@code CLINIC_DEV_MODE=true}) or the OIDC authorization-code
 * flow (on unless {@code CLINIC_CONSOLE_OIDC_ENABLED=false}). Neither, or both, stops the console at startup with one line naming the
 * settings, as the services do for their own security settings.
 */
@Singleton
public class SignInModes {

    private static final Logger LOG = Logger.getLogger(SignInModes.class);

    private final boolean oidc;

    public SignInModes(@ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "true") boolean oidcEnabled) {
        this.oidc = oidcEnabled;
    }

    public boolean oidc() {
        return oidc;
    }

    void check(@Observes StartupEvent event, DevSignIn dev) {
        String problem = null;
        if (dev.enabled() && oidc) {
            problem = "CLINIC_DEV_MODE=true with OIDC sign-in on: set CLINIC_CONSOLE_OIDC_ENABLED=false for development sign-in";
        } else if (!dev.enabled() && !oidc) {
            problem = "no sign-in configured: CLINIC_CONSOLE_OIDC_ENABLED=false needs CLINIC_DEV_MODE=true (the local run); "
                    + "production signs in with OIDC (OIDC_AUTH_SERVER_URL, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET)";
        } else if (dev.enabled()) {
            try {
                dev.load();
            } catch (IllegalStateException e) {
                problem = e.getMessage();
            }
        }
        if (problem != null) {
            LOG.error("staff-console cannot start: " + problem);
            throw new IllegalStateException(problem);
        }
    }
}
