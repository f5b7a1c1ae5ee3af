package org.botoxclinic.referral.webhook;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

import org.botoxclinic.referral.referral.ReferralFixturesAccess;
import org.botoxclinic.referral.webhook.PartnerEndpoints.Behaviour;
import org.botoxclinic.referral.webhook.PartnerEndpoints.Endpoint;
import org.botoxclinic.referral.webhook.domain.DeliveryStatus;
import org.botoxclinic.referral.webhook.domain.WebhookDelivery;
import org.botoxclinic.referral.webhook.domain.WebhookSignature;
import org.botoxclinic.referral.webhook.domain.WebhookTarget;
import org.botoxclinic.referral.webhook.repository.PartnerWebhookRepository;
import org.botoxclinic.referral.webhook.repository.WebhookDeliveryRepository;
import org.botoxclinic.referral.webhook.service.PartnerEndpointClient;
import org.botoxclinic.referral.webhook.service.WebhookConfig;
import org.botoxclinic.referral.webhook.service.WebhookDeliveryJob;
import org.botoxclinic.referral.webhook.service.WebhookSecrets;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Deliveries on the real database with real partner endpoints on this machine: each attempt is cut at its deadline,
 * one slow partner does not hold up another, and replicas never send the same delivery twice.
 */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class WebhookDeliveryTest {

    static final String SECRET = "a-partner-secret-of-32-characters";

    @Inject
    WebhookDeliveryRepository deliveries;
    @Inject
    PartnerWebhookRepository webhooks;
    @Inject
    WebhookSecrets secrets;
    @Inject
    WebhookConfig config;
    @Inject
    Clock clock;

    private final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : started) {
            closeable.close();
        }
    }

    private Endpoint endpoint(Behaviour behaviour) throws Exception {
        Endpoint endpoint = PartnerEndpoints.start(behaviour);
        started.add(endpoint);
        return endpoint;
    }

    static String newPartner(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static void register(String partner, String url, String secret) {
        given().auth().oauth2(DevTokens.forPartner(partner)).contentType(ContentType.JSON)
                .body(Map.of("url", url, "secret", secret))
                .put("/api/partners/me/webhook").then().statusCode(200);
    }

    /** A referral of the partner: its RECEIVED and TRIAGED entries are owed to the partner's webhook. */
    static String refer(String partner) {
        return given().auth().oauth2(DevTokens.forPartner(partner)).contentType(ContentType.JSON)
                .body(ReferralFixturesAccess.body("EXT-" + UUID.randomUUID()))
                .post("/api/referrals").then().statusCode(201).extract().path("id");
    }

    private List<WebhookDelivery> deliveriesOf(String partner) {
        return QuarkusTransaction.requiringNew().call(() -> deliveries.ofPartner(partner, 0, 1000));
    }

    @Test
    void shouldDeliverToAFastPartnerPromptlyWhileASlowOneIsCutAtTheDeadlineAndRetried() throws Exception {
        Endpoint slow = endpoint(Behaviour.TRICKLE_BODY);
        Endpoint fast = endpoint(Behaviour.ANSWER_204);
        String slowPartner = newPartner("pcp-slow");
        String fastPartner = newPartner("pcp-fast");
        register(slowPartner, slow.url("http", "127.0.0.1"), SECRET);
        register(fastPartner, fast.url("http", "127.0.0.1"), SECRET);

        refer(slowPartner);
        long fastReferred = System.nanoTime();
        refer(fastPartner);

        // The fast partner hears of both entries well before the slow partner's first call reaches its deadline.
        await().atMost(Duration.ofSeconds(10)).until(() -> fast.received.size() >= 2);
        Duration fastTook = Duration.ofNanos(System.nanoTime() - fastReferred);
        assertTrue(fastTook.compareTo(config.timeout()) < 0, "fast partner waited " + fastTook);
        assertTrue(slow.received.size() >= 1);
        assertEquals(0, deliveriesOf(slowPartner).get(0).attempts(), "the slow call is still in flight");

        // The slow call is cut at the deadline, counted as a failed attempt and due again after the first back-off.
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveriesOf(slowPartner).get(0).attempts() == 1);
        WebhookDelivery cut = deliveriesOf(slowPartner).get(0);
        assertEquals(DeliveryStatus.PENDING, cut.status());
        assertEquals("no complete answer within 2s", cut.lastError());
        assertEquals(cut.lastAttemptAt().plus(config.firstRetry()), cut.nextAttemptAt());
        await().atMost(Duration.ofSeconds(5)).until(slow::clientsClosed);
        assertTrue(deliveriesOf(fastPartner).stream().allMatch(d -> d.status() == DeliveryStatus.DELIVERED));

        // Retried once its back-off has passed on the test clock: cut again, the second attempt.
        int callsBefore = slow.received.size();
        TestClock.advance(config.firstRetry());
        await().atMost(Duration.ofSeconds(15)).until(() -> deliveriesOf(slowPartner).get(0).attempts() == 2);
        assertTrue(slow.received.size() > callsBefore);
        WebhookDelivery again = deliveriesOf(slowPartner).get(0);
        assertEquals(DeliveryStatus.PENDING, again.status());
        assertEquals(again.lastAttemptAt().plus(config.firstRetry().multipliedBy(2)), again.nextAttemptAt());
    }

    @Test
    void shouldNeverSendADeliveryTwiceWhenReplicasRaceForIt() throws Exception {
        Endpoint endpoint = endpoint(Behaviour.ANSWER_204_AFTER_300_MS);
        String partner = newPartner("pcp-replicas");
        register(partner, endpoint.url("http", "127.0.0.1"), SECRET);
        for (int i = 0; i < 4; i++) {
            refer(partner);
        }
        assertEquals(8, deliveriesOf(partner).size());

        // Two more replicas, as far as the database can tell: their own workers, clients and in-flight sets, racing
        // the service's own scheduled job for the same rows.
        WebhookTarget.Rules rules = new WebhookTarget.Rules(true, false, true);
        List<WebhookDeliveryJob> replicas = List.of(
                new WebhookDeliveryJob(deliveries, webhooks, secrets, config, rules, clock, PartnerEndpointClient.withSystemDefaults()),
                new WebhookDeliveryJob(deliveries, webhooks, secrets, config, rules, clock, PartnerEndpointClient.withSystemDefaults()));
        replicas.forEach(replica -> started.add(replica::close));
        AtomicBoolean done = new AtomicBoolean();
        List<CompletableFuture<Void>> racing = replicas.stream().map(replica -> CompletableFuture.runAsync(() -> {
            while (!done.get()) {
                replica.deliverDueNow();
            }
        })).toList();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                deliveriesOf(partner).stream().allMatch(d -> d.status() == DeliveryStatus.DELIVERED));
        done.set(true);
        CompletableFuture.allOf(racing.toArray(CompletableFuture[]::new)).get();

        Map<String, Long> sends = endpoint.received.stream().collect(Collectors.groupingBy(
                r -> r.header(WebhookSignature.DELIVERY_ID_HEADER), Collectors.counting()));
        assertEquals(8, sends.size());
        assertTrue(sends.values().stream().allMatch(count -> count == 1), sends.toString());
        assertTrue(deliveriesOf(partner).stream().allMatch(d -> d.attempts() == 1));
        Function<PartnerEndpoints.Received, Boolean> signed = r -> WebhookSignature.verify(SECRET,
                r.header(WebhookSignature.DELIVERY_ID_HEADER), r.header(WebhookSignature.TIMESTAMP_HEADER), r.body(),
                r.header(WebhookSignature.SIGNATURE_HEADER), TestClock.CLOCK.instant(), Duration.ofMinutes(5));
        assertTrue(endpoint.received.stream().allMatch(signed::apply));
    }

    @Test
    void shouldLetOnlyTheAttemptHoldingTheLeaseRecordItsOutcome() throws Exception {
        Endpoint slow = endpoint(Behaviour.TRICKLE_BODY);
        String partner = newPartner("pcp-lease");
        register(partner, slow.url("http", "127.0.0.1"), SECRET);
        refer(partner);
        await().atMost(Duration.ofSeconds(10)).until(() -> slow.received.size() == 1);
        long first = deliveriesOf(partner).get(0).id();

        // The clock jumps past the lease of the attempt in flight (only a clock moved by hand can do that: the
        // attempt is cut at its deadline, well within its lease). Another replica claims the delivery and calls.
        TestClock.advance(config.timeout().multipliedBy(2).plusSeconds(11));
        WebhookDeliveryJob replica = new WebhookDeliveryJob(deliveries, webhooks, secrets, config,
                new WebhookTarget.Rules(true, false, true), clock, PartnerEndpointClient.withSystemDefaults());
        started.add(replica::close);
        CompletableFuture<Integer> other = CompletableFuture.supplyAsync(replica::deliverDueNow);
        await().atMost(Duration.ofSeconds(10)).until(() -> slow.received.stream()
                .filter(r -> r.header(WebhookSignature.DELIVERY_ID_HEADER).equals(String.valueOf(first))).count() == 2);
        other.get();

        // Both calls were cut; the first attempt, no longer holding the lease, recorded nothing: one attempt counted.
        await().atMost(Duration.ofSeconds(10)).until(slow::clientsClosed);
        WebhookDelivery delivery = deliveriesOf(partner).get(0);
        assertEquals(first, delivery.id());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> deliveriesOf(partner).get(0).attempts() == 1);
        assertEquals("no complete answer within 2s", deliveriesOf(partner).get(0).lastError());
    }
}
