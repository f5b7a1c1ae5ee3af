package org.botoxclinic.referral.health;

import static org.awaitility.Awaitility.await;
import static org.botoxclinic.referral.health.HealthTiming.status;
import static org.botoxclinic.referral.health.HealthTiming.timed;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The database answers the readiness probe with an error whose text names a relation: readiness is DOWN with a
 * stable reason code and since when, and its JSON holds none of the error's text, the exception's name, the host
 * or the statement.
 */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
@TestProfile(HealthWithoutErrorTextTest.FailingProbe.class)
class HealthWithoutErrorTextTest {

    static final String MARKER = "patient_rivera_1980";

    public static class FailingProbe implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clinic.health.database.probe-query", "select * from " + MARKER);
        }
    }

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @Test
    void aDownCheckSaysWhyWithACodeNotTheErrorText() {
        await().atMost(Duration.ofSeconds(10)).until(() -> status("/q/health/ready") == 503);
        String ready = timed("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'database' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'database' }.data.reason", equalTo("ERROR"))
                .body("checks.find { it.name == 'database' }.data.since", notNullValue())
                .extract().asString();
        String all = timed("/q/health").then().statusCode(503).extract().asString();
        String host = java.net.URI.create(url.substring("jdbc:".length())).getHost();
        for (String body : List.of(ready, all)) {
            for (String leak : List.of(MARKER, "does not exist", "Exception", "select", "SQL state", host)) {
                assertFalse(body.contains(leak), "health shows '" + leak + "': " + body);
            }
        }
    }
}
