package org.botoxclinic.insurance.authorization;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.KafkaProbe;
import org.botoxclinic.testkit.TestClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A referral's events in the wrong order, through the real broker: an acceptance that arrives after the cancellation
 * (replayed, redelivered, republished) opens no case, and is acknowledged rather than retried or dead-lettered.
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

    private void accepted(UUID referralId, UUID eventId) {
        Fixtures.send(kafka, "referral-events", "ReferralAccepted", "/referral-service", referralId, eventId,
                Fixtures.referralAccepted(referralId, "CHRONIC_MIGRAINE", "AETNA", Fixtures.FULL_MIGRAINE_DETAILS));
    }

    private void cancelled(UUID referralId, UUID eventId) {
        Fixtures.send(kafka, "referral-events", "ReferralCancelled", "/referral-service", referralId, eventId,
                Fixtures.referralCancelled(referralId));
    }

    @Test
    void shouldOpenNoCaseWhenTheAcceptanceArrivesAfterTheCancellation() {
        UUID referralId = UUID.randomUUID();
        UUID acceptance = UUID.randomUUID();
        cancelled(referralId, UUID.randomUUID());
        accepted(referralId, acceptance);

        awaitProcessed(acceptance);
        long cases = count("select count(*) from authorization_case where referral_id = ?1", referralId);
        long remembered = count("select count(*) from cancelled_referral where referral_id = ?1", referralId);
        long refusals = refusals(referralId);
        long parked = parked(referralId);
        System.out.printf("cancel then accept: cases=%d, remembered as cancelled=%d, refusals audited=%d, dead letters=%d%n",
                cases, remembered, refusals, parked);
        assertEquals(0, cases);
        assertEquals(1, remembered);
        assertEquals(1, refusals);
        assertEquals(0, parked);
    }

    @Test
    void shouldNotReopenWhenTheAcceptanceIsRedeliveredOrRepublishedAfterTheCancellation() {
        UUID referralId = UUID.randomUUID();
        UUID acceptance = UUID.randomUUID();
        accepted(referralId, acceptance);
        String caseId = Fixtures.awaitCase(referralId);
        cancelled(referralId, UUID.randomUUID());
        await().atMost(WAIT).until(() -> "CANCELLED".equals(status(caseId)));

        UUID republished = UUID.randomUUID();
        accepted(referralId, acceptance);
        accepted(referralId, republished);

        awaitProcessed(republished);
        long cases = count("select count(*) from authorization_case where referral_id = ?1", referralId);
        long open = count("select count(*) from authorization_case where referral_id = ?1 and status <> 'CANCELLED'", referralId);
        long refusals = refusals(referralId);
        long parked = parked(referralId);
        System.out.printf("accept, cancel, accept redelivered and republished: cases=%d, not cancelled=%d, refusals audited=%d,"
                + " dead letters=%d%n", cases, open, refusals, parked);
        assertEquals(1, cases);
        assertEquals(0, open);
        assertEquals("CANCELLED", status(caseId));
        assertEquals(1, refusals, "the redelivery is a duplicate and skipped; the republished acceptance is refused");
        assertEquals(0, parked);
    }

    @Test
    void shouldStillOpenACaseForAReferralThatWasNeverCancelled() {
        UUID cancelledOne = UUID.randomUUID();
        UUID acceptedOne = UUID.randomUUID();
        cancelled(cancelledOne, UUID.randomUUID());
        accepted(acceptedOne, UUID.randomUUID());

        Fixtures.awaitCase(acceptedOne);
        assertEquals(1, count("select count(*) from cancelled_referral where referral_id = ?1", cancelledOne));
        assertEquals(0, count("select count(*) from cancelled_referral where referral_id = ?1", acceptedOne));
        assertEquals(0, refusals(acceptedOne));
    }

    private void awaitProcessed(UUID eventId) {
        await().atMost(WAIT).until(() -> count(
                "select count(*) from processed_event where consumer = 'insurance-service' and event_id = ?1", eventId) == 1);
    }

    private long refusals(UUID referralId) {
        return count("select count(*) from audit_entry where referral_id = ?1 and action = 'REFUSE_OPEN'"
                + " and resource_type = 'referral'", referralId);
    }

    /** Records of the referral on the referral-events dead-letter topic. */
    private long parked(UUID referralId) {
        try (KafkaProbe probe = new KafkaProbe(kafka, "insurance-service.referral-events.dlq")) {
            List<?> parked = probe.drain(Duration.ofSeconds(2)).stream()
                    .filter(r -> referralId.toString().equals(r.key())).toList();
            return parked.size();
        }
    }

    private String status(String caseId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select status from authorization_case where id = ?1").setParameter(1, UUID.fromString(caseId)).getSingleResult());
    }

    private long count(String sql, UUID parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter(1, parameter).getSingleResult()).longValue());
    }
}
