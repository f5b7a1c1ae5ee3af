package org.botoxclinic.referral.health;

import static org.awaitility.Awaitility.await;
import static org.botoxclinic.referral.health.HealthTiming.status;
import static org.botoxclinic.referral.health.HealthTiming.timed;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.junit.jupiter.api.Test;

/** Each health endpoint answers its own question: readiness the database only, the broker and relay in the messaging group. */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class HealthAnswersTest {

    @Test
    void readinessIsTheDatabaseAndWhetherShutdownHasBegun() {
        await().atMost(Duration.ofSeconds(10)).until(() -> status("/q/health/ready") == 200);
        timed("/q/health/ready").then().statusCode(200).body("checks.name", containsInAnyOrder("database", "Graceful Shutdown"));
        timed("/q/health/live").then().statusCode(200);
    }

    @Test
    void startedOnceEveryConsumerHasJoinedItsGroup() {
        await().atMost(Duration.ofSeconds(30)).until(() -> status("/q/health/started") == 200);
        timed("/q/health/started").then().statusCode(200)
                .body("checks.find { it.name == 'consumers-joined' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'consumers-joined' }.data.keySet()",
                        containsInAnyOrder("authorization-events", "scheduling-events"));
    }

    @Test
    void brokerAndRelayAreTheMessagingGroup() {
        await().atMost(Duration.ofSeconds(30)).until(() -> status("/q/health/group/messaging") == 200);
        timed("/q/health/group/messaging").then().statusCode(200)
                .body("checks.name", hasItem("kafka")).body("checks.name", hasItem("outbox-relay"))
                .body("checks.find { it.name == 'kafka' }.data.brokerAnswers", equalTo(true));
    }
}
