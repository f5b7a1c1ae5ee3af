package org.botoxclinic.scheduling.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the waitlist offers freed chair time. */
@ConfigMapping(prefix = "clinic.waitlist")
public interface WaitlistConfig {

    /** How long a patient has to answer an offer (never past the offered start time). */
    @WithDefault("24h")
    Duration offerAnswerWithin();

    /** How often overdue offers are expired and passed on, and past entries lapsed (read by the job's @Scheduled). */
    @WithDefault("1m")
    String checkEvery();

    /** At most this many waiting patients are looked at, oldest first, each time time is freed on a day. */
    @WithDefault("200")
    int candidatesPerDay();
}
