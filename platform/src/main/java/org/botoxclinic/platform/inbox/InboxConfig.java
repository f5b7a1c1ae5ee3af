package org.botoxclinic.platform.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the inbox waits out failures: transient ones for as long as they last, unknown ones a few times before parking. */
@ConfigMapping(prefix = "clinic.inbox")
public interface InboxConfig {

    /** The first wait after a transient failure (no connection, lock or serialization failure, timeout); doubles from there. */
    @WithDefault("200ms")
    Duration retryFirstDelay();

    /** The longest wait between two attempts at an event that keeps failing transiently. */
    @WithDefault("30s")
    Duration retryMaxDelay();

    /** Attempts at an event failing for an unknown reason before it is parked as a dead letter. */
    @WithDefault("3")
    int attemptsBeforeParking();
}
