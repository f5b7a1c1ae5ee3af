package org.botoxclinic.insurance.authorization.service;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Payer decision clocks; the defaults are CMS-0057-F's, a payer's own clock will override them. */
@ConfigMapping(prefix = "clinic.authorization")
public interface AuthorizationConfig {

    @WithDefault("72h")
    Duration expeditedDecisionClock();

    @WithDefault("7d")
    Duration standardDecisionClock();
}
