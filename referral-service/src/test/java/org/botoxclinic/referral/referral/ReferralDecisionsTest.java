package org.botoxclinic.referral.referral;

import static io.restassured.RestAssured.given;
import static org.botoxclinic.referral.referral.ReferralFixtures.act;
import static org.botoxclinic.referral.referral.ReferralFixtures.body;
import static org.botoxclinic.referral.referral.ReferralFixtures.submitted;
import static org.botoxclinic.referral.referral.ReferralFixtures.uniqueId;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.EventContract;
import org.botoxclinic.testkit.KafkaProbe;
import org.botoxclinic.testkit.TestClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The intake coordinator's decisions and the partner's answers, through the whole state machine. */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class ReferralDecisionsTest {

    private static final String INTAKE = DevTokens.forGroup("intake");
    private static final String PARTNER = DevTokens.forPartner("pcp-north");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private static String fresh() {
        return submitted("pcp-north", body(uniqueId()));
    }

    private static Set<String> fields(com.fasterxml.jackson.databind.JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void refused(String token, String id, String action, String body, String currentStatus) {
        act(token, id, action, body).statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("ILLEGAL_TRANSITION"))
                .body("currentStatus", equalTo(currentStatus));
    }

    @Test
    void shouldAcceptAndPublishReferralAcceptedWithEverythingTheOtherServicesNeed() throws Exception {
        String id = fresh();
        act(INTAKE, id, "accept", null).statusCode(200).body("status", equalTo("ACCEPTED"))
                .body("stage", equalTo("AWAITING_AUTHORIZATION"));
        refused(INTAKE, id, "accept", null, "ACCEPTED");
        refused(INTAKE, id, "decline", "{\"reason\":\"late\"}", "ACCEPTED");
        refused(INTAKE, id, "request-info", "{\"question\":\"?\"}", "ACCEPTED");
        refused(PARTNER, id, "info", "{\"answer\":\"!\"}", "ACCEPTED");

        try (KafkaProbe probe = new KafkaProbe(kafka, "referral-events")) {
            ConsumerRecord<String, String> record = probe.awaitType("ReferralAccepted", id, Duration.ofSeconds(20));
            EventContract.assertValid("ReferralAccepted", record.value());
            // The payload is the contract, field for field: nothing added by the event's own methods
            // (the outbox keeps it as jsonb, which does not keep the order of the fields).
            var payload = ReferralFixtures.JSON.readTree(record.value());
            assertEquals(Set.of("referralId", "acceptedAt", "source", "partnerId", "externalReferralId", "indication",
                    "diagnosisCodes", "urgency", "patient", "referringProvider", "insurance", "clinicalDetails", "patientId",
                    "baseline"), fields(payload));
            assertEquals("HEADACHE_DAYS_PER_MONTH", payload.path("baseline").path("measure").asText());
            assertEquals(20, payload.path("baseline").path("value").asInt());
            assertTrue(payload.path("patientId").asText().matches("[0-9a-f-]{36}"));
            // Only what a consumer reads: phone and email (scheduling-service's reminders), never the address.
            assertEquals(Set.of("firstName", "lastName", "dateOfBirth", "sex", "phone", "email"),
                    fields(payload.path("patient")));
            assertEquals("555-0100", payload.path("patient").path("phone").asText());
            assertEquals("alex@example.org", payload.path("patient").path("email").asText());
            assertFalse(record.value().contains("62701") || record.value().contains("Elm St"),
                    "the patient's address stays in referral-service");
            assertEquals(Set.of("headacheDaysPerMonth", "headacheHoursPerDay", "migraineDaysPerMonth", "symptomMonths",
                    "priorPreventiveClasses", "currentCgrpAntagonist", "spasticityCause", "affectedSide", "twstrsTotal",
                    "modifiedAshworth", "jankovicRatingScale", "cgiSeverity"),
                    fields(payload.path("clinicalDetails")));
            assertEquals("BETA_BLOCKER", payload.path("clinicalDetails").path("priorPreventiveClasses").path(0).asText());
            assertEquals("/referral-service", KafkaProbe.header(record, "ce_source"));
            var event = ReferralFixtures.JSON.readTree(record.value());
            assertEquals("pcp-north", event.path("partnerId").asText());
            assertEquals(20, event.path("clinicalDetails").path("headacheDaysPerMonth").asInt());
        }

        // The patient withdrew after acceptance: a cancellation is still allowed, then nothing more.
        act(PARTNER, id, "cancel", "{\"reason\":\"patient moved away\"}").statusCode(200).body("status", equalTo("CANCELLED"));
        refused(PARTNER, id, "cancel", "{\"reason\":\"again\"}", "CANCELLED");
        refused(INTAKE, id, "accept", null, "CANCELLED");
        try (KafkaProbe probe = new KafkaProbe(kafka, "referral-events")) {
            ConsumerRecord<String, String> record = probe.awaitType("ReferralCancelled", id, Duration.ofSeconds(20));
            EventContract.assertValid("ReferralCancelled", record.value());
            assertEquals("PARTNER", ReferralFixtures.JSON.readTree(record.value()).path("cancelledBy").asText());
        }
    }

    @Test
    void shouldDeclineWithAReasonAndPublishIt() {
        String id = fresh();
        act(INTAKE, id, "decline", "{}").statusCode(400).body("violations.field", hasItem("reason"));
        act(INTAKE, id, "decline", "{\"reason\":\"episodic migraine: refer to the headache clinic\"}")
                .statusCode(200).body("status", equalTo("DECLINED")).body("stage", equalTo("DECLINED"));
        refused(INTAKE, id, "accept", null, "DECLINED");
        refused(PARTNER, id, "cancel", "{\"reason\":\"x\"}", "DECLINED");
        try (KafkaProbe probe = new KafkaProbe(kafka, "referral-events")) {
            EventContract.assertValid("ReferralDeclined",
                    probe.awaitType("ReferralDeclined", id, Duration.ofSeconds(20)).value());
        }
    }

    @Test
    void shouldAskForInformationAndScreenAgainOnTheAnswer() {
        ObjectNode incomplete = body(uniqueId());
        ((ObjectNode) incomplete.get("clinicalDetails")).remove("headacheHoursPerDay");
        String id = submitted("pcp-north", incomplete);
        given().auth().oauth2(PARTNER).get("/api/referrals/" + id).then().body("triage.outcome", equalTo("NEEDS_REVIEW"))
                .body("triage.reasons.code", contains("HEADACHE_HOURS_MISSING"));

        act(INTAKE, id, "request-info", "{\"question\":\"How many hours a day do the headaches last?\"}")
                .statusCode(200).body("status", equalTo("INFO_REQUESTED")).body("stage", equalTo("AWAITING_INFORMATION"));
        refused(INTAKE, id, "accept", null, "INFO_REQUESTED");
        refused(INTAKE, id, "request-info", "{\"question\":\"again?\"}", "INFO_REQUESTED");
        act(DevTokens.forPartner("pcp-south"), id, "info", "{\"answer\":\"not mine\"}").statusCode(404);

        act(PARTNER, id, "info", """
                {"answer":"About six hours.","clinicalDetails":{"headacheDaysPerMonth":20,"headacheHoursPerDay":6,"symptomMonths":24}}
                """).statusCode(200)
                .body("status", equalTo("RECEIVED"))
                .body("triage.outcome", equalTo("MEETS_CRITERIA"))
                .body("infoAnswer", equalTo("About six hours."));
        act(INTAKE, id, "accept", null).statusCode(200);
    }

    @Test
    void shouldLetAnInfoRequestEndInDeclineOrCancel() {
        String declined = fresh();
        act(INTAKE, declined, "request-info", "{\"question\":\"Diary?\"}").statusCode(200);
        act(INTAKE, declined, "decline", "{\"reason\":\"no answer\"}").statusCode(200).body("status", equalTo("DECLINED"));

        String cancelled = fresh();
        act(INTAKE, cancelled, "request-info", "{\"question\":\"Diary?\"}").statusCode(200);
        act(PARTNER, cancelled, "cancel", "{\"reason\":\"patient declined treatment\"}").statusCode(200)
                .body("status", equalTo("CANCELLED"));

        String cancelledByClinic = fresh();
        act(INTAKE, cancelledByClinic, "cancel", "{\"reason\":\"patient called to withdraw\"}").statusCode(200);
        act(INTAKE, UUID.randomUUID().toString(), "accept", null).statusCode(404);
    }

    @Test
    void shouldServeTheWorkQueueUrgentFirstThenOldestWithACursor() {
        String partner = "pcp-queue-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> routine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // Received a minute apart on the test clock, which stands still unless a test moves it.
            TestClock.advance(Duration.ofMinutes(1));
            routine.add(submitted(partner, body(uniqueId())));
        }
        TestClock.advance(Duration.ofMinutes(1));
        ObjectNode urgentBody = body(uniqueId());
        urgentBody.put("urgency", "URGENT");
        String urgent = submitted(partner, urgentBody);

        String token = DevTokens.forPartner(partner);
        var firstPage = given().auth().oauth2(token).queryParam("limit", 2).get("/api/referrals")
                .then().statusCode(200).body("items", hasSize(2)).extract();
        assertEquals(List.of(urgent, routine.get(0)), firstPage.path("items.id"));
        String cursor = firstPage.path("next");
        given().auth().oauth2(token).queryParam("limit", 2).queryParam("cursor", cursor).get("/api/referrals")
                .then().statusCode(200).body("items.id", contains(routine.get(1), routine.get(2)))
                .body("next", nullValue());

        // Another partner sees none of these; staff filter the whole queue.
        given().auth().oauth2(DevTokens.forPartner("pcp-elsewhere")).get("/api/referrals")
                .then().statusCode(200).body("items.id", everyItem(org.hamcrest.Matchers.not(org.hamcrest.Matchers.in(routine))));
        given().auth().oauth2(INTAKE).queryParam("status", "RECEIVED").queryParam("triage", "MEETS_CRITERIA")
                .queryParam("indication", "CHRONIC_MIGRAINE").queryParam("limit", 200).get("/api/referrals")
                .then().statusCode(200).body("items.status", everyItem(equalTo("RECEIVED")));
        given().auth().oauth2(INTAKE).queryParam("limit", 1).get("/api/referrals")
                .then().statusCode(200).body("items", hasSize(1)).body("next", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(INTAKE).queryParam("cursor", "not-a-cursor").get("/api/referrals")
                .then().statusCode(400).body("violations.field", hasItem("cursor"));
        given().auth().oauth2(INTAKE).queryParam("status", "LOST").get("/api/referrals").then().statusCode(400)
                .body("violations.field", hasItem("status"));
        assertFalse(routine.contains(urgent));
    }

    @Test
    void shouldPageThroughTiesByIdWithoutLosingOrRepeatingAReferralAndAuditEveryListedOneOnce() {
        String partner = "pcp-ties-" + UUID.randomUUID().toString().substring(0, 8);
        // Received at one instant (the test clock stands still): only the id orders the routine ones among themselves,
        // and the urgent ones among themselves; pages of 2 and 3 end in the middle of those ties.
        TestClock.advance(Duration.ofMinutes(1));
        List<String> routine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            routine.add(submitted(partner, body(uniqueId())));
        }
        List<String> urgent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ObjectNode urgentBody = body(uniqueId());
            urgentBody.put("urgency", "URGENT");
            urgent.add(submitted(partner, urgentBody));
        }
        String asked = routine.get(1);
        act(INTAKE, asked, "request-info", "{\"question\":\"Diary?\"}").statusCode(200);
        // uuid order in PostgreSQL is the order of the hexadecimal text
        List<String> expected = new ArrayList<>(urgent.stream().sorted().toList());
        expected.addAll(routine.stream().sorted().toList());
        String token = DevTokens.forPartner(partner);

        assertEquals(expected, pageThrough(token, 2));
        assertEquals(expected, pageThrough(token, 3));
        List<String> received = new ArrayList<>(expected);
        received.remove(asked);
        assertEquals(received, pageThrough(token, 2, "status", "RECEIVED"));
        assertEquals(List.of(asked), pageThrough(token, 1, "status", "INFO_REQUESTED"));
        assertEquals(received, pageThrough(token, 3, "status", "RECEIVED", "indication", "CHRONIC_MIGRAINE"));

        // One LIST entry per referral on the page, in the page's order, by the caller; an empty page writes none.
        List<String> shown = given().auth().oauth2(token).queryParam("limit", 4).get("/api/referrals")
                .then().statusCode(200).extract().path("items.id");
        assertEquals(expected.subList(0, 4), shown);
        long previous = 0;
        for (String id : shown) {
            List<java.util.Map<String, Object>> lists = given().auth().oauth2(DevTokens.forGroup("admin"))
                    .queryParam("referralId", id).get("/api/audit").then().statusCode(200)
                    .extract().jsonPath().getList("items.findAll { it.action == 'LIST' }");
            java.util.Map<String, Object> last = lists.get(lists.size() - 1);
            assertEquals(id, last.get("resourceId"));
            assertEquals(id, last.get("referralId"));
            assertEquals("referral", last.get("resourceType"));
            assertEquals("partner-" + partner, last.get("actor"));
            assertEquals(partner, last.get("partnerId"));
            assertEquals("ALLOWED", last.get("outcome"));
            long entry = ((Number) last.get("id")).longValue();
            assertTrue(entry > previous, "entries follow the page's order");
            previous = entry;
        }
        given().auth().oauth2(token).queryParam("status", "DECLINED").get("/api/referrals").then().statusCode(200)
                .body("items", hasSize(0));
    }

    /** Every page of the caller's queue (with the filters given as name, value), following next. */
    private static List<String> pageThrough(String token, int limit, String... filter) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(token).queryParam("limit", limit);
            for (int i = 0; i < filter.length; i += 2) {
                request.queryParam(filter[i], filter[i + 1]);
            }
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/referrals").then().statusCode(200).extract();
            List<String> items = page.path("items.id");
            assertTrue(items.size() <= limit);
            ids.addAll(items);
            cursor = page.path("next");
        } while (cursor != null);
        return ids;
    }
}
