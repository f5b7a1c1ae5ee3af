package org.botoxclinic.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Readiness reports a relay that has stopped publishing, so an operator sees events piling up before users do. */
@Readiness
@ApplicationScoped
public class OutboxRelayHealthCheck implements HealthCheck {

    private final OutboxRelay relay;

    public OutboxRelayHealthCheck(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        RelayState state = relay.state();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox-relay")
                .status(state.healthy())
                .withData("state", state.reason())
                .withData("backlog", state.backlog())
                .withData("oldestUnpublishedAgeSeconds", Math.round(state.oldestAgeSeconds()));
        if (state.lastError() != null) {
            response.withData("lastError", state.lastError());
        }
        return response.build();
    }
}
