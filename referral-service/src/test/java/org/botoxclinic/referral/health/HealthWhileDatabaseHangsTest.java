package org.botoxclinic.referral.health;

import static org.awaitility.Awaitility.await;
import static org.botoxclinic.referral.health.HealthTiming.status;
import static org.botoxclinic.referral.health.HealthTiming.timed;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The database stops answering the readiness probe (its query waits on a lock the test holds, with a 30 s
 * timeout, as a hung server would): every health endpoint still answers within a second, readiness turns DOWN
 * within the staleness limit, liveness stays UP, and readiness is UP again once the database answers.
 */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
@TestProfile(HealthWhileDatabaseHangsTest.HangingProbe.class)
class HealthWhileDatabaseHangsTest {

    static final long LOCK = 90210;

    /** The probe takes a shared advisory lock the test can hold exclusively; it waits up to 30 s. */
    public static class HangingProbe implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clinic.health.database.probe-query",
                    "select pg_advisory_lock_shared(" + LOCK + "), pg_advisory_unlock_shared(" + LOCK + ")",
                    "clinic.health.database.timeout", "30s",
                    "clinic.health.database.stale-after", "2s");
        }
    }

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void healthAnswersAtOnceWhileTheDatabaseHangs() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> status("/q/health/ready") == 200);
        try (Connection holder = DriverManager.getConnection(url, user, password);
             Statement statement = holder.createStatement()) {
            statement.execute("select pg_advisory_lock(" + LOCK + ")");
            long hungAt = System.nanoTime();
            await().atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(250))
                    .until(() -> timed("/q/health/ready").statusCode() == 503);
            System.out.printf("readiness DOWN %d ms after the database stopped answering%n",
                    (System.nanoTime() - hungAt) / 1_000_000);
            timed("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'database' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'database' }.data.reason", equalTo("NO_RECENT_ANSWER"))
                    .body("checks.find { it.name == 'database' }.data.since", notNullValue());
            timed("/q/health/live").then().statusCode(200);
            timed("/q/health/started");
            timed("/q/health/group/messaging");
            timed("/q/health").then().statusCode(503);
            statement.execute("select pg_advisory_unlock(" + LOCK + ")");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> timed("/q/health/ready").statusCode() == 200);
    }
}
