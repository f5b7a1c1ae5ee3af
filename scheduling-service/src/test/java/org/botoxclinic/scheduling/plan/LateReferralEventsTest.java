package org.botoxclinic.scheduling.plan;

import static org.awaitility.Awaitility.await;
import static org.botoxclinic.scheduling.support.Fixtures.book;
import static org.botoxclinic.scheduling.support.Fixtures.scheduler;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.botoxclinic.scheduling.support.TestDates;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.KafkaProbe;
import org.botoxclinic.testkit.SampleEvents;
import org.botoxclinic.testkit.TestClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A referral's events in the wrong order, through the real broker: nothing that arrives after the cancellation
 * (an acceptance replayed or republished, an approval, a denial, an expiry) reopens or changes the plan, and an
 * approval that arrives before the acceptance still makes the patient ready to schedule.
 */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class LateReferralEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    EntityManager em;

    @BeforeEach
    void resetClock() {
        TestClock.reset();
    }

    private UUID accepted(UUID referralId, UUID eventId) {
        KafkaProbe.send(kafka, "referral-events", referralId.toString(), SampleEvents.referralAccepted(referralId),
                SampleEvents.headers(eventId, "ReferralAccepted", "/referral-service", referralId));
        return eventId;
    }

    private UUID cancelled(UUID referralId) {
        UUID eventId = UUID.randomUUID();
        KafkaProbe.send(kafka, "referral-events", referralId.toString(), """
                {"referralId":"%s","cancelledAt":"%s","reason":"patient moved away","cancelledBy":"PARTNER",
                 "partnerId":"pcp-north"}""".formatted(referralId, SampleEvents.iso(TestClock.now().minusHours(1))),
                SampleEvents.headers(eventId, "ReferralCancelled", "/referral-service", referralId));
        return eventId;
    }

    private UUID approved(UUID referralId, UUID authorizationId) {
        UUID eventId = UUID.randomUUID();
        KafkaProbe.send(kafka, "authorization-events", referralId.toString(),
                SampleEvents.authorizationApproved(referralId, authorizationId),
                SampleEvents.headers(eventId, "AuthorizationApproved", "/insurance-service", referralId));
        return eventId;
    }

    private UUID ended(String type, UUID referralId, String payload) {
        UUID eventId = UUID.randomUUID();
        KafkaProbe.send(kafka, "authorization-events", referralId.toString(), payload,
                SampleEvents.headers(eventId, type, "/insurance-service", referralId));
        return eventId;
    }

    @Test
    void shouldKeepThePlanCancelledWhenTheAcceptanceArrivesAfterTheCancellation() {
        UUID referralId = UUID.randomUUID();
        awaitProcessed(cancelled(referralId));
        awaitProcessed(accepted(referralId, UUID.randomUUID()));

        Counts counts = counts(referralId);
        System.out.println("cancel then accept: " + counts);
        assertEquals(new Counts(1, 0, 0, 1, 0), counts);
        scheduler().get("/api/treatment-plans/" + referralId).then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("patient", nullValue()).body("authorization", nullValue());
    }

    @Test
    void shouldNotReopenThePlanWhenTheAcceptanceIsRedeliveredOrRepublishedAfterTheCancellation() {
        UUID referralId = UUID.randomUUID();
        UUID acceptance = accepted(referralId, UUID.randomUUID());
        awaitProcessed(acceptance);
        awaitProcessed(cancelled(referralId));

        accepted(referralId, acceptance);
        awaitProcessed(accepted(referralId, UUID.randomUUID()));

        Counts counts = counts(referralId);
        System.out.println("accept, cancel, accept redelivered and republished: " + counts);
        assertEquals(new Counts(1, 0, 0, 1, 0), counts, "the redelivery is a duplicate; the republished one is refused");
        scheduler().get("/api/treatment-plans/" + referralId).then().body("status", equalTo("CANCELLED"));
    }

    @Test
    void shouldMakeThePatientReadyWhenTheApprovalArrivesBeforeTheAcceptance() {
        UUID referralId = UUID.randomUUID();
        awaitProcessed(approved(referralId, UUID.randomUUID()));
        awaitProcessed(accepted(referralId, UUID.randomUUID()));

        Counts counts = counts(referralId);
        System.out.println("approval before acceptance: " + counts);
        assertEquals(new Counts(1, 1, 1, 0, 0), counts);
        scheduler().get("/api/treatment-plans/" + referralId).then()
                .body("status", equalTo("READY_TO_SCHEDULE")).body("patient.lastName", equalTo("Rivera"))
                .body("authorization.number", equalTo("AUTH-77"));
    }

    @Test
    void shouldTakeNoApprovalForACancelledReferral() {
        UUID referralId = UUID.randomUUID();
        awaitProcessed(cancelled(referralId));
        awaitProcessed(approved(referralId, UUID.randomUUID()));
        awaitProcessed(accepted(referralId, UUID.randomUUID()));

        Counts counts = counts(referralId);
        System.out.println("cancel, approval, acceptance: " + counts);
        assertEquals(new Counts(1, 0, 0, 1, 0), counts);
        scheduler().get("/api/treatment-plans/" + referralId).then()
                .body("status", equalTo("CANCELLED")).body("authorization", nullValue());
        book(referralId, TestDates.clinicDay(1)).statusCode(422).body("code", equalTo("NOT_AUTHORIZED"));
    }

    @Test
    void shouldLeaveACancelledPlanCancelledWhateverThePayerDecidesLater() {
        UUID referralId = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        awaitProcessed(accepted(referralId, UUID.randomUUID()));
        awaitProcessed(approved(referralId, first));
        awaitProcessed(cancelled(referralId));

        UUID second = UUID.randomUUID();
        awaitProcessed(approved(referralId, second));
        awaitProcessed(ended("AuthorizationDenied", referralId, """
                {"referralId":"%s","authorizationId":"%s","denialReason":"no benefit documented",
                 "decidedAt":"%s","appealed":false}""".formatted(referralId, second, SampleEvents.iso(TestClock.now()))));
        awaitProcessed(ended("AuthorizationExpired", referralId, """
                {"referralId":"%s","authorizationId":"%s","authorizationNumber":"AUTH-77","validTo":"%s",
                 "expiredAt":"%s"}""".formatted(referralId, first, TestClock.today(), SampleEvents.iso(TestClock.now()))));
        awaitProcessed(ended("AuthorizationExhausted", referralId, """
                {"referralId":"%s","authorizationId":"%s","authorizationNumber":"AUTH-77","visitsApproved":2,
                 "visitsUsed":2,"unitsApproved":310,"unitsUsed":310,"exhaustedAt":"%s"}"""
                .formatted(referralId, first, SampleEvents.iso(TestClock.now()))));

        Counts counts = counts(referralId);
        System.out.println("accept, approve, cancel, then approved, denied, expired, exhausted: " + counts);
        assertEquals(new Counts(1, 0, 1, 0, 0), counts);
        scheduler().get("/api/treatment-plans/" + referralId).then()
                .body("status", equalTo("CANCELLED")).body("authorization.id", equalTo(first.toString()));
        book(referralId, TestDates.clinicDay(1)).statusCode(422).body("code", equalTo("NOT_AUTHORIZED"));
    }

    /** What a referral left behind: plans, bookable ones, ones with an authorization, refusals audited, dead letters. */
    record Counts(long plans, long bookable, long authorized, long refusalsAudited, long deadLetters) {
    }

    private Counts counts(UUID referralId) {
        return new Counts(
                count("select count(*) from treatment_plan where referral_id = ?1", referralId),
                count("select count(*) from treatment_plan where referral_id = ?1"
                        + " and status in ('READY_TO_SCHEDULE', 'SCHEDULED')", referralId),
                count("select count(*) from treatment_plan where referral_id = ?1 and authorization_id is not null", referralId),
                count("select count(*) from audit_entry where referral_id = ?1 and action = 'REFUSE_OPEN'"
                        + " and resource_type = 'referral'", referralId),
                parked(referralId));
    }

    /** Records of the referral on either of this service's dead-letter topics. */
    private long parked(UUID referralId) {
        try (KafkaProbe probe = new KafkaProbe(kafka, "scheduling-service.referral-events.dlq",
                "scheduling-service.authorization-events.dlq")) {
            return probe.drain(Duration.ofSeconds(2)).stream().filter(r -> referralId.toString().equals(r.key())).count();
        }
    }

    private void awaitProcessed(UUID eventId) {
        await().atMost(WAIT).until(() -> count(
                "select count(*) from processed_event where consumer = 'scheduling-service' and event_id = ?1", eventId) == 1);
    }

    private long count(String sql, UUID parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter(1, parameter).getSingleResult()).longValue());
    }
}
