package org.botoxclinic.platform.time;

import java.time.Clock;
import java.time.ZoneId;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The one clock every rule and scheduled job reads, in the clinic's time zone; tests replace it to move time. */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @DefaultBean
    @Singleton
    Clock clock(@ConfigProperty(name = "clinic.time-zone", defaultValue = "America/New_York") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
