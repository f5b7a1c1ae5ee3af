package org.botoxclinic.platform.health;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.health.api.HealthGroup;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * {@code /q/health/group/messaging}: the broker and this service's consumers, for operators and alerts; kept out
 * of readiness because the API keeps working (and the outbox keeps the events) while the broker is away.
 */
@HealthGroup(MessagingHealthCheck.GROUP)
@ApplicationScoped
public class MessagingHealthCheck implements HealthCheck {

    public static final String GROUP = "messaging";

    private final BrokerProbe broker;
    private final ConsumerPartitions consumers;

    public MessagingHealthCheck(BrokerProbe broker, ConsumerPartitions consumers) {
        this.broker = broker;
        this.consumers = consumers;
    }

    @Override
    public HealthCheckResponse call() {
        BackgroundProbe.State state = broker.state();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka")
                .status(state.up() && consumers.allJoined())
                .withData("brokerAnswers", state.up())
                .withData("lastBrokerAnswerAgeMillis", state.lastSuccessAgeMillis());
        DatabaseReadinessCheck.withStateData(response, state);
        consumers.byTopic().forEach((topic, partitions) -> response.withData("partitions." + topic, String.valueOf(partitions)));
        return response.build();
    }
}
