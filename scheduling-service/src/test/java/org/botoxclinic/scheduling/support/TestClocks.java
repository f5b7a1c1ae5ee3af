package org.botoxclinic.scheduling.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.botoxclinic.testkit.MutableClock;

/** Replaces the platform's clock in every test of this module, so that tests move time to reach dates and deadlines. */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestClocks {

    /** Tuesday 24 November 2026, 10:00 in the clinic: the next generated clinic day is Wednesday 16 December. */
    public static final Instant START = Instant.parse("2026-11-24T15:00:00Z");
    public static final ZoneId ZONE = ZoneId.of("America/New_York");
    public static final MutableClock CLOCK = new MutableClock(START, ZONE);

    @Produces
    @Singleton
    Clock clock() {
        return CLOCK;
    }

    public static void reset() {
        CLOCK.set(START);
    }

    /** Moves the clinic's clock to the given day, 10:00 local time. */
    public static void setToday(LocalDate date) {
        CLOCK.set(date.atTime(10, 0).atZone(ZONE).toInstant());
    }
}
