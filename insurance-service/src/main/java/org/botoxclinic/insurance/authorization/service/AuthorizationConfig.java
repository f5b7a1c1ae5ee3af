package org.botoxclinic.insurance.authorization.service;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Default payer clocks (CMS-0057-F) and reauthorization timing; a payer's row in payer_decision_clock overrides the clocks. */
@ConfigMapping(prefix = "clinic.authorization")
public interface AuthorizationConfig {

    @WithDefault("72h")
    Duration expeditedDecisionClock();

    @WithDefault("7d")
    Duration standardDecisionClock();

    /** How long a payer has to settle an appeal unless its own clock says otherwise. */
    @WithDefault("30d")
    Duration appealDecisionClock();

    /** A reauthorization opens when a treated patient's approval ends within this many days. */
    @WithDefault("30")
    int reauthorizationLeadDays();
}
