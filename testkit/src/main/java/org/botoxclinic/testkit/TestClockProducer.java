package org.botoxclinic.testkit;

import java.time.Clock;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Puts {@link TestClock} in place of the platform's system clock in every service's {@code @QuarkusTest}s. */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        return TestClock.CLOCK;
    }
}
