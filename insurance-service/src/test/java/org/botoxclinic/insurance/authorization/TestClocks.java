package org.botoxclinic.insurance.authorization;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.botoxclinic.testkit.MutableClock;

/** Replaces the platform's clock so that tests can put the service at a deadline's edge. */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestClocks {

    public static final ZoneId CLINIC = ZoneId.of("America/New_York");
    public static final Instant START = Instant.parse("2026-11-24T12:00:00Z");
    public static final MutableClock CLOCK = new MutableClock(START, CLINIC);

    public static void reset() {
        CLOCK.set(START);
    }

    @Produces
    @Singleton
    Clock clock() {
        return CLOCK;
    }
}
