package org.botoxclinic.systemtest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.EventContract;
import org.botoxclinic.testkit.KafkaProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A referral travels the spine across three real processes: a partner refers, intake accepts, the payer
 * approves, the scheduler books the clinic day, and the referring practice sees it all on its timeline.
 */
class SpineJourneyIT {

    private static ClinicSystem clinic;

    @BeforeAll
    static void startClinic() throws Exception {
        clinic = ClinicSystem.start();
    }

    @AfterAll
    static void stopClinic() {
        if (clinic != null) {
            clinic.close();
        }
    }

    @Test
    void shouldTakeAReferralFromPartnerToABookedClinicDayAndTellThePartner() {
        String referralId = refer("EXT-" + UUID.randomUUID());
        accept(referralId);
        String caseId = awaitCase(referralId);
        submitAndApprove(caseId);
        awaitReadyToSchedule(referralId);

        String scheduler = DevTokens.forGroup("scheduler");
        String day = given().baseUri(clinic.scheduling.baseUrl()).auth().oauth2(scheduler)
                .get("/api/treatment-plans/" + referralId)
                .then().statusCode(200).extract().path("suggestedClinicDay");
        given().baseUri(clinic.scheduling.baseUrl()).auth().oauth2(scheduler).contentType(ContentType.JSON)
                .body(Map.of("referralId", referralId, "date", day))
                .post("/api/appointments")
                .then().statusCode(201).body("status", equalTo("BOOKED")).body("date", equalTo(day));

        // The referring practice sees, without phoning, what insurance and scheduling did.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().baseUri(clinic.referral.baseUrl()).auth().oauth2(DevTokens.forPartner("pcp-north"))
                        .get("/api/referrals/" + referralId + "/timeline")
                        .then().statusCode(200)
                        .body("stage", equalTo("SCHEDULED"))
                        .body("entries.type", hasItems("ACCEPTED", "AUTHORIZATION_SUBMITTED", "AUTHORIZATION_APPROVED",
                                "APPOINTMENT_SCHEDULED")));

