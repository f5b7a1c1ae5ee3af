package org.botoxclinic.scheduling.plan;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.KafkaProbe;
import org.botoxclinic.testkit.SampleEvents;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A ReferralAccepted published before the event dropped the patient's contact details still starts a plan. */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class OlderEventsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void shouldStartAPlanFromAnAcceptanceThatStillCarriesContactDetailsAndKeepNoneOfThem() {
        UUID referralId = UUID.randomUUID();
        KafkaProbe.send(kafka, "referral-events", referralId.toString(),
                SampleEvents.referralAcceptedWithContactDetails(referralId),
                SampleEvents.headers(UUID.randomUUID(), "ReferralAccepted", "/referral-service", referralId));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(DevTokens.forGroup("scheduler")).get("/api/treatment-plans/" + referralId)
                        .then().statusCode(200).body("status", equalTo("AWAITING_AUTHORIZATION"))
                        .body("patient.lastName", equalTo("Rivera"))
                        .body(not(containsString("555-0100"))).body(not(containsString("Springfield"))));
    }
}
