package org.botoxclinic.referral.referral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.EventContract;
import org.botoxclinic.testkit.KafkaProbe;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class ReferralIntakeTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    EntityManager em;

    static String referral(String externalId) {
        return """
                {"externalReferralId":"%s",
                 "patient":{"firstName":"Alex","lastName":"Rivera","dateOfBirth":"1984-05-17","sex":"female","phone":"555-0100"},
                 "referringProvider":{"npi":"1234567893","name":"Dr. Lee"},
                 "indication":"CHRONIC_MIGRAINE","diagnosisCodes":["G43.709"],
                 "clinicalDetails":{"headacheDaysPerMonth":20,"headacheHoursPerDay":6,"symptomMonths":24},
                 "insurance":{"payerId":"AETNA","payerName":"Aetna","memberId":"W123456789"},
                 "urgency":"ROUTINE"}
                """.formatted(externalId);
    }

    @Test
    void shouldReceiveAcceptAndPublishReferralAcceptedThroughTheOutbox() {
        String location = given().auth().oauth2(DevTokens.forPartner("pcp-north"))
                .contentType(ContentType.JSON).body(referral("EXT-" + UUID.randomUUID()))
                .when().post("/api/referrals")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("status", equalTo("RECEIVED"))
                .body("patient.sex", equalTo("female"))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        given().auth().oauth2(DevTokens.forPartner("pcp-north")).get("/api/referrals/" + id)
                .then().statusCode(200).body("id", equalTo(id));
        given().auth().oauth2(DevTokens.forPartner("pcp-south")).get("/api/referrals/" + id)
                .then().statusCode(404).contentType("application/problem+json");

        given().auth().oauth2(DevTokens.forGroup("intake")).post("/api/referrals/" + id + "/accept")
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));
        given().auth().oauth2(DevTokens.forGroup("intake")).post("/api/referrals/" + id + "/accept")
                .then().statusCode(409).contentType("application/problem+json")
                .body("currentStatus", equalTo("ACCEPTED"))
                .body("code", equalTo("ILLEGAL_TRANSITION"));

        try (KafkaProbe probe = new KafkaProbe(kafka, "referral-events")) {
            ConsumerRecord<String, String> record = probe.awaitType("ReferralAccepted", id, Duration.ofSeconds(20));
            assertEquals(id, KafkaProbe.header(record, "ce_subject"));
            assertEquals("/referral-service", KafkaProbe.header(record, "ce_source"));
            assertEquals("1.0", KafkaProbe.header(record, "ce_specversion"));
            UUID.fromString(KafkaProbe.header(record, "ce_id"));
            EventContract.assertValid("ReferralAccepted", record.value());
        }
        Number unpublished = (Number) em.createNativeQuery(
                "select count(*) from outbox_event where subject = ?1 and published_at is null")
                .setParameter(1, id).getSingleResult();
        assertEquals(0, unpublished.intValue());
    }

    @Test
    void shouldRefuseCallersWithoutTokenOrWithTheWrongGroup() {
        given().contentType(ContentType.JSON).body(referral("EXT-anon")).post("/api/referrals")
                .then().statusCode(401);
        given().auth().oauth2(DevTokens.forGroup("scheduler")).contentType(ContentType.JSON).body(referral("EXT-sched"))
                .post("/api/referrals")
                .then().statusCode(403);
        given().auth().oauth2(DevTokens.forPartner("pcp-north"))
                .post("/api/referrals/" + UUID.randomUUID() + "/accept")
                .then().statusCode(403);
    }

    @Test
    void shouldNameEachInvalidFieldAndStoreNothing() {
        String externalId = "EXT-bad-" + UUID.randomUUID();
        String bad = referral(externalId)
                .replace("\"1234567893\"", "\"12345\"")
                .replace("\"G43.709\"", "\"migraine\"")
                .replace("\"firstName\":\"Alex\",", "");
        given().auth().oauth2(DevTokens.forPartner("pcp-north")).contentType(ContentType.JSON).body(bad)
                .post("/api/referrals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("patient.firstName"))
                .body("violations.field", hasItem("referringProvider.npi"));
        Number stored = (Number) em.createNativeQuery("select count(*) from referral where external_referral_id = ?1")
                .setParameter(1, externalId).getSingleResult();
        assertEquals(0, stored.intValue());
    }

    @Test
    void shouldAnswerMalformedJsonWithProblemNotServerError() {
        given().auth().oauth2(DevTokens.forPartner("pcp-north")).contentType(ContentType.JSON).body("{\"patient\": ")
                .post("/api/referrals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("MALFORMED_JSON"));
    }

    @Test
    void shouldNameAnEnumFieldWithAnUnknownValue() {
        given().auth().oauth2(DevTokens.forPartner("pcp-north")).contentType(ContentType.JSON)
                .body(referral("EXT-enum-" + UUID.randomUUID()).replace("CHRONIC_MIGRAINE", "HEADACHE"))
                .post("/api/referrals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("indication"));
    }
}
