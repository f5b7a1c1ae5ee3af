package org.botoxclinic.insurance.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.KafkaProbe;
import org.botoxclinic.testkit.SampleEvents;
import org.botoxclinic.testkit.TestClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Only referral-service may tell insurance about referrals, and only scheduling-service about treatments: an event on
 * their topics from any other source is rejected (never applied, parked on the dead-letter topic with its reason,
 * counted), while the same event from the owner opens the case.
 */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class EventSourceTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    MeterRegistry meters;

    @Test
    void shouldOpenACaseOnlyForAReferralAcceptedByReferralService() {
        double rejectedBefore = rejected("referral-events");
        UUID forgedReferral = UUID.randomUUID();
        UUID forgedEvent = UUID.randomUUID();
        KafkaProbe.send(kafka, "referral-events", forgedReferral.toString(), SampleEvents.referralAccepted(forgedReferral),
                SampleEvents.headers(forgedEvent, "ReferralAccepted", "/scheduling-service", forgedReferral));

        ConsumerRecord<String, String> parked = deadLetter("insurance-service.referral-events.dlq", forgedEvent);
        String reason = KafkaProbe.header(parked, "dead-letter-reason");
        assertTrue(reason.contains("is not /referral-service"), reason);
        assertFalse(reason.contains("/scheduling-service"), "the forged source is not repeated: " + reason);
        await().atMost(WAIT).until(() -> rejected("referral-events") == rejectedBefore + 1);
        assertEquals(0, cases(forgedReferral), "a forged acceptance opens no case");
        // An operator's replay cannot apply it either.
        String outcome = given().auth().oauth2(DevTokens.forGroup("admin"))
                .post("/api/admin/dead-letters/" + forgedEvent + "/replay").then().statusCode(200).extract().path("outcome");
        assertEquals("FAILED", outcome);
        assertEquals(0, cases(forgedReferral));

        UUID genuine = UUID.randomUUID();
        KafkaProbe.send(kafka, "referral-events", genuine.toString(), SampleEvents.referralAccepted(genuine),
                SampleEvents.headers(UUID.randomUUID(), "ReferralAccepted", "/referral-service", genuine));
        await().atMost(WAIT).until(() -> cases(genuine) == 1);
        assertEquals(rejectedBefore + 1, rejected("referral-events"));
    }

    @Test
    void shouldRejectATreatmentReportedByAnyoneButSchedulingService() {
        double rejectedBefore = rejected("scheduling-events");
        UUID referralId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        KafkaProbe.send(kafka, "scheduling-events", referralId.toString(), """
                {"referralId":"%s","appointmentId":"%s","authorizationId":null,"authorizationNumber":null,
                 "date":"%s","unitsAdministered":155,"unitsWasted":0,"completedAt":"%s"}"""
                        .formatted(referralId, UUID.randomUUID(), TestClock.today(), SampleEvents.iso(TestClock.now())),
                SampleEvents.headers(eventId, "TreatmentCompleted", "/referral-service", referralId));

        ConsumerRecord<String, String> parked = deadLetter("insurance-service.scheduling-events.dlq", eventId);
        assertTrue(KafkaProbe.header(parked, "dead-letter-reason").contains("is not /scheduling-service"));
        await().atMost(WAIT).until(() -> rejected("scheduling-events") == rejectedBefore + 1);
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

    private static int cases(UUID referralId) {
        return given().auth().oauth2(DevTokens.forGroup("authorizations")).queryParam("referralId", referralId)
                .get("/api/authorizations").then().statusCode(200).extract().path("items.size()");
    }
}
