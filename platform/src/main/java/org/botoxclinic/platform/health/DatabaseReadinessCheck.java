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

    static HealthCheckResponse describe(String name, BackgroundProbe.State state) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(name).status(state.up())
                .withData("lastAnswerAgeMillis", state.lastSuccessAgeMillis());
        if (state.lastFailure() != null) {
            response.withData("problem", state.lastFailure());
        }
        return response.build();
    }
}
