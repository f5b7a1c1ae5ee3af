package org.botoxclinic.insurance.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.botoxclinic.insurance.authorization.CaseSupport;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.KafkaProbe;
import org.botoxclinic.testkit.SampleEvents;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;

/** Parked events are kept in the service's database, listed to administrators without their payload, and replayed once. */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class DeadLettersTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    CaseSupport support;

    private static String admin() {
        return DevTokens.forGroup("admin");
    }

    @Test
    void shouldParkAnIncompleteEventAtOnceListItWithoutItsPayloadAndNeverApplyIt() {
        UUID referralId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        // No patient and no insurance: the consumer can never open a case from it.
        KafkaProbe.send(kafka, "referral-events", referralId.toString(),
                "{\"referralId\":\"" + referralId + "\",\"indication\":\"CHRONIC_MIGRAINE\",\"note\":\"Rivera\"}",
                SampleEvents.headers(eventId, "ReferralAccepted", "/referral-service", referralId));

        Map<String, Object> letter = awaitParked(eventId);
        assertEquals("ReferralAccepted", letter.get("type"));
        assertEquals(referralId.toString(), letter.get("referralId"));
        assertEquals("referral-events", letter.get("topic"));
        assertEquals(1, letter.get("attempts"), "parked at once, not retried");
        assertEquals(letter.get("firstAttemptAt"), letter.get("lastAttemptAt"));
        assertFalse(letter.containsKey("payload"));
        given().auth().oauth2(admin()).get("/api/admin/dead-letters").then().statusCode(200)
                .body(not(containsString("Rivera")));
        try (KafkaProbe probe = new KafkaProbe(kafka, "insurance-service.referral-events.dlq")) {
            probe.await(r -> eventId.toString().equals(KafkaProbe.header(r, "ce_id")), Duration.ofSeconds(20));
        }

        JsonPath outcome = replay(eventId);
        assertEquals("FAILED", outcome.getString("outcome"));
        assertEquals(true, outcome.getString("reason").contains("lacks fields its consumer needs"), outcome.prettify());
        Map<String, Object> after = parked(eventId);
        assertEquals(2, after.get("attempts"));
        assertEquals(0, cases(referralId));
    }

    @Test
    void shouldReplayAnEventRefusedForWantOfDataOnceStaffAddedTheDataAndOnlyOnce() {
        String indication = "TEST_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        UUID referralId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        KafkaProbe.send(kafka, "referral-events", referralId.toString(),
                SampleEvents.referralAccepted(referralId).replace("CHRONIC_MIGRAINE", indication),
                SampleEvents.headers(eventId, "ReferralAccepted", "/referral-service", referralId));

        Map<String, Object> letter = awaitParked(eventId);
        assertEquals(3, letter.get("attempts"), "an unknown failure is tried a few times before it is parked");
        assertEquals(0, cases(referralId));

        // Replayed before the fix: fails again and stays parked.
        assertEquals("FAILED", replay(eventId).getString("outcome"));
        assertEquals(4, parked(eventId).get("attempts"));

        support.sql("insert into indication_default (indication, procedure_code, units_per_visit, visits, validity_months)"
                + " values ('" + indication + "', '64615', 100, 2, 6)");
        JsonPath applied = replay(eventId);
        assertEquals("APPLIED", applied.getString("outcome"), applied.prettify());
        assertEquals(1, cases(referralId));

        assertEquals("ALREADY_APPLIED", replay(eventId).getString("outcome"));
        // The broker delivers it once more: the inbox has it as processed.
        KafkaProbe.send(kafka, "referral-events", referralId.toString(),
                SampleEvents.referralAccepted(referralId).replace("CHRONIC_MIGRAINE", indication),
                SampleEvents.headers(eventId, "ReferralAccepted", "/referral-service", referralId));
        UUID marker = UUID.randomUUID();
        KafkaProbe.send(kafka, "referral-events", marker.toString(), SampleEvents.referralAccepted(marker),
                SampleEvents.headers(UUID.randomUUID(), "ReferralAccepted", "/referral-service", marker));
        await().atMost(Duration.ofSeconds(20)).until(() -> cases(marker) == 1);
        assertEquals(1, cases(referralId));

        List<String> parkedIds = given().auth().oauth2(admin()).queryParam("limit", 1000).get("/api/admin/dead-letters")
                .then().statusCode(200).extract().path("items.eventId");
        assertFalse(parkedIds.contains(eventId.toString()), "a replayed event is no longer listed as parked");
        given().auth().oauth2(admin()).queryParam("replayed", true).queryParam("limit", 1000).get("/api/admin/dead-letters")
                .then().statusCode(200).body("items.find { it.eventId == '" + eventId + "' }.replayedAt", notNullValue());
        given().auth().oauth2(admin()).queryParam("referralId", referralId).get("/api/audit")
                .then().statusCode(200).body("items.findAll { it.action == 'REPLAY' }", hasSize(3));
    }

    @Test
    void shouldPageTheParkedEventsWithACursor() {
        for (int i = 0; i < 3; i++) {
            UUID referralId = UUID.randomUUID();
            KafkaProbe.send(kafka, "referral-events", referralId.toString(), "{\"referralId\":\"" + referralId + "\"}",
                    SampleEvents.headers(UUID.randomUUID(), "ReferralAccepted", "/referral-service", referralId));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(admin()).queryParam("limit", 1000)
                .get("/api/admin/dead-letters").then().extract().<List<?>>path("items").size() >= 3);

        JsonPath first = given().auth().oauth2(admin()).queryParam("limit", 2).get("/api/admin/dead-letters")
                .then().statusCode(200).body("items", hasSize(2)).body("next", notNullValue()).extract().jsonPath();
        JsonPath rest = given().auth().oauth2(admin()).queryParam("limit", 1000).queryParam("cursor", first.getString("next"))
                .get("/api/admin/dead-letters").then().statusCode(200).body("next", nullValue()).extract().jsonPath();
        List<String> all = given().auth().oauth2(admin()).queryParam("limit", 1000).get("/api/admin/dead-letters")
                .then().extract().path("items.eventId");
        assertEquals(all.size(), 2 + rest.getList("items").size());
        assertFalse(rest.getList("items.eventId").contains(first.getList("items.eventId").get(0)));

        given().auth().oauth2(admin()).queryParam("cursor", "not-a-cursor").get("/api/admin/dead-letters")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldAdmitOnlyAdministrators() {
        String path = "/api/admin/dead-letters";
        given().get(path).then().statusCode(401);
        given().post(path + "/" + UUID.randomUUID() + "/replay").then().statusCode(401);
        for (String group : new String[] {"authorizations", "scheduler", "intake"}) {
            given().auth().oauth2(DevTokens.forGroup(group)).get(path).then().statusCode(403);
            given().auth().oauth2(DevTokens.forGroup(group)).post(path + "/" + UUID.randomUUID() + "/replay")
                    .then().statusCode(403);
        }
        given().auth().oauth2(admin()).post(path + "/" + UUID.randomUUID() + "/replay")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(admin()).post(path + "/not-an-id/replay")
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("eventId"));
    }

    private Map<String, Object> awaitParked(UUID eventId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> parked(eventId) != null);
        return parked(eventId);
    }

    private Map<String, Object> parked(UUID eventId) {
        return given().auth().oauth2(admin()).queryParam("limit", 1000).get("/api/admin/dead-letters")
                .then().statusCode(200).extract().path("items.find { it.eventId == '" + eventId + "' }");
    }

    private JsonPath replay(UUID eventId) {
        return given().auth().oauth2(admin()).post("/api/admin/dead-letters/" + eventId + "/replay")
                .then().statusCode(200).extract().jsonPath();
    }

    private int cases(UUID referralId) {
        return given().auth().oauth2(DevTokens.forGroup("authorizations")).queryParam("referralId", referralId)
                .get("/api/authorizations").then().statusCode(200).extract().path("items.size()");
    }
}
