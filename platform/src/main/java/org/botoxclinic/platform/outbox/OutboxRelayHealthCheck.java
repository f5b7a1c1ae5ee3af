package org.botoxclinic.platform.outbox;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The messaging health group reports a relay that has stopped publishing, so an operator sees events piling up
 * before users do; not readiness, since the API keeps serving (the outbox keeps the events) while it waits.
 */
@HealthGroup("messaging")
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
                .withData("oldestUnpublishedAgeSeconds", Math.round(state.oldestAgeSeconds()))
                .withData("parked", state.parked());
        // The broker's or the database's error text stays out: it can name hosts, statements or row values. An
        // administrator reads a parked event's error through the authenticated API (GET /api/admin/outbox/parked).
        return response.build();
    }
}
