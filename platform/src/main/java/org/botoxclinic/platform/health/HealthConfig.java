package org.botoxclinic.platform.health;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How often at most the probes ask the database and the broker (they ask only when their state is read: a health
 * check, a metrics scrape), how long they wait, and when an answer is too old.
 */
@ConfigMapping(prefix = "clinic.health")
public interface HealthConfig {

    Database database();

    Broker broker();

    interface Database {
        /** A read of the state starts a probe when the last one started at least this long ago. */
        @WithDefault("1s")
        Duration every();

        /** How long a read that started a probe waits for its answer before answering with what it knew. */
        @WithDefault("500ms")
        Duration answerWait();

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

        @WithDefault("500ms")
        Duration answerWait();

        @WithDefault("2s")
        Duration timeout();

        @WithDefault("15s")
        Duration staleAfter();

        /** When the first probe runs if no read has asked before (see {@link BrokerProbe}). */
        @WithDefault("5s")
        Duration firstProbeAfter();
    }
}
