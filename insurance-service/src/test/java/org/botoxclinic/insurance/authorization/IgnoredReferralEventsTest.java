package org.botoxclinic.insurance.authorization;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.botoxclinic.contracts.EventTypes;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Not every event on referral-events is insurance-service's business (a decline, say: no case was ever opened): such
 * an event is acknowledged without a transaction and leaves no inbox row, while the acceptance behind it on the same
 * partition is applied and remembered once.
 */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class IgnoredReferralEventsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    EntityManager em;

    @Test
    void shouldRememberTheAcceptanceButNotTheEventsItDoesNotConsume() {
        UUID referralId = UUID.randomUUID();
        UUID declined = UUID.randomUUID();
        UUID accepted = UUID.randomUUID();
        // Same key, same partition: the decline is read before the acceptance (an order no referral takes; the
        // consumer does not care, as it does not consume declines).
        Fixtures.send(kafka, "referral-events", EventTypes.REFERRAL_DECLINED, "/referral-service", referralId, declined,
                "{\"referralId\":\"" + referralId + "\",\"reason\":\"OUT_OF_SCOPE\"}");
        Fixtures.send(kafka, "referral-events", "ReferralAccepted", "/referral-service", referralId, accepted,
                Fixtures.referralAccepted(referralId, "CHRONIC_MIGRAINE", "AETNA", Fixtures.FULL_MIGRAINE_DETAILS));

        Fixtures.awaitCase(referralId);
        assertEquals(1, processed(accepted), "the acceptance is remembered, so a redelivery is skipped");
        assertEquals(0, processed(declined), "an event the service does not consume leaves nothing behind");
    }

    private long processed(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from processed_event where consumer = 'insurance-service' and event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).longValue());
    }
}
