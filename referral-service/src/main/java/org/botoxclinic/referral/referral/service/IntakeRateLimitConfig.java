package org.botoxclinic.referral.referral.service;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How many referrals one partner may submit per period, on each replica (POST /api/referrals). */
@ConfigMapping(prefix = "clinic.intake.rate-limit")
public interface IntakeRateLimitConfig {

    /** Requests a partner may send at once, and per period. */
    @WithDefault("120")
    int requests();

    @WithDefault("1m")
    Duration period();

    /**
     * Partners tracked at most; beyond it the least recently seen partner's bucket is dropped (it starts full again),
     * so memory stays bounded however many partner ids arrive.
     */
    @WithDefault("10000")
    int maxPartners();
}
