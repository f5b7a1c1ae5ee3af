package org.botoxclinic.scheduling;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.botoxclinic.scheduling.support.Fixtures.book;
import static org.botoxclinic.scheduling.support.Fixtures.scheduler;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

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
import org.junit.jupiter.api.Test;

/** The scheduler's side of a patient's path, driven by real events on the broker and checked by what is published. */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class SchedulingJourneyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    /** Sends an event as its producer would; the payload must honour the producer's contract, so this consumer reads what is really sent. */
    private void send(String topic, String type, UUID referralId, String payload) {
        EventContract.assertValid(type, payload);
        String source = topic.equals("referral-events") ? "/referral-service" : "/insurance-service";
        KafkaProbe.send(kafka, topic, referralId.toString(), payload,
                SampleEvents.headers(UUID.randomUUID(), type, source, referralId));
    }

    private void acceptedAndApproved(UUID referralId, UUID authorizationId) {
        send("referral-events", "ReferralAccepted", referralId, SampleEvents.referralAccepted(referralId));
        send("authorization-events", "AuthorizationApproved", referralId,
                SampleEvents.authorizationApproved(referralId, authorizationId));
        awaitStatus(referralId, "READY_TO_SCHEDULE");
    }

    private void awaitStatus(UUID referralId, String status) {
        await().atMost(WAIT).untilAsserted(() -> scheduler().get("/api/treatment-plans/" + referralId)
                .then().statusCode(200).body("status", equalTo(status)));
    }

    private static JsonNode published(KafkaProbe probe, String type, UUID referralId) throws Exception {
        ConsumerRecord<String, String> record = probe.awaitType(type, referralId.toString(), WAIT);
        assertEquals(referralId.toString(), KafkaProbe.header(record, "ce_subject"));
        EventContract.assertValid(type, record.value());
        return JSON.readTree(record.value());
    }

    @Test
    void shouldTakeAnApprovedPatientThroughBookingAndTreatmentToTreatmentCompleted() throws Exception {
        UUID referral = UUID.randomUUID();
        UUID authorization = UUID.randomUUID();
        acceptedAndApproved(referral, authorization);

        // The approval is valid from today, so the clinic day to offer is the first one from today on.
        LocalDate today = TestDates.startDay();
        String suggested = scheduler().get("/api/treatment-plans/" + referral).then()
                .body("authorization.number", equalTo("AUTH-77"))
                .body("authorization.visitsRemaining", equalTo(2))
                .body("nextEligibleDate", equalTo(today.toString()))
                .body("suggestedClinicDay", equalTo(TestDates.firstClinicDayFrom(today).toString()))
                .extract().path("suggestedClinicDay");
        UUID appointment = UUID.fromString(book(referral, LocalDate.parse(suggested)).statusCode(201)
                .body("durationMinutes", equalTo(30)).extract().path("id"));

        TestClock.setToday(LocalDate.parse(suggested));
        scheduler().post("/api/appointments/" + appointment + "/check-in").then().statusCode(200);
        scheduler().body("{\"unitsAdministered\":155,\"unitsWasted\":45,\"injectionSites\":31}")
                .post("/api/appointments/" + appointment + "/complete").then().statusCode(200);

        try (KafkaProbe probe = new KafkaProbe(kafka, "scheduling-events")) {
            JsonNode scheduled = published(probe, "AppointmentScheduled", referral);
            assertEquals(authorization.toString(), scheduled.get("authorizationId").asText());
            assertEquals(suggested, scheduled.get("date").asText());
            JsonNode completed = published(probe, "TreatmentCompleted", referral);
            assertEquals(appointment.toString(), completed.get("appointmentId").asText());
            assertEquals(authorization.toString(), completed.get("authorizationId").asText());
            assertEquals("AUTH-77", completed.get("authorizationNumber").asText());
            assertEquals(suggested, completed.get("date").asText());
            assertEquals(155, completed.get("unitsAdministered").asInt());
            assertEquals(45, completed.get("unitsWasted").asInt());
        }
        scheduler().get("/api/treatment-plans/" + referral).then()
                .body("authorization.visitsRemaining", equalTo(1))
                .body("authorization.unitsRemaining", equalTo(110))
                .body("nextEligibleDate", equalTo(LocalDate.parse(suggested).plusDays(84).toString()));
    }

    @Test
    void shouldCancelFutureAppointmentsWhenTheReferralIsCancelled() throws Exception {
        UUID referral = UUID.randomUUID();
        acceptedAndApproved(referral, UUID.randomUUID());
        UUID appointment = UUID.fromString(book(referral, TestDates.clinicDay(1)).statusCode(201).extract().path("id"));

        send("referral-events", "ReferralCancelled", referral, """
                {"referralId":"%s","cancelledAt":"%s","reason":"patient moved away",
                 "cancelledBy":"PARTNER","partnerId":"pcp-north"}""".formatted(referral, TestClock.now().minusHours(1).toInstant()));
        awaitStatus(referral, "CANCELLED");

        try (KafkaProbe probe = new KafkaProbe(kafka, "scheduling-events")) {
            JsonNode cancelled = published(probe, "AppointmentCancelled", referral);
            assertEquals(appointment.toString(), cancelled.get("appointmentId").asText());
            assertEquals("CLINIC", cancelled.get("cancelledBy").asText());
            assertEquals("patient moved away", cancelled.get("reason").asText());
        }
        scheduler().get("/api/appointments/" + appointment).then().body("status", equalTo("CANCELLED"));
        book(referral, TestDates.clinicDay(2)).statusCode(422).body("code", equalTo("NOT_AUTHORIZED"));
        given().auth().oauth2(DevTokens.forGroup("admin")).queryParam("referralId", referral).get("/api/audit")
                .then().statusCode(200)
                .body("items.findAll { it.resourceType == 'treatment-plan' }.action", hasItems("CREATE", "UPDATE", "CANCEL"))
                .body("items.findAll { it.resourceType == 'appointment' }.action", hasItems("BOOK", "CANCEL"))
                .body("items.action", not(hasItem("ReferralCancelled")));
    }

    @Test
    void shouldFollowDenialExpiryAndExhaustionOfThePlansAuthorization() {
        UUID referral = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        acceptedAndApproved(referral, first);
        // The sample approval is valid from today for six months.
        LocalDate validTo = TestDates.startDay().plusMonths(6).minusDays(1);

        // A denied re-authorization leaves the approval in force.
        send("authorization-events", "AuthorizationDenied", referral, """
                {"referralId":"%s","authorizationId":"%s","denialReason":"no benefit documented",
                 "decidedAt":"%s","appealed":false}""".formatted(referral, UUID.randomUUID(), TestClock.now().minusHours(2).toInstant()));
        send("authorization-events", "AuthorizationExpired", referral, """
                {"referralId":"%s","authorizationId":"%s","authorizationNumber":"AUTH-77","validTo":"%s",
                 "expiredAt":"%s"}""".formatted(referral, first, validTo, TestClock.startOf(validTo.plusDays(1))));
        awaitStatus(referral, "AUTHORIZATION_EXPIRED");
        book(referral, TestDates.firstClinicDayFrom(TestDates.startDay())).statusCode(422)
                .body("code", equalTo("NOT_AUTHORIZED"));

        UUID second = UUID.randomUUID();
        send("authorization-events", "AuthorizationApproved", referral, SampleEvents.authorizationApproved(referral, second));
        awaitStatus(referral, "READY_TO_SCHEDULE");
        send("authorization-events", "AuthorizationExhausted", referral, """
                {"referralId":"%s","authorizationId":"%s","authorizationNumber":"AUTH-77","visitsApproved":2,
                 "visitsUsed":2,"unitsApproved":310,"unitsUsed":310,"exhaustedAt":"%s"}"""
                .formatted(referral, second, TestClock.now().toInstant()));
        awaitStatus(referral, "AUTHORIZATION_EXHAUSTED");

        UUID denied = UUID.randomUUID();
        send("referral-events", "ReferralAccepted", denied, SampleEvents.referralAccepted(denied));
        awaitStatus(denied, "AWAITING_AUTHORIZATION");
        send("authorization-events", "AuthorizationDenied", denied, """
                {"referralId":"%s","authorizationId":"%s","denialReason":"step therapy not met",
                 "decidedAt":"%s","appealed":false}""".formatted(denied, UUID.randomUUID(), TestClock.now().minusHours(2).toInstant()));
        awaitStatus(denied, "AUTHORIZATION_DENIED");
    }
}
