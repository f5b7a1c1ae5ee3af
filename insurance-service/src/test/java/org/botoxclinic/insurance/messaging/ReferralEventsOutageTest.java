package org.botoxclinic.insurance.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.EmbeddedPostgresServer;
import org.botoxclinic.testkit.KafkaProbe;
import org.botoxclinic.testkit.ManagementInterface;
import org.botoxclinic.testkit.SampleEvents;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The database refuses the service's login for longer than the old retry window (about 9 s) while referrals are
 * accepted: every event waits, in order, and has its effect exactly once after recovery; none is parked.
 */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
@QuarkusTestResource(value = OwnLoginDatabase.class, restrictToAnnotatedClass = true)
class ReferralEventsOutageTest {

    private static final int EVENTS = 10;
    private static final Duration OUTAGE = Duration.ofSeconds(15);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void shouldApplyEveryEventOnceAfterTheDatabaseRefusedLoginsAndParkNone() throws InterruptedException {
        UUID before = UUID.randomUUID();
        accept(UUID.randomUUID(), before);
        awaitCases(before, Duration.ofSeconds(30));

        List<UUID> referrals = new ArrayList<>();
        List<UUID> eventIds = new ArrayList<>();
        EmbeddedPostgresServer.get().refuseLogins(OwnLoginDatabase.LOGIN);
        long outageStart = System.nanoTime();
        try {
            for (int i = 0; i < EVENTS; i++) {
                UUID referralId = UUID.randomUUID();
                UUID eventId = UUID.randomUUID();
                referrals.add(referralId);
                eventIds.add(eventId);
                accept(eventId, referralId);
            }
            // The broker delivers one of them twice, as at-least-once delivery may.
            accept(eventIds.get(3), referrals.get(3));
            await().atMost(Duration.ofSeconds(10)).until(() -> retrying("referral-events") == 1.0);
            Duration left = OUTAGE.minus(Duration.ofNanos(System.nanoTime() - outageStart));
            // The consumer keeps waiting the fault out, never parking, for the rest of the outage.
            await().during(left.isNegative() ? Duration.ZERO : left).atMost(left.plusSeconds(5))
                    .until(() -> retrying("referral-events") == 1.0);
            assertEquals(1.0, retrying("referral-events"), "still waiting out the outage at its end");
        } finally {
            EmbeddedPostgresServer.get().allowLogins(OwnLoginDatabase.LOGIN);
        }
        long recoveredAt = System.nanoTime();

        for (UUID referralId : referrals) {
            awaitCases(referralId, Duration.ofSeconds(60));
        }
        double drainSeconds = (System.nanoTime() - recoveredAt) / 1e9;
        int opened = 0;
        int doubled = 0;
        for (UUID referralId : referrals) {
            int cases = cases(referralId);
            opened += cases > 0 ? 1 : 0;
            doubled += Math.max(0, cases - 1);
        }
        int parked = given().auth().oauth2(DevTokens.forGroup("admin")).get("/api/admin/dead-letters")
                .then().statusCode(200).extract().path("items.size()");
        System.out.printf("Outage of %d s (logins refused) while %d ReferralAccepted (+1 duplicate) arrived: "
                        + "%d cases opened, %d doubled, %d lost, %d parked; drained %.1f s after recovery; %.0f transient retries%n",
                OUTAGE.toSeconds(), EVENTS, opened, doubled, EVENTS - opened, parked, drainSeconds,
                metric("clinic_inbox_events_total\\{[^}]*outcome=\"retried\"[^}]*topic=\"referral-events\"[^}]*}"));

        assertEquals(EVENTS, opened);
        assertEquals(0, doubled);
        assertEquals(0, parked);
        assertEquals(0.0, retrying("referral-events"));
        assertTrue(metric("clinic_inbox_events_total\\{[^}]*outcome=\"retried\"[^}]*topic=\"referral-events\"[^}]*}") > 0);
    }

    private void accept(UUID eventId, UUID referralId) {
        KafkaProbe.send(kafka, "referral-events", referralId.toString(), SampleEvents.referralAccepted(referralId),
                SampleEvents.headers(eventId, "ReferralAccepted", "/referral-service", referralId));
    }

    private void awaitCases(UUID referralId, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(DevTokens.forGroup("authorizations")).queryParam("referralId", referralId)
                        .get("/api/authorizations").then().statusCode(200).body("items", hasSize(1)));
    }

    private int cases(UUID referralId) {
        return given().auth().oauth2(DevTokens.forGroup("authorizations")).queryParam("referralId", referralId)
                .get("/api/authorizations").then().statusCode(200).extract().path("items.size()");
    }

    private double retrying(String topic) {
        return metric("clinic_inbox_retrying\\{[^}]*topic=\"" + topic + "\"[^}]*}");
    }

    /** The sum of the Prometheus samples whose name and labels match. */
    private static double metric(String nameAndLabels) {
        String text = ManagementInterface.metrics();
        Matcher m = Pattern.compile("(?m)^" + nameAndLabels + " ([0-9.eE+-]+)$").matcher(text);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }
}