        try (KafkaProbe probe = new KafkaProbe(clinic.kafka, "referral-events", "authorization-events")) {
            EventContract.assertValid("ReferralAccepted",
                    probe.awaitType("ReferralAccepted", referralId, Duration.ofSeconds(10)).value());
            EventContract.assertValid("AuthorizationApproved",
                    probe.awaitType("AuthorizationApproved", referralId, Duration.ofSeconds(10)).value());
        }
    }

    @Test
    void shouldCreateNoDuplicateCaseOrPlanWhenEveryEventIsDeliveredTwice() {
        String referralId = refer("EXT-" + UUID.randomUUID());
        accept(referralId);
        try (KafkaProbe probe = new KafkaProbe(clinic.kafka, "referral-events", "authorization-events")) {
            ConsumerRecord<String, String> accepted = probe.awaitType("ReferralAccepted", referralId, Duration.ofSeconds(20));
            KafkaProbe.redeliver(clinic.kafka, accepted);
            String caseId = awaitCase(referralId);
            ConsumerRecord<String, String> copy = probe.await(r -> r.offset() > accepted.offset()
                    && r.partition() == accepted.partition() && r.topic().equals(accepted.topic())
                    && referralId.equals(r.key()), Duration.ofSeconds(20));
            clinic.awaitConsumed("insurance-service", copy);
            clinic.awaitConsumed("scheduling-service", copy);

            submitAndApprove(caseId);
            ConsumerRecord<String, String> approved = probe.awaitType("AuthorizationApproved", referralId, Duration.ofSeconds(20));
            KafkaProbe.redeliver(clinic.kafka, approved);
            awaitReadyToSchedule(referralId);
            ConsumerRecord<String, String> approvedCopy = probe.await(r -> r.offset() > approved.offset()
                    && r.partition() == approved.partition() && r.topic().equals(approved.topic())
                    && referralId.equals(r.key()), Duration.ofSeconds(20));
            clinic.awaitConsumed("scheduling-service", approvedCopy);
        }

        UUID id = UUID.fromString(referralId);
        assertEquals(1, clinic.count("insurance-service", "select count(*) from authorization_case where referral_id = ?", id));
        assertEquals(1, clinic.count("scheduling-service", "select count(*) from treatment_plan where referral_id = ?", id));
        given().baseUri(clinic.insurance.baseUrl()).auth().oauth2(DevTokens.forGroup("authorizations"))
                .queryParam("referralId", referralId).get("/api/authorizations")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].status", equalTo("APPROVED"));
        given().baseUri(clinic.scheduling.baseUrl()).auth().oauth2(DevTokens.forGroup("scheduler"))
                .get("/api/treatment-plans/" + referralId)
                .then().statusCode(200).body("status", equalTo("READY_TO_SCHEDULE"))
                .body("authorization.visitsRemaining", equalTo(2));
    }

    private String refer(String externalId) {
        String body = """
                {"externalReferralId":"%s",
                 "patient":{"firstName":"Jordan","lastName":"Okafor","dateOfBirth":"1979-03-02","sex":"male","phone":"555-0142"},
                 "referringProvider":{"npi":"1234567893","name":"Dr. Lee","practice":"North Family Practice"},
                 "indication":"CHRONIC_MIGRAINE","diagnosisCodes":["G43.709"],
                 "insurance":{"payerId":"AETNA","payerName":"Aetna","memberId":"W987654321"},
                 "urgency":"ROUTINE"}
                """.formatted(externalId);
        String id = given().baseUri(clinic.referral.baseUrl()).auth().oauth2(DevTokens.forPartner("pcp-north"))
                .contentType(ContentType.JSON).body(body)
                .post("/api/referrals")
                .then().statusCode(201).body("status", equalTo("RECEIVED"))
                .extract().path("id");
        given().baseUri(clinic.referral.baseUrl()).auth().oauth2(DevTokens.forPartner("pcp-north"))
                .get("/api/referrals/" + id)
                .then().statusCode(200).body("externalReferralId", equalTo(externalId));
        return id;
    }

    private void accept(String referralId) {
        given().baseUri(clinic.referral.baseUrl()).auth().oauth2(DevTokens.forGroup("intake"))
                .post("/api/referrals/" + referralId + "/accept")
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));
    }

    private String awaitCase(String referralId) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().baseUri(clinic.insurance.baseUrl()).auth().oauth2(DevTokens.forGroup("authorizations"))
                        .queryParam("referralId", referralId).get("/api/authorizations")
                        .then().statusCode(200).body("items", hasSize(1)).body("items[0].status", equalTo("PENDING_SUBMISSION")));
        return given().baseUri(clinic.insurance.baseUrl()).auth().oauth2(DevTokens.forGroup("authorizations"))
                .queryParam("referralId", referralId).get("/api/authorizations")
                .then().extract().path("items[0].id");
    }

    private void submitAndApprove(String caseId) {
        String specialist = DevTokens.forGroup("authorizations");
        // The packaged services run on the real clock: the approval starts today in the clinic, for six months.
        LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
        given().baseUri(clinic.insurance.baseUrl()).auth().oauth2(specialist).contentType(ContentType.JSON)
                .body(Map.of("channel", "PORTAL", "expedited", false, "override", true,
                        "overrideReason", "documentation on file with the referring practice"))
                .post("/api/authorizations/" + caseId + "/submit")
                .then().statusCode(200).body("status", equalTo("SUBMITTED"));
        given().baseUri(clinic.insurance.baseUrl()).auth().oauth2(specialist).contentType(ContentType.JSON)
                .body(Map.of("outcome", "APPROVED", "authorizationNumber", "AUTH-" + caseId.substring(0, 8),
                        "approvedUnits", 310, "approvedVisits", 2, "validFrom", today.toString(),
                        "validTo", today.plusMonths(6).toString()))
                .post("/api/authorizations/" + caseId + "/decision")
                .then().statusCode(200).body("status", equalTo("APPROVED"));
    }

    private void awaitReadyToSchedule(String referralId) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().baseUri(clinic.scheduling.baseUrl()).auth().oauth2(DevTokens.forGroup("scheduler"))
                        .get("/api/treatment-plans/" + referralId)
                        .then().statusCode(200).body("status", equalTo("READY_TO_SCHEDULE")));
    }
}
