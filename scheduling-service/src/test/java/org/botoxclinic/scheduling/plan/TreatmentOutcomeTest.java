package org.botoxclinic.scheduling.plan;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.botoxclinic.scheduling.support.Fixtures.booked;
import static org.botoxclinic.scheduling.support.Fixtures.readyPlan;
import static org.botoxclinic.scheduling.support.Fixtures.scheduler;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.botoxclinic.scheduling.support.TestDates;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.EventContract;
import org.botoxclinic.testkit.KafkaProbe;
import org.botoxclinic.testkit.SampleEvents;
import org.botoxclinic.testkit.TestClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Treatment outcomes end to end: the baseline arrives with the accepted referral, staff record assessments within the
 * rules (each refusal names its field and publishes nothing), a resent assessment is answered with the one stored, the
 * plan shows the change from baseline, and OutcomeRecorded and TreatmentCompleted carry what the contract says.
 */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class TreatmentOutcomeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    EntityManager em;

    private LocalDate today;

    @BeforeEach
    void startOfTheDay() {
        TestClock.reset();
        today = TestDates.startDay();
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    /** A ready plan whose referral was accepted the given days ago, with the baseline given (or none). */
    private UUID plan(String indication, String baselineMeasure, Integer baselineValue, int acceptedDaysAgo) {
        UUID referral = readyPlan(em, indication, TestDates.validFrom(), TestDates.validTo(), 2, 400, null);
        sql("update treatment_plan set baseline_measure = ?2, baseline_value = ?3, accepted_at = ?4 where referral_id = ?1",
                referral, baselineMeasure, baselineValue, TestClock.now().minusDays(acceptedDaysAgo));
        return referral;
    }

    private static ValidatableResponse record(UUID referral, LocalDate assessedOn, String measure, String value) {
        return scheduler().body("{\"assessedOn\":\"%s\",\"measure\":\"%s\",\"value\":%s}".formatted(assessedOn, measure, value))
                .post("/api/treatment-plans/{id}/outcomes", referral).then();
    }

    private static String recorded(UUID referral, LocalDate assessedOn, String measure, String value) {
        return record(referral, assessedOn, measure, value).statusCode(201).contentType("application/json")
                .extract().path("id");
    }

    private void sql(String statement, Object... parameters) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = em.createNativeQuery(statement);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            query.executeUpdate();
        });
    }

    private int outboxEvents(UUID referral, String type) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from outbox_event where event_key = ?1 and event_type = ?2")
                .setParameter(1, referral.toString()).setParameter(2, type).getSingleResult()).intValue());
    }

    /** The published event of this type and referral that mentions the given text (an id), checked against its schema. */
    private JsonNode published(String type, UUID referral, String mentioning) throws Exception {
        try (KafkaProbe probe = new KafkaProbe(kafka, "scheduling-events")) {
            ConsumerRecord<String, String> record = probe.await(r -> type.equals(KafkaProbe.header(r, "ce_type"))
                    && referral.toString().equals(r.key()) && r.value().contains(mentioning), WAIT);
            assertEquals("/scheduling-service", KafkaProbe.header(record, "ce_source"));
            assertEquals(referral.toString(), KafkaProbe.header(record, "ce_subject"));
            EventContract.assertValid(type, record.value());
            return JSON.readTree(record.value());
        }
    }

    private void accepted(UUID referral, String payload) {
        KafkaProbe.send(kafka, "referral-events", referral.toString(), payload,
                SampleEvents.headers(UUID.randomUUID(), "ReferralAccepted", "/referral-service", referral));
    }

    @Test
    void shouldKeepTheBaselineTheAcceptedReferralReportedAndAcceptRecordsWithoutOne() {
        UUID withBaseline = UUID.randomUUID();
        UUID older = UUID.randomUUID();
        UUID offTheScale = UUID.randomUUID();
        accepted(withBaseline, SampleEvents.referralAcceptedWithBaseline(withBaseline, "HEADACHE_DAYS_PER_MONTH", "20"));
        accepted(older, SampleEvents.referralAccepted(older));
        accepted(offTheScale, SampleEvents.referralAcceptedWithBaseline(offTheScale, "HEADACHE_DAYS_PER_MONTH", "45"));

        await().atMost(WAIT).untilAsserted(() -> scheduler().get("/api/treatment-plans/" + withBaseline).then()
                .statusCode(200).body("baseline.measure", equalTo("HEADACHE_DAYS_PER_MONTH")).body("baseline.value", equalTo(20))
                .body("treatmentsCompleted", equalTo(0)).body("changeFromBaseline", nullValue())
                .body("outcomes", hasSize(0)));
        for (UUID without : new UUID[] {older, offTheScale}) {
            await().atMost(WAIT).untilAsserted(() -> scheduler().get("/api/treatment-plans/" + without).then()
                    .statusCode(200).body("status", equalTo("AWAITING_AUTHORIZATION")).body("baseline", nullValue()));
        }
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from dead_letter where event_key in (?1, ?2, ?3)").setParameter(1, withBaseline.toString())
                .setParameter(2, older.toString()).setParameter(3, offTheScale.toString()).getSingleResult()).intValue()));
    }

    @Test
    void shouldRecordOutcomesShowTheChangeFromBaselineAndPublishEach() throws Exception {
        UUID referral = plan("CHRONIC_MIGRAINE", "HEADACHE_DAYS_PER_MONTH", 20, 120);
        String first = record(referral, today.minusDays(60), "HEADACHE_DAYS_PER_MONTH", "14").statusCode(201)
                .header("Location", containsString("/api/treatment-plans/" + referral + "/outcomes/"))
                .body("improvementPercent", equalTo(30.0f)).extract().path("id");
        String midas = recorded(referral, today.minusDays(30), "MIDAS", "20");
        var latest = record(referral, today.minusDays(10), "HEADACHE_DAYS_PER_MONTH", "9.0").statusCode(201)
                .body("value", equalTo(9)).body("improvementPercent", equalTo(55.0f)).extract();
        String latestId = latest.path("id");
        assertTrue(latest.header("Location").endsWith("/api/treatment-plans/" + referral + "/outcomes/" + latestId));

        scheduler().get(latest.header("Location")).then().statusCode(200).body("id", equalTo(latestId))
                .body("measure", equalTo("HEADACHE_DAYS_PER_MONTH")).body("assessedOn", equalTo(today.minusDays(10).toString()));
        scheduler().get("/api/treatment-plans/{id}/outcomes/{outcome}", UUID.randomUUID(), latestId).then().statusCode(404);
        scheduler().get("/api/treatment-plans/{id}/outcomes/{outcome}", referral, UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");

        scheduler().get("/api/treatment-plans/" + referral).then().statusCode(200)
                .body("baseline.measure", equalTo("HEADACHE_DAYS_PER_MONTH")).body("baseline.value", equalTo(20))
                .body("outcomes.id", contains(latestId, midas, first))
                .body("outcomes.improvementPercent", contains(55.0f, null, 30.0f))
                .body("changeFromBaseline.measure", equalTo("HEADACHE_DAYS_PER_MONTH"))
                .body("changeFromBaseline.assessedOn", equalTo(today.minusDays(10).toString()))
                .body("changeFromBaseline.baselineValue", equalTo(20))
                .body("changeFromBaseline.value", equalTo(9))
                .body("changeFromBaseline.absoluteImprovement", equalTo(11))
                .body("changeFromBaseline.improvementPercent", equalTo(55.0f))
                .body("improvementAfterSecondTreatment", nullValue());

        JsonNode event = published("OutcomeRecorded", referral, latestId);
        assertEquals(latestId, event.get("outcomeId").asText());
        assertEquals("CHRONIC_MIGRAINE", event.get("indication").asText());
        assertEquals("HEADACHE_DAYS_PER_MONTH", event.get("measure").asText());
        assertEquals(9, event.get("value").asInt());
        assertEquals(today.minusDays(10).toString(), event.get("assessedOn").asText());
        assertEquals("HEADACHE_DAYS_PER_MONTH", event.get("baseline").get("measure").asText());
        assertEquals(20, event.get("baseline").get("value").asInt());
        assertEquals("55.0", event.get("improvementPercent").asText());
        assertEquals(0, event.get("treatmentsCompleted").asInt());
        JsonNode optional = published("OutcomeRecorded", referral, midas);
        assertTrue(optional.get("baseline").isNull());
        assertTrue(optional.get("improvementPercent").isNull());
        assertEquals(3, outboxEvents(referral, "OutcomeRecorded"));

        given().auth().oauth2(DevTokens.forGroup("admin")).queryParam("referralId", referral).get("/api/audit").then()
                .statusCode(200).body("items.findAll { it.resourceType == 'treatment-outcome' }.action", hasItems("CREATE", "READ"));
    }

    @Test
    void shouldShowNoImprovementWithoutABaseline() throws Exception {
        UUID referral = plan("CERVICAL_DYSTONIA", null, null, 30);
        String id = record(referral, today, "TWSTRS_TOTAL", "40").statusCode(201).body("improvementPercent", nullValue())
                .extract().path("id");
        scheduler().get("/api/treatment-plans/" + referral).then().statusCode(200).body("baseline", nullValue())
                .body("changeFromBaseline.value", equalTo(40)).body("changeFromBaseline.baselineValue", nullValue())
                .body("changeFromBaseline.absoluteImprovement", nullValue())
                .body("changeFromBaseline.improvementPercent", nullValue());
        JsonNode event = published("OutcomeRecorded", referral, id);
        assertTrue(event.get("baseline").isNull());
        assertTrue(event.get("improvementPercent").isNull());
    }

    @Test
    void shouldRefuseAnOutcomeOutsideTheRulesNamingTheFieldAndPublishNothingForIt() {
        UUID referral = plan("CHRONIC_MIGRAINE", "HEADACHE_DAYS_PER_MONTH", 20, 10);
        LocalDate began = today.minusDays(10);
        record(referral, today.plusDays(1), "HEADACHE_DAYS_PER_MONTH", "10").statusCode(400)
                .contentType("application/problem+json").body("violations.field", contains("assessedOn"));
        recorded(referral, today, "HEADACHE_DAYS_PER_MONTH", "10");
        record(referral, began.minusDays(1), "HEADACHE_DAYS_PER_MONTH", "10").statusCode(400)
                .body("violations.field", contains("assessedOn"));
        recorded(referral, began, "HEADACHE_DAYS_PER_MONTH", "10");

        record(referral, today.minusDays(1), "HEADACHE_DAYS_PER_MONTH", "32").statusCode(400)
                .body("violations.field", contains("value"));
        recorded(referral, today.minusDays(1), "HEADACHE_DAYS_PER_MONTH", "31");
        record(referral, today.minusDays(2), "HEADACHE_DAYS_PER_MONTH", "-1").statusCode(400)
                .body("violations.field", contains("value"));
        recorded(referral, today.minusDays(2), "HEADACHE_DAYS_PER_MONTH", "0");
        record(referral, today.minusDays(3), "HEADACHE_DAYS_PER_MONTH", "12.5").statusCode(400)
                .body("violations.field", contains("value"));
        record(referral, today.minusDays(3), "HIT_6", "35").statusCode(400).body("violations.field", contains("value"));
        recorded(referral, today.minusDays(3), "HIT_6", "36");
        record(referral, today.minusDays(3), "TWSTRS_TOTAL", "20").statusCode(400)
                .body("violations.field", contains("measure"));
        record(referral, today.minusDays(3), "PAIN_SCORE", "2").statusCode(400).body("violations.field", hasItem("measure"));
        record(referral, today.minusDays(3), "MIDAS", "1e400").statusCode(400).body("violations.field", contains("value"));
        record(referral, today.minusDays(3), "MIDAS", "\"lots\"").statusCode(400).body("violations.field", hasItem("value"));
        scheduler().body("{\"assessedOn\":\"%s\",\"measure\":\"MIDAS\"}".formatted(today)).post(
                "/api/treatment-plans/{id}/outcomes", referral).then().statusCode(400).body("violations.field", hasItem("value"));
        assertEquals(5, outboxEvents(referral, "OutcomeRecorded"));

        UUID spasticity = plan("SPASTICITY", "MODIFIED_ASHWORTH", 3, 10);
        recorded(spasticity, today, "MODIFIED_ASHWORTH", "1.5");
        record(spasticity, today.minusDays(1), "MODIFIED_ASHWORTH", "2.5").statusCode(400)
                .body("violations.field", contains("value"));
        scheduler().get("/api/treatment-plans/" + spasticity).then().body("changeFromBaseline.value", equalTo(1.5f))
                .body("changeFromBaseline.improvementPercent", equalTo(50.0f));

        record(UUID.randomUUID(), today, "HEADACHE_DAYS_PER_MONTH", "10").statusCode(404)
                .contentType("application/problem+json");
        UUID cancelled = plan("CHRONIC_MIGRAINE", "HEADACHE_DAYS_PER_MONTH", 20, 10);
        sql("update treatment_plan set status = 'CANCELLED' where referral_id = ?1", cancelled);
        record(cancelled, today, "HEADACHE_DAYS_PER_MONTH", "10").statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("ILLEGAL_TRANSITION")).body("currentStatus", equalTo("CANCELLED"));
        assertEquals(0, outboxEvents(cancelled, "OutcomeRecorded"));
    }

    @Test
    void shouldAdmitSchedulersAndAdministratorsOnly() {
        UUID referral = plan("CHRONIC_MIGRAINE", "HEADACHE_DAYS_PER_MONTH", 20, 10);
        String body = "{\"assessedOn\":\"%s\",\"measure\":\"HEADACHE_DAYS_PER_MONTH\",\"value\":8}".formatted(today);
        given().contentType("application/json").body(body).post("/api/treatment-plans/{id}/outcomes", referral).then()
                .statusCode(401);
        for (String token : new String[] {DevTokens.forPartner("pcp-north"), DevTokens.forGroup("intake"),
                DevTokens.forGroup("authorizations")}) {
            given().auth().oauth2(token).contentType("application/json").body(body)
                    .post("/api/treatment-plans/{id}/outcomes", referral).then().statusCode(403);
        }
        assertEquals(0, outboxEvents(referral, "OutcomeRecorded"));
        given().auth().oauth2(DevTokens.forGroup("admin")).contentType("application/json").body(body)
                .post("/api/treatment-plans/{id}/outcomes", referral).then().statusCode(201);
    }

    @Test
    void shouldAnswerAResentOutcomeWithTheOneStoredAndRefuseAnotherValueForTheSameDay() {
        UUID referral = plan("CHRONIC_MIGRAINE", "HEADACHE_DAYS_PER_MONTH", 20, 30);
        var first = record(referral, today.minusDays(1), "HEADACHE_DAYS_PER_MONTH", "12").statusCode(201).extract();
        String id = first.path("id");
        record(referral, today.minusDays(1), "HEADACHE_DAYS_PER_MONTH", "12.0").statusCode(200)
                .header("Location", equalTo(first.header("Location"))).body("id", equalTo(id))
                .body("recordedAt", equalTo(first.path("recordedAt")));
        record(referral, today.minusDays(1), "HEADACHE_DAYS_PER_MONTH", "13").statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("OUTCOME_ALREADY_RECORDED"))
                .body("outcomeId", equalTo(id)).body("value", equalTo(12));
        // Another scale the same day is another assessment.
        recorded(referral, today.minusDays(1), "MIDAS", "12");
        assertEquals(2, outboxEvents(referral, "OutcomeRecorded"));
        scheduler().get("/api/treatment-plans/" + referral).then().body("outcomes", hasSize(2));
    }

    @Test
    void shouldCarryTheIndicationAndTheLatestPrimaryOutcomeOnTreatmentCompleted() throws Exception {
        LocalDate firstClinic = TestDates.clinicDay(1);
        UUID untracked = plan("CHRONIC_MIGRAINE", "HEADACHE_DAYS_PER_MONTH", 20, 30);
        UUID tracked = plan("CHRONIC_MIGRAINE", "HEADACHE_DAYS_PER_MONTH", 20, 30);
        recorded(tracked, today.minusDays(20), "HEADACHE_DAYS_PER_MONTH", "16");
        recorded(tracked, today, "HEADACHE_DAYS_PER_MONTH", "12");
        recorded(tracked, today, "MIDAS", "30");
        UUID untreated = booked(untracked, firstClinic);
        UUID treated = booked(tracked, firstClinic);

        TestClock.setToday(firstClinic);
        String units = "{\"unitsAdministered\":155,\"unitsWasted\":0}";
        scheduler().body(units).post("/api/appointments/" + untreated + "/complete").then().statusCode(200);
        scheduler().body(units).post("/api/appointments/" + treated + "/complete").then().statusCode(200);

        JsonNode without = published("TreatmentCompleted", untracked, untreated.toString());
        assertEquals("CHRONIC_MIGRAINE", without.get("indication").asText());
        assertTrue(without.has("latestOutcome") && without.get("latestOutcome").isNull(), without::toString);

        JsonNode with = published("TreatmentCompleted", tracked, treated.toString()).get("latestOutcome");
        assertEquals("HEADACHE_DAYS_PER_MONTH", with.get("measure").asText());
        assertEquals(12, with.get("value").asInt());
        assertEquals(today.toString(), with.get("assessedOn").asText());
        assertEquals(20, with.get("baselineValue").asInt());
        assertEquals("40.0", with.get("improvementPercent").asText());
        scheduler().get("/api/treatment-plans/" + tracked).then().body("treatmentsCompleted", equalTo(1))
                .body("improvementAfterSecondTreatment", nullValue());
    }
}
