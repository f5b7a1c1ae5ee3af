package org.botoxclinic.referral.webhook;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

import org.botoxclinic.referral.webhook.PartnerEndpoints.Behaviour;
import org.botoxclinic.referral.webhook.PartnerEndpoints.Endpoint;
import org.botoxclinic.referral.webhook.domain.DeliveryStatus;
import org.botoxclinic.referral.webhook.domain.WebhookDelivery;
import org.botoxclinic.referral.webhook.repository.WebhookDeliveryRepository;
import org.botoxclinic.referral.webhook.service.WebhookConfig;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.TestClock;
import org.junit.jupiter.api.Test;

/**
 * The delivery job at rest looks at the database only when there is work: a delivery queued by this replica wakes
 * it at its commit, and a retry is attempted once its back-off has passed, though the job's idle poll is an hour.
 */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
@TestProfile(WebhookWakeUpTest.IdleForAnHour.class)
class WebhookWakeUpTest {

    /** Far longer than any wait below: what happens within them was not found by the idle poll. */
    public static class IdleForAnHour implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clinic.webhooks.idle-poll-max", "1h");
        }
    }

    @Inject
    WebhookDeliveryRepository deliveries;
    @Inject
    WebhookConfig config;

    @Test
    void shouldDeliverAQueuedEntryAtOnceThoughTheIdlePollIsAnHour() throws Exception {
        try (Endpoint endpoint = PartnerEndpoints.start(Behaviour.ANSWER_204)) {
            String partner = WebhookDeliveryTest.newPartner("pcp-wake");
            WebhookDeliveryTest.register(partner, endpoint.url("http", "127.0.0.1"), WebhookDeliveryTest.SECRET);
            // Nothing to deliver for a while: the job settles into its idle poll.
            await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> true);

            WebhookDeliveryTest.refer(partner);

            await().atMost(Duration.ofSeconds(10)).until(() -> endpoint.received.size() >= 2);
            await().atMost(Duration.ofSeconds(10)).until(() -> deliveriesOf(partner).stream()
                    .allMatch(d -> d.status() == DeliveryStatus.DELIVERED));
        }
    }

    @Test
    void shouldRetryWhenTheBackOffHasPassedThoughTheIdlePollIsAnHour() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String partner = WebhookDeliveryTest.newPartner("pcp-retry");
        WebhookDeliveryTest.register(partner, "http://127.0.0.1:" + closedPort + "/hooks", WebhookDeliveryTest.SECRET);
        WebhookDeliveryTest.refer(partner);

        await().atMost(Duration.ofSeconds(10)).until(() -> deliveriesOf(partner).stream().allMatch(d -> d.attempts() == 1));
        WebhookDelivery failed = deliveriesOf(partner).get(0);
        assertEquals(DeliveryStatus.PENDING, failed.status());
        assertEquals(failed.lastAttemptAt().plus(config.firstRetry()), failed.nextAttemptAt());

        // Not before its due time...
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> true);
        assertTrue(deliveriesOf(partner).stream().allMatch(d -> d.attempts() == 1));
        // ...and at it, by the test clock, long before the idle poll.
        TestClock.advance(config.firstRetry());
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveriesOf(partner).stream().allMatch(d -> d.attempts() == 2));
    }

    private List<WebhookDelivery> deliveriesOf(String partner) {
        return QuarkusTransaction.requiringNew().call(() -> deliveries.ofPartner(partner, 0, 1000));
    }
}
