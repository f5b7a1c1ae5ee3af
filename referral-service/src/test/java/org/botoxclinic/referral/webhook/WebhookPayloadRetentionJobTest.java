package org.botoxclinic.referral.webhook;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import org.botoxclinic.referral.webhook.PartnerEndpoints.Behaviour;
import org.botoxclinic.referral.webhook.PartnerEndpoints.Endpoint;
import org.botoxclinic.referral.webhook.service.WebhookPayloadRetentionJob;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.TestClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Payloads of settled deliveries are purged once older than the retention period; pending ones never are. */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class WebhookPayloadRetentionJobTest {

    @Inject
    WebhookPayloadRetentionJob job;
    @Inject
    DataSource dataSource;
    @ConfigProperty(name = "clinic.webhooks.payload-retention")
    Duration retention;

    private List<Map<String, Object>> deliveriesOf(String partner) {
        return WebhookDb.query(dataSource, "select id, status, payload from webhook_delivery where partner_id = ? order by id", partner);
    }

    @Test
    void shouldPurgeSettledPayloadsJustPastRetentionAndKeepTheRest() throws Exception {
        assertEquals(Duration.ofDays(7), retention);
        String delivered = WebhookDeliveryTest.newPartner("pcp-keep");
        String other = WebhookDeliveryTest.newPartner("pcp-other");
        try (Endpoint endpoint = PartnerEndpoints.start(Behaviour.ANSWER_204)) {
            WebhookDeliveryTest.register(delivered, endpoint.url("http", "127.0.0.1"), WebhookDeliveryTest.SECRET);
            WebhookDeliveryTest.refer(delivered);
            await().atMost(Duration.ofSeconds(15)).until(() ->
                    deliveriesOf(delivered).stream().allMatch(d -> "DELIVERED".equals(d.get("status"))));
        }
        // Both delivered at one instant; another partner's delivery failed for good at that instant, and one of its
        // deliveries is still pending (not due within this test).
        OffsetDateTime settled = TestClock.now();
        WebhookDb.update(dataSource, "update webhook_delivery set delivered_at = ? where partner_id = ?", settled, delivered);
        for (String status : List.of("FAILED", "PENDING")) {
            WebhookDb.update(dataSource, """
                    insert into webhook_delivery (partner_id, referral_id, timeline_entry_id, url, payload, status, attempts,
                                                  next_attempt_at, last_attempt_at, last_error, created_at)
                    select ?, referral_id, timeline_entry_id, url, payload, ?, 12, ?, ?, 'partner answered 500', created_at
                      from webhook_delivery where partner_id = ? order by id limit 1""",
                    other, status, settled.plusYears(100), settled, delivered);
        }

        // Exactly the retention period after: not older yet, kept.
        TestClock.set(settled.plus(retention).toInstant());
        job.run();
        deliveriesOf(delivered).forEach(d -> assertNotNull(d.get("payload")));
        deliveriesOf(other).forEach(d -> assertNotNull(d.get("payload")));

        // A microsecond later: the settled ones lose their payload; the pending one keeps it; the records stay.
        TestClock.set(settled.plus(retention).plusNanos(1000).toInstant());
        job.run();
        deliveriesOf(delivered).forEach(d -> assertNull(d.get("payload")));
        List<Map<String, Object>> rest = deliveriesOf(other);
        assertEquals("FAILED", rest.get(0).get("status"));
        assertNull(rest.get(0).get("payload"));
        assertEquals("PENDING", rest.get(1).get("status"));
        assertNotNull(rest.get(1).get("payload"));
        given().auth().oauth2(DevTokens.forPartner(delivered)).get("/api/partners/me/webhook/deliveries")
                .then().statusCode(200)
                .body("items.status", org.hamcrest.Matchers.contains("DELIVERED", "DELIVERED"));
        assertEquals(0, job.run());
    }
}
