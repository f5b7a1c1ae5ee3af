package org.botoxclinic.platform.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Readiness is "this replica can serve its API": its database answers. Reads the probe's cached state, so it answers at once. */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    private final DatabaseProbe database;

    public DatabaseReadinessCheck(DatabaseProbe database) {
        this.database = database;
    }

    @Override
    public HealthCheckResponse call() {
        return describe("database", database.state());
    }

    /** State, since when and a stable reason code only: never an exception's text, a host name or a statement. */
    static HealthCheckResponse describe(String name, BackgroundProbe.State state) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(name).status(state.up())
                .withData("lastAnswerAgeMillis", state.lastSuccessAgeMillis());
        withStateData(response, state);
        return response.build();
    }

    static void withStateData(HealthCheckResponseBuilder response, BackgroundProbe.State state) {
        if (state.since() != null) {
            response.withData("since", state.since().toString());
        }
        if (state.reason() != null) {
            response.withData("reason", state.reason().name());
        }
    }
}
