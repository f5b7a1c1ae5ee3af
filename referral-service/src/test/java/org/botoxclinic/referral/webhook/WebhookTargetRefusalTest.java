package org.botoxclinic.referral.webhook;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

import org.botoxclinic.referral.webhook.PartnerEndpoints.Behaviour;
import org.botoxclinic.referral.webhook.PartnerEndpoints.Endpoint;
import org.botoxclinic.referral.webhook.domain.SealedSecret;
import org.botoxclinic.referral.webhook.domain.WebhookTarget;
import org.botoxclinic.referral.webhook.repository.PartnerWebhookRepository;
import org.botoxclinic.referral.webhook.service.SecretKeyRing;
import org.botoxclinic.referral.webhook.service.WebhookSecrets;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.TestClock;
import org.junit.jupiter.api.Test;

/**
 * The service as configured outside a developer's machine as far as targets go (private addresses refused) and with
 * keys of its own (one current, one earlier): hosts resolving to private addresses are refused at registration and
 * at delivery without the address being told, and secrets sealed under the earlier key are resealed.
 */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
@TestProfile(WebhookTargetRefusalTest.StrictTargets.class)
class WebhookTargetRefusalTest {

    static final String CURRENT_KEY = "Y3VycmVudC13ZWJob29rLWtleS0zMi1ieXRlcy0hISE=";
    static final String EARLIER_KEY = "ZWFybGllci13ZWJob29rLWtleS0zMi1ieXRlcy0hISE=";

    public static class StrictTargets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clinic.webhooks.allow-private-targets", "false",
                    "clinic.webhooks.secret-key", CURRENT_KEY,
                    "clinic.webhooks.old-secret-keys", EARLIER_KEY);
        }
    }

    @Inject
    DataSource dataSource;
    @Inject
    WebhookSecrets secrets;
    @Inject
    PartnerWebhookRepository webhooks;

    private static final List<String> ADDRESSES = List.of("127.0.0.1", "0:0:0:0:0:0:0:1", "::1", "10.0.0.1", "100.64.0.1",
            "169.254.169.254", "198.18.0.1");

    @Test
    void shouldRefuseToRegisterAHostResolvingToAPrivateAddressWithoutNamingIt() {
        String token = DevTokens.forPartner(WebhookDeliveryTest.newPartner("pcp-ssrf"));
        for (String url : List.of("http://localhost:8080/hooks", "http://10.0.0.1/hooks", "http://100.64.0.1/hooks",
                "http://169.254.169.254/latest/meta-data", "http://198.18.0.1/", "http://[::ffff:127.0.0.1]:9000/",
                "http://[64:ff9b::a00:1]/", "http://[2002:a00:1::]/", "http://0.0.0.0:8080/")) {
            String body = given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("url", url, "secret", WebhookDeliveryTest.SECRET))
                    .put("/api/partners/me/webhook")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("url"))
                    .body("violations[0].message", equalTo(WebhookTarget.NOT_PUBLIC))
                    .extract().asString();
            for (String address : ADDRESSES) {
                assertFalse(body.replace(url, "").contains(address), url + " answered " + body);
            }
        }
        given().auth().oauth2(token).get("/api/partners/me/webhook").then().statusCode(404);
    }

    @Test
    void shouldRefuseToDeliverToAHostThatHasComeToResolveToAPrivateAddress() throws Exception {
        try (Endpoint endpoint = PartnerEndpoints.start(Behaviour.ANSWER_204)) {
            String partner = WebhookDeliveryTest.newPartner("pcp-rebound");
            // Registered when the name pointed elsewhere; it now resolves to this machine.
            SealedSecret sealed = secrets.seal(partner, WebhookDeliveryTest.SECRET);
            OffsetDateTime now = TestClock.now();
            WebhookDb.update(dataSource, """
                    insert into partner_webhook (partner_id, url, secret_key_id, secret_ciphertext, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?)""", partner, endpoint.url("http", "localhost"), sealed.keyId(), sealed.ciphertext(), now, now);
            WebhookDeliveryTest.refer(partner);
            String token = DevTokens.forPartner(partner);
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    given().auth().oauth2(token).get("/api/partners/me/webhook/deliveries").then().statusCode(200)
                            .body("items[0].attempts", equalTo(1))
                            .body("items[0].lastError", equalTo("target refused: url " + WebhookTarget.NOT_PUBLIC)));
            String answer = given().auth().oauth2(token).get("/api/partners/me/webhook/deliveries").asString();
            for (String address : ADDRESSES) {
                assertFalse(answer.contains(address), answer);
            }
            assertTrue(endpoint.received.isEmpty());
        }
    }

    @Test
    void shouldResealSecretsSealedUnderTheEarlierKey() {
        String partner = WebhookDeliveryTest.newPartner("pcp-rekey");
        SecretKeyRing earlier = SecretKeyRing.fromConfig(Optional.of(EARLIER_KEY), List.of(), false);
        SealedSecret sealed = earlier.seal(partner, WebhookDeliveryTest.SECRET);
        OffsetDateTime now = TestClock.now();
        WebhookDb.update(dataSource, """
                insert into partner_webhook (partner_id, url, secret_key_id, secret_ciphertext, created_at, updated_at)
                values (?, 'https://hooks.example.org/in', ?, ?, ?, ?)""", partner, sealed.keyId(), sealed.ciphertext(), now, now);
        assertNotEquals(secrets.currentKeyId(), sealed.keyId());

        assertTrue(secrets.resealUnderCurrentKey() >= 1);
        Map<String, Object> row = WebhookDb.query(dataSource,
                "select secret_key_id, secret_ciphertext from partner_webhook where partner_id = ?", partner).get(0);
        assertEquals(secrets.currentKeyId(), row.get("secret_key_id"));
        assertNotEquals(sealed.ciphertext(), row.get("secret_ciphertext"));
        assertEquals(List.of(WebhookDeliveryTest.SECRET), QuarkusTransaction.requiringNew()
                .call(() -> secrets.activeSecrets(webhooks.findById(partner), TestClock.now())));
        assertEquals(0, secrets.resealUnderCurrentKey());
    }
}
