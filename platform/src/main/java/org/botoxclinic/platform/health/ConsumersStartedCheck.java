package org.botoxclinic.platform.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Startup;

/**
 * {@code /q/health/started}: UP once every consumer has joined its group, so that "started" means events sent
 * now are handled now. Once UP it stays UP: a later broker outage is the messaging group's business.
 */
@Startup
@ApplicationScoped
public class ConsumersStartedCheck implements HealthCheck {

    private final ConsumerPartitions consumers;
    private volatile boolean started;

    public ConsumersStartedCheck(ConsumerPartitions consumers) {
        this.consumers = consumers;
    }

    @Override
    public HealthCheckResponse call() {
        if (!started && consumers.allJoined()) {
            started = true;
        }
        HealthCheckResponseBuilder response = HealthCheckResponse.named("consumers-joined").status(started);
        consumers.byTopic().forEach((topic, partitions) -> response.withData(topic, String.valueOf(partitions)));
        return response.build();
    }
}
