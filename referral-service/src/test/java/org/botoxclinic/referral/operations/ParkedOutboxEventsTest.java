package org.botoxclinic.referral.operations;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.KafkaProbe;
import org.botoxclinic.testkit.TestClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The platform's admin endpoint for outbox events the broker refused for good, as referral-service serves it. */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class ParkedOutboxEventsTest {

    private static final String ADMIN = DevTokens.forGroup("admin");
    private static final String INTAKE = DevTokens.forGroup("intake");
    private static final String PARKED = "/api/admin/outbox/parked";

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    /** A row as the relay leaves it when the broker refuses it for good, and one of its referral's later events. */
    private UUID parkedEvent(UUID referralId) throws Exception {
        UUID eventId = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                insert into outbox_event (event_id, topic, event_key, event_type, source, subject, occurred_at, payload,
                                          attempts, last_error, parked_at)
                values (?, 'referral-events', ?, 'OutboxProbe', '/referral-service', ?, ?, cast(? as jsonb), 1,
                        'org.apache.kafka.common.errors.RecordTooLargeException: too large', ?)""")) {
            insert.setObject(1, eventId);
            insert.setString(2, referralId.toString());
            insert.setString(3, referralId.toString());
            insert.setObject(4, TestClock.now());
            insert.setString(5, "{\"probe\":\"parked\"}");
            insert.setObject(6, TestClock.now());
            insert.executeUpdate();
        }
        return eventId;
    }

    private String status(UUID eventId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement("""
                select case when published_at is not null then 'PUBLISHED' when skipped_at is not null then 'SKIPPED'
                            when parked_at is not null then 'PARKED' else 'PENDING' end
                  from outbox_event where event_id = ?""")) {
            query.setObject(1, eventId);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Test
    void shouldListParkedEventsToAdministratorsOnlyWithoutTheirPayload() throws Exception {
        UUID referralId = UUID.randomUUID();
        UUID eventId = parkedEvent(referralId);

        List<Map<String, Object>> items = given().auth().oauth2(ADMIN).queryParam("limit", 1000)
                .get(PARKED).then().statusCode(200).body("next", nullValue())
                .extract().jsonPath().getList("items");
        Map<String, Object> item = items.stream().filter(i -> eventId.toString().equals(i.get("eventId"))).findFirst().orElseThrow();
        assertEquals("OutboxProbe", item.get("type"));
        assertEquals(referralId.toString(), item.get("referralId"));
        assertEquals(1, item.get("attempts"));
        assertEquals("org.apache.kafka.common.errors.RecordTooLargeException: too large", item.get("lastError"));
        assertNotNull(item.get("parkedAt"));
        assertEquals(false, item.containsKey("payload"));

        given().auth().oauth2(INTAKE).get(PARKED).then().statusCode(403);
        given().get(PARKED).then().statusCode(401);
        given().auth().oauth2(INTAKE).post(PARKED + "/" + eventId + "/skip").then().statusCode(403);
        given().auth().oauth2(ADMIN).queryParam("cursor", "not-a-cursor").get(PARKED).then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(ADMIN).queryParam("limit", 0).get(PARKED).then().statusCode(400);
        assertEquals("PARKED", status(eventId), "refused requests change nothing");
    }

    @Test
    void shouldSkipAParkedEventOnceAuditedAndRefuseWhatIsNotParked() throws Exception {
        UUID referralId = UUID.randomUUID();
        UUID eventId = parkedEvent(referralId);

        given().auth().oauth2(ADMIN).post(PARKED + "/" + eventId + "/skip").then().statusCode(204);
        assertEquals("SKIPPED", status(eventId));
        given().auth().oauth2(ADMIN).post(PARKED + "/" + eventId + "/skip").then().statusCode(409)
                .contentType("application/problem+json").body("currentStatus", equalTo("SKIPPED"));
        given().auth().oauth2(ADMIN).post(PARKED + "/" + eventId + "/retry").then().statusCode(409)
                .body("currentStatus", equalTo("SKIPPED"));
        given().auth().oauth2(ADMIN).post(PARKED + "/" + UUID.randomUUID() + "/skip").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(ADMIN).post(PARKED + "/" + UUID.randomUUID() + "/retry").then().statusCode(404);
        given().auth().oauth2(ADMIN).queryParam("limit", 1000).get(PARKED).then().statusCode(200)
                .body("items.eventId", not(hasItem(eventId.toString())));
        given().auth().oauth2(ADMIN).queryParam("referralId", referralId).get("/api/audit").then().statusCode(200)
                .body("items.action", equalTo(List.of("SKIP")))
                .body("items[0].resourceType", equalTo("outbox-event"))
                .body("items[0].resourceId", equalTo(eventId.toString()));
    }

    @Test
    void shouldPublishARetriedEventAndThenRefuseToRetryItAgain() throws Exception {
        UUID referralId = UUID.randomUUID();
        UUID eventId = parkedEvent(referralId);
        try (KafkaProbe probe = new KafkaProbe(kafka, "referral-events")) {
            given().auth().oauth2(ADMIN).post(PARKED + "/" + eventId + "/retry").then().statusCode(204);
            probe.await(r -> eventId.toString().equals(KafkaProbe.header(r, "ce_id")), Duration.ofSeconds(20));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> "PUBLISHED".equals(status(eventId)));
        given().auth().oauth2(ADMIN).post(PARKED + "/" + eventId + "/retry").then().statusCode(409)
                .body("code", equalTo("ILLEGAL_TRANSITION")).body("currentStatus", equalTo("PUBLISHED"));
        given().auth().oauth2(ADMIN).queryParam("referralId", referralId).get("/api/audit").then().statusCode(200)
                .body("items.action", equalTo(List.of("RETRY")));
    }
}
