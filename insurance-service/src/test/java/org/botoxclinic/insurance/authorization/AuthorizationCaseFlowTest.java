package org.botoxclinic.insurance.authorization;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.EventContract;
import org.botoxclinic.testkit.KafkaProbe;
import org.botoxclinic.testkit.SampleEvents;
import org.botoxclinic.testkit.TestClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class AuthorizationCaseFlowTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @BeforeEach
    void resetClock() {
        TestClock.reset();
    }

    private String specialist() {
        return DevTokens.forGroup("authorizations");
    }

    private void deliverReferralAccepted(UUID eventId, UUID referralId) {
        KafkaProbe.send(kafka, "referral-events", referralId.toString(), SampleEvents.referralAccepted(referralId),
                SampleEvents.headers(eventId, "ReferralAccepted", "/referral-service", referralId));
    }

    private String awaitCase(UUID referralId) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(specialist()).queryParam("referralId", referralId).get("/api/authorizations")
                        .then().statusCode(200).body("items", hasSize(1)));
        return given().auth().oauth2(specialist()).queryParam("referralId", referralId).get("/api/authorizations")
                .then().extract().path("items[0].id");
    }

    @Test
    void shouldOpenOneCaseFromAnAcceptedReferralAndPublishTheApproval() {
        UUID referralId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        deliverReferralAccepted(eventId, referralId);
        String caseId = awaitCase(referralId);
        LocalDate validFrom = TestClock.today().plusDays(7);
        String from = validFrom.toString();
        String to = validFrom.plusMonths(6).minusDays(1).toString();
        OffsetDateTime submittedAt = TestClock.now().minusHours(3);

        given().auth().oauth2(specialist()).get("/api/authorizations/" + caseId)
                .then().statusCode(200)
                .body("status", equalTo("PENDING_SUBMISSION"))
                .body("procedureLine.cptCode", equalTo("64615"))
                .body("drugLine.hcpcsCode", equalTo("J0585"))
                .body("drugLine.requestedUnits", equalTo(310))
                .body("requestedVisits", equalTo(2));

        // A decision before submission is not a move the case allows.
        given().auth().oauth2(specialist()).contentType(ContentType.JSON)
                .body(Map.of("outcome", "APPROVED", "authorizationNumber", "AUTH-1", "approvedUnits", 310,
                        "approvedVisits", 2, "validFrom", from, "validTo", to))
                .post("/api/authorizations/" + caseId + "/decision")
                .then().statusCode(409).contentType("application/problem+json")
                .body("currentStatus", equalTo("PENDING_SUBMISSION"));

        // The sample referral proves the diary only; the rest of the checklist stands in the way.
        given().auth().oauth2(specialist()).contentType(ContentType.JSON)
                .body(Map.of("channel", "PORTAL", "expedited", true, "submittedAt", Fixtures.iso(submittedAt)))
                .post("/api/authorizations/" + caseId + "/submit")
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("REQUIREMENTS_UNMET"))
                .body("unmet", contains("PREVENTIVE_CLASSES_TRIED", "SPECIALIST_PRESCRIBER", "NO_CONCURRENT_CGRP_ANTAGONIST"));

        given().auth().oauth2(specialist()).contentType(ContentType.JSON)
                .body(Map.of("channel", "PORTAL", "expedited", true, "submittedAt", Fixtures.iso(submittedAt),
                        "override", true, "overrideReason", "payer accepts the chart notes sent with the request"))
                .post("/api/authorizations/" + caseId + "/submit")
                .then().statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("submission.overrideReason", equalTo("payer accepts the chart notes sent with the request"))
                .body("decisionDueAt", Fixtures.sameInstant(submittedAt.plusHours(72)));

        given().auth().oauth2(specialist()).contentType(ContentType.JSON)
                .body(Map.of("outcome", "APPROVED", "approvedUnits", 310, "approvedVisits", 2,
                        "validFrom", from, "validTo", validFrom.minusDays(1).toString()))
                .post("/api/authorizations/" + caseId + "/decision")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("authorizationNumber"))
                .body("violations.field", hasItem("validTo"));

        given().auth().oauth2(specialist()).contentType(ContentType.JSON)
                .body(Map.of("outcome", "APPROVED", "authorizationNumber", "AUTH-1", "approvedUnits", 310,
                        "approvedVisits", 2, "validFrom", from, "validTo", to))
                .post("/api/authorizations/" + caseId + "/decision")
                .then().statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("unitsApproved", equalTo(310))
                .body("visitsUsed", equalTo(0));

        try (KafkaProbe probe = new KafkaProbe(kafka, "authorization-events")) {
            ConsumerRecord<String, String> record = probe.awaitType("AuthorizationApproved", referralId.toString(),
                    Duration.ofSeconds(20));
            assertEquals(referralId.toString(), KafkaProbe.header(record, "ce_subject"));
            assertEquals("/insurance-service", KafkaProbe.header(record, "ce_source"));
            assertNotNull(KafkaProbe.header(record, "ce_time"));
            EventContract.assertValid("AuthorizationApproved", record.value());
        }

        // The same event delivered again changes nothing.
        deliverReferralAccepted(eventId, referralId);
        UUID marker = UUID.randomUUID();
        deliverReferralAccepted(UUID.randomUUID(), marker);
        awaitCase(marker);
        given().auth().oauth2(specialist()).queryParam("referralId", referralId).get("/api/authorizations")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].status", equalTo("APPROVED"));
    }

    @Test
    void shouldParkAMalformedRecordOnTheDeadLetterTopicAndCarryOn() {
        UUID poisoned = UUID.randomUUID();
        KafkaProbe.send(kafka, "referral-events", poisoned.toString(), "{\"referralId\":\"" + poisoned + "\"}",
                SampleEvents.headers(UUID.randomUUID(), "ReferralAccepted", "/referral-service", poisoned));
        UUID healthy = UUID.randomUUID();
        deliverReferralAccepted(UUID.randomUUID(), healthy);

        awaitCase(healthy);
        try (KafkaProbe probe = new KafkaProbe(kafka, "insurance-service.referral-events.dlq")) {
            probe.await(r -> poisoned.toString().equals(r.key()), Duration.ofSeconds(20));
        }
        given().auth().oauth2(specialist()).queryParam("referralId", poisoned).get("/api/authorizations")
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void shouldRetryAnEventThatKeepsFailingThenParkItAndCarryOn() {
        UUID unknownIndication = UUID.randomUUID();
        KafkaProbe.send(kafka, "referral-events", unknownIndication.toString(),
                SampleEvents.referralAccepted(unknownIndication).replace("CHRONIC_MIGRAINE", "TENNIS_ELBOW"),
                SampleEvents.headers(UUID.randomUUID(), "ReferralAccepted", "/referral-service", unknownIndication));
        UUID healthy = UUID.randomUUID();
        deliverReferralAccepted(UUID.randomUUID(), healthy);

        awaitCase(healthy);
        try (KafkaProbe probe = new KafkaProbe(kafka, "insurance-service.referral-events.dlq")) {
            probe.await(r -> unknownIndication.toString().equals(r.key()), Duration.ofSeconds(30));
        }
        given().auth().oauth2(specialist()).queryParam("referralId", unknownIndication).get("/api/authorizations")
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void shouldAdmitOnlyAuthorizationStaff() {
        given().get("/api/authorizations").then().statusCode(401);
        given().auth().oauth2(DevTokens.forGroup("scheduler")).get("/api/authorizations").then().statusCode(403);
        given().auth().oauth2(DevTokens.forGroup("admin")).get("/api/authorizations").then().statusCode(200);
        given().auth().oauth2(specialist()).get("/api/authorizations/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");

        String base = "/api/authorizations/" + UUID.randomUUID();
        for (String token : new String[] {null, DevTokens.forGroup("scheduler"), DevTokens.forGroup("intake")}) {
            int expected = token == null ? 401 : 403;
            var request = token == null ? given() : given().auth().oauth2(token);
            request.get(base).then().statusCode(expected);
            request.contentType(ContentType.JSON).body("{\"met\":true}").put(base + "/requirements/HEADACHE_DIARY")
                    .then().statusCode(expected);
            for (String action : new String[] {"submit", "decision", "appeal", "withdraw"}) {
                request.contentType(ContentType.JSON).body("{}").post(base + "/" + action).then().statusCode(expected);
            }
        }
        given().auth().oauth2(DevTokens.forGroup("admin")).get(base).then().statusCode(404);
        given().auth().oauth2(DevTokens.forGroup("admin")).contentType(ContentType.JSON).body(Map.of("reason", "duplicate"))
                .post(base + "/withdraw").then().statusCode(404);
    }
}
