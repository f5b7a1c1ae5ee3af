package org.botoxclinic.insurance.authorization;

import static org.awaitility.Awaitility.await;
import static org.botoxclinic.insurance.authorization.Fixtures.approve;
import static org.botoxclinic.insurance.authorization.Fixtures.get;
import static org.botoxclinic.insurance.authorization.Fixtures.post;
import static org.botoxclinic.insurance.authorization.Fixtures.requirement;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.EventContract;
import org.botoxclinic.testkit.KafkaProbe;
import org.botoxclinic.testkit.TestClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Journeys on the real broker: a referral accepted, authorized, treated until the approval is used up. */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class TreatmentUsageTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @BeforeEach
    void resetClock() {
        TestClock.reset();
    }

    private void treat(UUID referralId, UUID eventId, UUID appointmentId, String caseId, LocalDate date, int administered,
                       int wasted) {
        Fixtures.send(kafka, "scheduling-events", "TreatmentCompleted", "/scheduling-service", referralId, eventId,
                Fixtures.treatmentCompleted(referralId, appointmentId, caseId == null ? null : UUID.fromString(caseId),
                        date, administered, wasted));
    }

    /** The approvals below start a week from today and run six months. */
    private static LocalDate validFrom() {
        return TestClock.today().plusDays(7);
    }

    private ConsumerRecord<String, String> published(String type, UUID referralId) {
        try (KafkaProbe probe = new KafkaProbe(kafka, "authorization-events")) {
            ConsumerRecord<String, String> record = probe.awaitType(type, referralId.toString(), WAIT);
            EventContract.assertValid(type, record.value());
            return record;
        }
    }

    private String approvedCase(UUID referralId) {
        Fixtures.deliverAccepted(kafka, referralId, "CHRONIC_MIGRAINE", "AETNA", Fixtures.FULL_MIGRAINE_DETAILS);
        String caseId = Fixtures.awaitCase(referralId);
        get(caseId).body("unmetRequirements", contains("SPECIALIST_PRESCRIBER"));
        requirement(caseId, "SPECIALIST_PRESCRIBER", Map.of("met", true, "note", "clinic neurologist")).statusCode(200);
        post(caseId, "submit", Map.of("channel", "ELECTRONIC", "expedited", false)).statusCode(200);
        approve(caseId, "AUTH-" + caseId.substring(0, 8), 310, 2, validFrom(), validFrom().plusMonths(6).minusDays(1))
                .statusCode(200);
        return caseId;
    }

    @Test
    void shouldCountTreatmentsOnceUntilTheApprovalIsUsedUpAndAskForTheNextOne() {
        UUID referralId = UUID.randomUUID();
        String caseId = approvedCase(referralId);
        published("AuthorizationSubmitted", referralId);
        published("AuthorizationApproved", referralId);

        UUID firstEvent = UUID.randomUUID();
        UUID firstAppointment = UUID.randomUUID();
        treat(referralId, firstEvent, firstAppointment, caseId, validFrom().plusDays(1), 155, 0);
        await().atMost(WAIT).untilAsserted(() -> get(caseId).body("visitsUsed", equalTo(1)).body("unitsUsed", equalTo(155)));

        // The same event delivered again, and the same treatment republished under a new id, count nothing.
        treat(referralId, firstEvent, firstAppointment, caseId, validFrom().plusDays(1), 155, 0);
        treat(referralId, UUID.randomUUID(), firstAppointment, caseId, validFrom().plusDays(1), 155, 0);
        treat(referralId, UUID.randomUUID(), UUID.randomUUID(), caseId, validFrom().plusDays(92), 150, 10);
        await().atMost(WAIT).untilAsserted(() -> get(caseId).body("visitsUsed", equalTo(2)));
        get(caseId).body("status", equalTo("EXHAUSTED"))
                .body("unitsUsed", equalTo(315))
                .body("unitsApproved", equalTo(310))
                .body("overApproval", equalTo(true))
                .body("treatments.beyondApproval", contains(false, true))
                .body("nextCaseId", notNullValue());

        String exhausted = published("AuthorizationExhausted", referralId).value().replace(" ", "");
        assertTrue(exhausted.contains("\"visitsUsed\":2") && exhausted.contains("\"unitsUsed\":315"), exhausted);
        String required = published("ReauthorizationRequired", referralId).value().replace(" ", "");
        assertTrue(required.contains("\"reason\":\"VISITS_USED_UP\""), required);
        String next = get(caseId).extract().path("nextCaseId");
        get(next).body("previousCaseId", equalTo(caseId))
                .body("unmetRequirements", contains("SPECIALIST_PRESCRIBER", "DOCUMENTED_BENEFIT"));

        // Treatment beyond the approval is still counted and flagged.
        treat(referralId, UUID.randomUUID(), UUID.randomUUID(), caseId, validFrom().plusDays(121), 155, 0);
        await().atMost(WAIT).untilAsserted(() -> get(caseId).body("visitsUsed", equalTo(3)));
        get(caseId).body("status", equalTo("EXHAUSTED")).body("treatments.beyondApproval", contains(false, true, true));
    }

    @Test
    void shouldKeepAndFlagATreatmentNoApprovalCovers() {
        UUID referralId = UUID.randomUUID();
        String caseId = approvedCase(referralId);
        treat(referralId, UUID.randomUUID(), UUID.randomUUID(), null, validFrom().minusDays(1), 155, 5);
        await().atMost(WAIT).untilAsserted(() -> get(caseId).body("treatments.outsideWindow", contains(true)));
        get(caseId).body("visitsUsed", equalTo(0)).body("overApproval", equalTo(true)).body("status", equalTo("APPROVED"));
    }

    @Test
    void shouldCancelTheOpenCasesOfACancelledReferralOnly() {
        UUID open = UUID.randomUUID();
        Fixtures.deliverAccepted(kafka, open, "CERVICAL_DYSTONIA", "AETNA", "null");
        String openCase = Fixtures.awaitCase(open);
        UUID closed = UUID.randomUUID();
        Fixtures.deliverAccepted(kafka, closed, "CHRONIC_MIGRAINE", "AETNA", Fixtures.FULL_MIGRAINE_DETAILS);
        String closedCase = Fixtures.awaitCase(closed);
        post(closedCase, "withdraw", Map.of("reason", "patient declined")).statusCode(200);

        Fixtures.send(kafka, "referral-events", "ReferralCancelled", "/referral-service", open, UUID.randomUUID(),
                Fixtures.referralCancelled(open));
        Fixtures.send(kafka, "referral-events", "ReferralCancelled", "/referral-service", closed, UUID.randomUUID(),
                Fixtures.referralCancelled(closed));
        await().atMost(WAIT).untilAsserted(() -> get(openCase).body("status", equalTo("CANCELLED")));
        get(openCase).body("statusHistory[1].note", equalTo("referral cancelled: patient moved away"));
        get(closedCase).body("status", equalTo("WITHDRAWN"));
    }

    @Test
    void shouldParkATreatmentWithNegativeUnitsOnTheDeadLetterTopic() {
        UUID referralId = UUID.randomUUID();
        String poisoned = """
                {"referralId":"%s","appointmentId":"%s","authorizationId":null,"authorizationNumber":null,
                 "date":"%s","unitsAdministered":-5,"unitsWasted":0,"completedAt":"%s"}"""
                .formatted(referralId, UUID.randomUUID(), TestClock.today(), Fixtures.iso(TestClock.now()));
        assertTrue(!EventContract.violations("TreatmentCompleted", poisoned).isEmpty());
        Fixtures.send(kafka, "scheduling-events", "TreatmentCompleted", "/scheduling-service", referralId, UUID.randomUUID(),
                poisoned);
        try (KafkaProbe probe = new KafkaProbe(kafka, "insurance-service.scheduling-events.dlq")) {
            ConsumerRecord<String, String> parked = probe.await(r -> referralId.toString().equals(r.key()), WAIT);
            assertEquals(poisoned, parked.value());
        }
    }
}
