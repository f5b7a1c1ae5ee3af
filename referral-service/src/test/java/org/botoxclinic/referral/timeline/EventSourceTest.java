package org.botoxclinic.referral.timeline;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.botoxclinic.referral.referral.ReferralFixturesAccess;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.KafkaProbe;
import org.botoxclinic.testkit.SampleEvents;
import org.botoxclinic.testkit.TestClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The partner's timeline shows what insurance and scheduling really reported, never an event forged in their name. */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class EventSourceTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    MeterRegistry meters;

    @Test
    void shouldPutOnlyTheOwnersReportsOnTheTimeline() {
        String token = DevTokens.forPartner("pcp-north");
        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(ReferralFixturesAccess.body("EXT-" + UUID.randomUUID()))
                .post("/api/referrals").then().statusCode(201).extract().path("id");
        given().auth().oauth2(DevTokens.forGroup("intake")).post("/api/referrals/" + id + "/accept").then().statusCode(200);
        UUID referralId = UUID.fromString(id);
        String approval = SampleEvents.authorizationApproved(referralId, UUID.randomUUID(), TestClock.today(),
                TestClock.today().plusMonths(6), TestClock.now().plusHours(1));

        double authorizationsRejected = rejected("authorization-events");
        double schedulingRejected = rejected("scheduling-events");
        UUID forgedApproval = UUID.randomUUID();
        KafkaProbe.send(kafka, "authorization-events", id, approval,
                SampleEvents.headers(forgedApproval, "AuthorizationApproved", "/scheduling-service", referralId));
        UUID forgedAppointment = UUID.randomUUID();
        KafkaProbe.send(kafka, "scheduling-events", id, """
                {"referralId":"%s","appointmentId":"%s","date":"%s","durationMinutes":30,"authorizationId":null,
                 "scheduledAt":"%s"}""".formatted(id, UUID.randomUUID(), TestClock.today().plusDays(21),
                        SampleEvents.iso(TestClock.now().plusHours(2))),
                SampleEvents.headers(forgedAppointment, "AppointmentScheduled", "/insurance-service", referralId));

        assertTrue(KafkaProbe.header(deadLetter("referral-service.authorization-events.dlq", forgedApproval),
                "dead-letter-reason").contains("is not /insurance-service"));
        assertTrue(KafkaProbe.header(deadLetter("referral-service.scheduling-events.dlq", forgedAppointment),
                "dead-letter-reason").contains("is not /scheduling-service"));
        await().atMost(WAIT).until(() -> rejected("authorization-events") == authorizationsRejected + 1
                && rejected("scheduling-events") == schedulingRejected + 1);
        given().auth().oauth2(token).get("/api/referrals/" + id + "/timeline").then().statusCode(200)
                .body("entries.type", contains("RECEIVED", "TRIAGED", "ACCEPTED"));

        KafkaProbe.send(kafka, "authorization-events", id, approval,
                SampleEvents.headers(UUID.randomUUID(), "AuthorizationApproved", "/insurance-service", referralId));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(token).get("/api/referrals/" + id + "/timeline")
                .then().statusCode(200)
                .body("entries.type", contains("RECEIVED", "TRIAGED", "ACCEPTED", "AUTHORIZATION_APPROVED"))
                .body("stage", equalTo("AUTHORIZED")));
    }

    private ConsumerRecord<String, String> deadLetter(String topic, UUID eventId) {
        try (KafkaProbe probe = new KafkaProbe(kafka, topic)) {
            return probe.await(r -> eventId.toString().equals(KafkaProbe.header(r, "ce_id")), WAIT);
        }
    }

    private double rejected(String topic) {
        Counter counter = meters.find("clinic.inbox.rejected").tag("topic", topic).counter();
        return counter == null ? 0 : counter.count();
    }
}
