package org.botoxclinic.referral.timeline;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.botoxclinic.referral.webhook.domain.WebhookSignature;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.KafkaProbe;
import org.botoxclinic.testkit.SampleEvents;
import org.botoxclinic.testkit.TestClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The referring PCP follows its referral to the end: a timeline fed by real events, and signed webhook calls. */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class ClosedLoopTest {

    private static final String SECRET = "a-partner-secret-of-32-characters";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private HttpServer receiver;
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            // The partner's endpoint is down for the first call: the clinic must retry it.
            int status = calls.incrementAndGet() == 1 ? 503 : 204;
            if (status == 204) {
                received.add(Map.of("body", body,
                        "signature", exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER),
                        "delivery", exchange.getRequestHeaders().getFirst(WebhookSignature.DELIVERY_ID_HEADER),
                        "timestamp", exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER)));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private void report(String topic, String type, UUID eventId, String referralId, String payload) {
        UUID referral = UUID.fromString(referralId);
        KafkaProbe.send(kafka, topic, referralId, payload,
                SampleEvents.headers(eventId, type, topic.startsWith("authorization") ? "/insurance-service" : "/scheduling-service",
                        referral));
    }

    @Test
    void shouldTellThePartnerEverythingThatHappensUntilTreatment() {
        String partner = "pcp-hook-" + UUID.randomUUID().toString().substring(0, 8);
        String token = DevTokens.forPartner(partner);
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", url, "secret", SECRET))
                .put("/api/partners/me/webhook")
                .then().statusCode(200).body("url", equalTo(url)).body("$", not(org.hamcrest.Matchers.hasKey("secret")));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("url", "ftp://x", "secret", "short"))
                .put("/api/partners/me/webhook")
                .then().statusCode(400).body("violations.field", hasItems("url", "secret"));

        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(org.botoxclinic.referral.referral.ReferralFixturesAccess.body("EXT-" + UUID.randomUUID()))
                .post("/api/referrals").then().statusCode(201).extract().path("id");
        given().auth().oauth2(DevTokens.forGroup("intake")).post("/api/referrals/" + id + "/accept").then().statusCode(200);

        // Reported after the referral was accepted, in the order they happen, by the test clock.
        OffsetDateTime accepted = TestClock.now();
        LocalDate clinicDay = TestClock.today().plusDays(21);
        UUID completed = UUID.randomUUID();
        report("authorization-events", "AuthorizationSubmitted", UUID.randomUUID(), id, """
                {"referralId":"%s","authorizationId":"%s","payerId":"AETNA","channel":"PORTAL","expedited":false,
                 "submittedAt":"%s","decisionDueAt":"%s"}""".formatted(id, UUID.randomUUID(), accepted.plusHours(1),
                accepted.plusDays(7)));
        report("authorization-events", "AuthorizationApproved", UUID.randomUUID(), id,
                SampleEvents.authorizationApproved(UUID.fromString(id), UUID.randomUUID(), clinicDay.minusDays(7),
                        clinicDay.plusMonths(6), accepted.plusHours(6)));
        report("scheduling-events", "AppointmentScheduled", UUID.randomUUID(), id, """
                {"referralId":"%s","appointmentId":"%s","date":"%s","durationMinutes":30,"authorizationId":null,
                 "scheduledAt":"%s"}""".formatted(id, UUID.randomUUID(), clinicDay, accepted.plusDays(1)));
        String treatment = """
                {"referralId":"%s","appointmentId":"%s","authorizationId":null,"authorizationNumber":"AUTH-77","date":"%s",
                 "unitsAdministered":155,"unitsWasted":45,"completedAt":"%s"}""".formatted(id, UUID.randomUUID(), clinicDay,
                clinicDay.atTime(15, 0).atZone(TestClock.ZONE).toOffsetDateTime());
        report("scheduling-events", "TreatmentCompleted", completed, id, treatment);
        report("scheduling-events", "TreatmentCompleted", completed, id, treatment);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/referrals/" + id + "/timeline")
                        .then().statusCode(200)
                        .body("stage", equalTo("TREATED"))
                        .body("entries.type", contains("RECEIVED", "TRIAGED", "ACCEPTED", "AUTHORIZATION_SUBMITTED",
                                "AUTHORIZATION_APPROVED", "APPOINTMENT_SCHEDULED", "TREATMENT_COMPLETED", "CONSULT_REPORT")));
        given().auth().oauth2(DevTokens.forPartner("pcp-other")).get("/api/referrals/" + id + "/timeline").then().statusCode(404);
        given().auth().oauth2(token).get("/api/referrals/" + id).then().body("stage", equalTo("TREATED"));

        // Eight entries reach the partner, each signed with its secret; the first call failed and was retried once
        // its back-off had passed on the test clock, which moves only when a test moves it.
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            TestClock.advance(Duration.ofSeconds(1));
            return received.stream().map(r -> r.get("body")).distinct().count() >= 8;
        });
        for (Map<String, String> call : received) {
            assertTrue(WebhookSignature.verify(SECRET, call.get("delivery"), call.get("timestamp"), call.get("body"),
                    call.get("signature"), TestClock.CLOCK.instant(), Duration.ofMinutes(5)), "bad signature");
            assertTrue(call.get("body").contains(id));
        }
        assertEquals(1, received.stream().filter(r -> r.get("body").contains("TREATMENT_COMPLETED")).count());
        assertEquals(1, received.stream().filter(r -> r.get("body").contains("CONSULT_REPORT")).count());
        given().auth().oauth2(token).get("/api/partners/me/webhook/deliveries")
                .then().statusCode(200)
                .body("items.status", everyItemIs("DELIVERED"))
                .body("items.attempts", hasItem(2))
                .body("items.lastStatusCode", hasItem(204))
                .body("next", org.hamcrest.Matchers.nullValue());
        // Paged by cursor: one delivery a page, in order, each page pointing to the next.
        var first = given().auth().oauth2(token).queryParam("limit", 1).get("/api/partners/me/webhook/deliveries")
                .then().statusCode(200).body("items", org.hamcrest.Matchers.hasSize(1)).extract();
        given().auth().oauth2(token).queryParam("limit", 1).queryParam("cursor", first.<String>path("next"))
                .get("/api/partners/me/webhook/deliveries")
                .then().statusCode(200)
                .body("items[0].id", org.hamcrest.Matchers.greaterThan(first.<Integer>path("items[0].id")));
        given().auth().oauth2(token).queryParam("cursor", "not-a-cursor").get("/api/partners/me/webhook/deliveries")
                .then().statusCode(400).body("violations.field", hasItem("cursor"));
    }

    private static org.hamcrest.Matcher<Iterable<? super String>> everyItemIs(String status) {
        return org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.not(status)));
    }

    @Test
    void shouldRecordWhoReadAndChangedAReferralForAdminsOnly() {
        String token = DevTokens.forPartner("pcp-audit");
        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(org.botoxclinic.referral.referral.ReferralFixturesAccess.body("EXT-" + UUID.randomUUID()))
                .post("/api/referrals").then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).get("/api/referrals/" + id).then().statusCode(200);
        given().auth().oauth2(DevTokens.forGroup("intake")).post("/api/referrals/" + id + "/accept").then().statusCode(200);

        given().auth().oauth2(DevTokens.forGroup("admin")).queryParam("referralId", id).get("/api/audit")
                .then().statusCode(200)
                .body("items.action", contains("CREATE", "READ", "ACCEPT"))
                .body("items[0].partnerId", equalTo("pcp-audit"))
                .body("items[0].groups", equalTo("partner"))
                .body("items[2].groups", equalTo("intake"))
                .body("next", equalTo(null));
        given().auth().oauth2(DevTokens.forGroup("intake")).queryParam("referralId", id).get("/api/audit").then().statusCode(403);
        given().auth().oauth2(token).queryParam("referralId", id).get("/api/audit").then().statusCode(403);
    }
}
