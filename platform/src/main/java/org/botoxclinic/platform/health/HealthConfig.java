package org.botoxclinic.platform.health;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How often the background probes ask the database and the broker, how long they wait, and when an answer is too old. */
@ConfigMapping(prefix = "clinic.health")
public interface HealthConfig {

    Database database();

    Broker broker();

    interface Database {
        /** Pause between two probes. */
        @WithDefault("1s")
        Duration every();

        /** Connect, login and query timeout of one probe (whole seconds, at least 1). */
        @WithDefault("1s")
        Duration timeout();

        /** Readiness is DOWN when the last successful probe is older than this (a probe that hangs counts as failed). */
        @WithDefault("3s")
        Duration staleAfter();

        /** The probe's statement; tests replace it to make the database appear hung. */
        @WithDefault("select 1")
        String probeQuery();
    }

    interface Broker {
        @WithDefault("5s")
        Duration every();

        @WithDefault("2s")
        Duration timeout();

        @WithDefault("15s")
        Duration staleAfter();
    }
}
