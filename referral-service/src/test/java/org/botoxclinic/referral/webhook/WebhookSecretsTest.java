package org.botoxclinic.referral.webhook;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

import org.botoxclinic.referral.webhook.PartnerEndpoints.Behaviour;
import org.botoxclinic.referral.webhook.PartnerEndpoints.Endpoint;
import org.botoxclinic.referral.webhook.domain.WebhookSignature;
import org.botoxclinic.referral.webhook.service.WebhookConfig;
import org.botoxclinic.referral.webhook.service.WebhookSecrets;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Partners' secrets: sealed at rest, rotated with an overlap during which every call is signed twice, audited. */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class WebhookSecretsTest {

    private static final String FIRST = "the-partner-first-secret-0123";

    @Inject
    DataSource dataSource;
    @Inject
    WebhookSecrets secrets;
    @Inject
    WebhookConfig config;

    private Endpoint endpoint;

    @AfterEach
    void stop() throws Exception {
        if (endpoint != null) {
            endpoint.close();
        }
    }

    /** Refers a patient and returns the two calls (RECEIVED, TRIAGED) the partner's endpoint then receives. */
    private List<PartnerEndpoints.Received> callsFor(String partner) {
        int before = endpoint.received.size();
        WebhookDeliveryTest.refer(partner);
        await().atMost(Duration.ofSeconds(15)).until(() -> endpoint.received.size() >= before + 2);
        return endpoint.received.subList(before, before + 2);
    }

    private static boolean signedWith(String secret, PartnerEndpoints.Received call) {
        return WebhookSignature.verify(secret, call.header(WebhookSignature.DELIVERY_ID_HEADER),
                call.header(WebhookSignature.TIMESTAMP_HEADER), call.body(), call.header(WebhookSignature.SIGNATURE_HEADER),
                TestClock.CLOCK.instant(), Duration.ofMinutes(5));
    }

    private static int signatures(PartnerEndpoints.Received call) {
        return call.header(WebhookSignature.SIGNATURE_HEADER).split(",").length;
    }

    private String rotate(String token) {
        var answer = given().auth().oauth2(token).post("/api/partners/me/webhook/secret-rotations")
                .then().statusCode(201).extract();
        assertEquals(TestClock.now().plus(config.secretOverlap()).toInstant(),
                OffsetDateTime.parse(answer.<String>path("previousSecretValidUntil")).toInstant());
        return answer.path("secret");
    }

    @Test
    void shouldSignWithBothSecretsDuringTheOverlapAndWithTheNewOneOnlyAfterIt() throws Exception {
        endpoint = PartnerEndpoints.start(Behaviour.ANSWER_204);
        String partner = WebhookDeliveryTest.newPartner("pcp-rotate");
        String token = DevTokens.forPartner(partner);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", endpoint.url("http", "127.0.0.1")))
                .put("/api/partners/me/webhook").then().statusCode(400).body("violations.field", hasItem("secret"));
        WebhookDeliveryTest.register(partner, endpoint.url("http", "127.0.0.1"), FIRST);

        // Sealed at rest: no plain text, the key's id beside the ciphertext.
        Map<String, Object> row = WebhookDb.query(dataSource,
                "select secret, secret_key_id, secret_ciphertext from partner_webhook where partner_id = ?", partner).get(0);
        assertNull(row.get("secret"));
        assertEquals(secrets.currentKeyId(), row.get("secret_key_id"));
        assertFalse(((String) row.get("secret_ciphertext")).contains(FIRST));

        // Before any rotation: one signature.
        for (PartnerEndpoints.Received call : callsFor(partner)) {
            assertEquals(1, signatures(call));
            assertTrue(signedWith(FIRST, call));
        }

        // A rotation: the new secret once, both sign. Rotating again before finishing keeps the first as previous.
        String lost = rotate(token);
        String second = rotate(token);
        assertEquals(43, second.length());
        String shown = given().auth().oauth2(token).get("/api/partners/me/webhook").then().statusCode(200)
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("secret")))
                .extract().path("previousSecretValidUntil");
        assertEquals(TestClock.now().plus(config.secretOverlap()).toInstant(), OffsetDateTime.parse(shown).toInstant());
        for (PartnerEndpoints.Received call : callsFor(partner)) {
            assertEquals(2, signatures(call));
            assertTrue(call.header(WebhookSignature.SIGNATURE_HEADER).startsWith(
                    WebhookSignature.sign(second, call.header(WebhookSignature.DELIVERY_ID_HEADER),
                            Long.parseLong(call.header(WebhookSignature.TIMESTAMP_HEADER)), call.body())));
            assertTrue(signedWith(second, call));
            assertTrue(signedWith(FIRST, call));
            assertFalse(signedWith(lost, call));
        }

        // The overlap's last second: still both. At its end: the new secret only.
        TestClock.advance(config.secretOverlap().minusSeconds(1));
        for (PartnerEndpoints.Received call : callsFor(partner)) {
            assertEquals(2, signatures(call));
            assertTrue(signedWith(FIRST, call));
        }
        TestClock.advance(Duration.ofSeconds(1));
        for (PartnerEndpoints.Received call : callsFor(partner)) {
            assertEquals(1, signatures(call));
            assertTrue(signedWith(second, call));
            assertFalse(signedWith(FIRST, call));
        }
        given().auth().oauth2(token).get("/api/partners/me/webhook").then().body("previousSecretValidUntil", nullValue());
        given().auth().oauth2(token).delete("/api/partners/me/webhook/previous-secret")
                .then().statusCode(409).body("code", equalTo("NO_ROTATION_UNDER_WAY"));

        // The partner finishes a rotation sooner: the previous secret stops signing at once.
        String third = rotate(token);
        given().auth().oauth2(token).delete("/api/partners/me/webhook/previous-secret")
                .then().statusCode(200).body("previousSecretValidUntil", nullValue());
        for (PartnerEndpoints.Received call : callsFor(partner)) {
            assertEquals(1, signatures(call));
            assertTrue(signedWith(third, call));
            assertFalse(signedWith(second, call));
        }

        // A new URL without a secret keeps the secret; then the webhook is removed.
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", endpoint.url("http", "127.0.0.1") + "&moved=1"))
                .put("/api/partners/me/webhook").then().statusCode(200);
        for (PartnerEndpoints.Received call : callsFor(partner)) {
            assertTrue(signedWith(third, call));
            assertTrue(call.requestLine().contains("moved=1"));
        }
        given().auth().oauth2(token).delete("/api/partners/me/webhook").then().statusCode(204);
        given().auth().oauth2(token).post("/api/partners/me/webhook/secret-rotations").then().statusCode(404);

        // Every change is in the audit trail, by the partner, without the URL's query or any secret.
        List<Map<String, Object>> audit = WebhookDb.query(dataSource,
                "select * from audit_entry where resource_type = 'partner-webhook' and resource_id = ? order by id", partner);
        assertEquals(List.of("REGISTER", "ROTATE_SECRET", "ROTATE_SECRET", "ROTATE_SECRET", "FINISH_SECRET_ROTATION",
                "CHANGE", "REMOVE"), audit.stream().map(r -> r.get("action")).toList());
        assertTrue(audit.stream().allMatch(r -> partner.equals(r.get("partner_id")) && "partner".equals(r.get("actor_groups"))));
        String written = audit.toString();
        for (String secret : List.of(FIRST, lost, second, third, "token=partner-own", "moved=1")) {
            assertFalse(written.contains(secret), secret);
        }
    }

    @Test
    void shouldSealASecretStoredInPlainTextBeforeSecretsWereEncrypted() throws Exception {
        endpoint = PartnerEndpoints.start(Behaviour.ANSWER_204);
        String partner = WebhookDeliveryTest.newPartner("pcp-legacy");
        String legacy = "a-legacy-plain-text-secret";
        OffsetDateTime now = TestClock.now();
        WebhookDb.update(dataSource, "insert into partner_webhook (partner_id, url, secret, created_at, updated_at) values (?, ?, ?, ?, ?)",
                partner, endpoint.url("http", "127.0.0.1"), legacy, now, now);

        assertTrue(secrets.sealPlainTextSecrets() >= 1);
        Map<String, Object> row = WebhookDb.query(dataSource,
                "select secret, secret_key_id, secret_ciphertext from partner_webhook where partner_id = ?", partner).get(0);
        assertNull(row.get("secret"));
        assertEquals(secrets.currentKeyId(), row.get("secret_key_id"));
        assertNotNull(row.get("secret_ciphertext"));
        assertFalse(((String) row.get("secret_ciphertext")).contains(legacy));
        assertEquals(0, secrets.sealPlainTextSecrets());

        // The partner's calls are still signed with the secret it registered.
        for (PartnerEndpoints.Received call : callsFor(partner)) {
            assertTrue(signedWith(legacy, call));
        }
    }
}
