package org.botoxclinic.scheduling.plan;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A forged approval does not make a plan bookable: only insurance-service's events count on authorization-events, and
 * only referral-service's on referral-events; anything else is parked on the dead-letter topic with its reason.
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
    void shouldMakeAPlanBookableOnlyOnInsuranceServicesApproval() {
        UUID referralId = UUID.randomUUID();
        KafkaProbe.send(kafka, "referral-events", referralId.toString(), SampleEvents.referralAccepted(referralId),
                SampleEvents.headers(UUID.randomUUID(), "ReferralAccepted", "/referral-service", referralId));
        awaitStatus(referralId, "AWAITING_AUTHORIZATION");

        double rejectedBefore = rejected("authorization-events");
        UUID forged = UUID.randomUUID();
        KafkaProbe.send(kafka, "authorization-events", referralId.toString(),
                SampleEvents.authorizationApproved(referralId, UUID.randomUUID()),
                SampleEvents.headers(forged, "AuthorizationApproved", "/referral-service", referralId));
        ConsumerRecord<String, String> parked = deadLetter("scheduling-service.authorization-events.dlq", forged);
        assertTrue(KafkaProbe.header(parked, "dead-letter-reason").contains("is not /insurance-service"));
        await().atMost(WAIT).until(() -> rejected("authorization-events") == rejectedBefore + 1);
        awaitStatus(referralId, "AWAITING_AUTHORIZATION");

        KafkaProbe.send(kafka, "authorization-events", referralId.toString(),
                SampleEvents.authorizationApproved(referralId, UUID.randomUUID()),
                SampleEvents.headers(UUID.randomUUID(), "AuthorizationApproved", "/insurance-service", referralId));
        awaitStatus(referralId, "READY_TO_SCHEDULE");
    }

    @Test
    void shouldIgnoreAReferralAcceptedByAnyoneButReferralService() {
        UUID referralId = UUID.randomUUID();
        UUID forged = UUID.randomUUID();
        KafkaProbe.send(kafka, "referral-events", referralId.toString(), SampleEvents.referralAccepted(referralId),
                SampleEvents.headers(forged, "ReferralAccepted", "/insurance-service", referralId));
        deadLetter("scheduling-service.referral-events.dlq", forged);
        given().auth().oauth2(DevTokens.forGroup("scheduler")).get("/api/treatment-plans/" + referralId)
                .then().statusCode(404);
    }

    private void awaitStatus(UUID referralId, String status) {
        await().atMost(WAIT).untilAsserted(() ->
                given().auth().oauth2(DevTokens.forGroup("scheduler")).get("/api/treatment-plans/" + referralId)
                        .then().statusCode(200).body("status", equalTo(status)));
    }

    private ConsumerRecord<String, String> deadLetter(String topic, UUID eventId) {
        try (KafkaProbe probe = new KafkaProbe(kafka, topic)) {
            ConsumerRecord<String, String> record = probe.await(r -> eventId.toString().equals(KafkaProbe.header(r, "ce_id")), WAIT);
            assertEquals(eventId.toString(), KafkaProbe.header(record, "ce_id"));
            return record;
        }
    }

    private double rejected(String topic) {
        Counter counter = meters.find("clinic.inbox.rejected").tag("topic", topic).counter();
        return counter == null ? 0 : counter.count();
    }
}
