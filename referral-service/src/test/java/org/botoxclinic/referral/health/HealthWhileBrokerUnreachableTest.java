package org.botoxclinic.referral.health;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.botoxclinic.referral.health.HealthTiming.status;
import static org.botoxclinic.referral.health.HealthTiming.timed;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.TestClock;
import org.junit.jupiter.api.Test;

/**
 * The service runs with its broker unreachable (bootstrap at a closed port): the API serves, readiness and
 * liveness are UP, the messaging group and the started check say DOWN, and every one answers within a second.
 */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
@TestProfile(HealthWhileBrokerUnreachableTest.NoBroker.class)
class HealthWhileBrokerUnreachableTest {

    /** Points Kafka at a port nothing listens on; started after the shared infrastructure, so its address wins. */
    public static class ClosedPort implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return Map.of("kafka.bootstrap.servers", "127.0.0.1:" + socket.getLocalPort());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void stop() {
        }

        @Override
        public int order() {
            return Integer.MAX_VALUE;
        }
    }

    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ClosedPort.class));
        }
    }

    @Test
    void apiAndReadinessDoNotDependOnTheBroker() {
        await().atMost(Duration.ofSeconds(10)).until(() -> status("/q/health/ready") == 200);
        timed("/q/health/ready").then().statusCode(200).body("checks.name", containsInAnyOrder("database", "Graceful Shutdown"));
        timed("/q/health/live").then().statusCode(200);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> status("/q/health/group/messaging") == 503);
        String messaging = timed("/q/health/group/messaging").then().statusCode(503)
                .body("checks.find { it.name == 'kafka' }.data.brokerAnswers", equalTo(false))
                .body("checks.find { it.name == 'kafka' }.data.reason", notNullValue())
                .extract().asString();
        assertFalse(messaging.contains("127.0.0.1") || messaging.contains("Exception") || messaging.contains("localhost"),
                messaging);
        timed("/q/health/started").then().statusCode(503);
        timed("/q/health").then().statusCode(503);

        String body = """
                {"externalReferralId":"EXT-%s",
                 "patient":{"firstName":"Alex","lastName":"Rivera","dateOfBirth":"%s","sex":"female","phone":"555-0100",
                            "address":{"line1":"12 Elm St","city":"Springfield","state":"IL","postalCode":"62701"}},
                 "referringProvider":{"npi":"1234567893","name":"Dr. Lee","practice":"North Family Practice"},
                 "indication":"CHRONIC_MIGRAINE","diagnosisCodes":["G43.709"],
                 "insurance":{"payerId":"AETNA","payerName":"Aetna","memberId":"W123456789"},
                 "urgency":"ROUTINE"}
                """.formatted(UUID.randomUUID(), TestClock.today().minusYears(40));
        given().auth().oauth2(DevTokens.forPartner("pcp-offline")).contentType(ContentType.JSON).body(body)
                .post("/api/referrals").then().statusCode(201);
        timed("/q/health/ready").then().statusCode(200);
    }
}
