package org.botoxclinic.insurance.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
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

/** A ReferralAccepted published before the event dropped the patient's contact details still opens a case. */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class OlderEventsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void shouldOpenACaseFromAnAcceptanceThatStillCarriesContactDetailsAndKeepNoneOfThem() {
        UUID referralId = UUID.randomUUID();
        KafkaProbe.send(kafka, "referral-events", referralId.toString(),
                SampleEvents.referralAcceptedWithContactDetails(referralId),
                SampleEvents.headers(UUID.randomUUID(), "ReferralAccepted", "/referral-service", referralId));

        await().atMost(Duration.ofSeconds(20)).until(() -> cases(referralId) == 1);
        String caseId = given().auth().oauth2(DevTokens.forGroup("authorizations")).queryParam("referralId", referralId)
                .get("/api/authorizations").then().statusCode(200).extract().path("items[0].id");
        given().auth().oauth2(DevTokens.forGroup("authorizations")).get("/api/authorizations/" + caseId)
                .then().statusCode(200).body(containsString("Rivera"))
                .body(not(containsString("555-0100"))).body(not(containsString("Springfield")));
    }

    private static int cases(UUID referralId) {
        return given().auth().oauth2(DevTokens.forGroup("authorizations")).queryParam("referralId", referralId)
                .get("/api/authorizations").then().statusCode(200).extract().path("items.size()");
    }
}
