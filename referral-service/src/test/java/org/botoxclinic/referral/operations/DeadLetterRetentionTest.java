package org.botoxclinic.referral.operations;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import org.botoxclinic.platform.retention.RetentionJob;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.ManagementInterface;
import org.botoxclinic.testkit.KafkaProbe;
import org.botoxclinic.testkit.SampleEvents;
import org.botoxclinic.testkit.TestClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The retention of a dead letter nobody replayed, in a running service on the test clock: its payload (patient data)
 * is kept for exactly the 30-day window to replay after it was parked and erased a second later, the row stays listed
 * for the operator, a replay is then refused with 409 (not failed), and the same event delivered again brings its
 * payload back.
 */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class DeadLetterRetentionTest {

    private static final String PATIENT_VALUE = "Quillonia";

    @Inject
    DataSource dataSource;
    @Inject
    RetentionJob retention;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void shouldEraseAnUnreplayedDeadLetterPayloadOnlyAfterTheWindowToReplayAndRefuseItsReplayWith409() throws SQLException {
        UUID referralId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        sendIncomplete(referralId, eventId);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> parked(eventId) != null);
        Instant parkedAt = OffsetDateTime.parse((String) parked(eventId).get("lastAttemptAt")).toInstant();
        assertTrue(payload(eventId).contains(PATIENT_VALUE));

        TestClock.set(parkedAt.plus(Duration.ofDays(30)));
        retention.purgeNow();
        assertNotNull(payload(eventId), "kept at exactly 30 days");
        assertNull(parked(eventId).get("payloadErasedAt"));

        TestClock.set(parkedAt.plus(Duration.ofDays(30)).plusSeconds(1));
        retention.purgeNow();
        assertNull(payload(eventId), "erased a second later");
        Map<String, Object> letter = parked(eventId);
        assertNotNull(letter, "the row stays: the operator still has to act");
        assertEquals(TestClock.now().toInstant(), OffsetDateTime.parse((String) letter.get("payloadErasedAt")).toInstant());
        assertEquals("AuthorizationApproved", letter.get("type"));
        assertEquals(referralId.toString(), letter.get("referralId"));

        given().auth().oauth2(DevTokens.forGroup("admin")).post("/api/admin/dead-letters/" + eventId + "/replay")
                .then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("PAYLOAD_ERASED"))
                .body("detail", containsString("payload was erased after retention"))
                .body("eventId", equalTo(eventId.toString()));
        assertEquals(1, parked(eventId).get("attempts"), "a refused replay is no attempt");
        String metrics = ManagementInterface.metrics();
        assertTrue(metrics.contains("clinic_retention_purged_rows_total{table=\"dead_letter_payload\"}"), metrics);
        assertFalse(metrics.contains("clinic_retention_purged_rows_total{table=\"dead_letter_payload\"} 0.0"), "counted");

        // The producer sends it again: parked again with its payload, and replayable (it still fails: unreadable).
        sendIncomplete(referralId, eventId);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> ((Number) parked(eventId).get("attempts")).intValue() == 2);
        assertTrue(payload(eventId).contains(PATIENT_VALUE));
        assertNull(parked(eventId).get("payloadErasedAt"));
        given().auth().oauth2(DevTokens.forGroup("admin")).post("/api/admin/dead-letters/" + eventId + "/replay")
                .then().statusCode(200).body("outcome", equalTo("FAILED"));

        delete(eventId); // an operator's decision; other tests expect no dead letter of ours
    }

    private void sendIncomplete(UUID referralId, UUID eventId) {
        KafkaProbe.send(kafka, "authorization-events", referralId.toString(),
                // Cut short: it cannot be read, so the consumer parks it at once.
                "{\"referralId\":\"" + referralId + "\",\"note\":\"" + PATIENT_VALUE + "\",",
                SampleEvents.headers(eventId, "AuthorizationApproved", "/insurance-service", referralId));
    }

    private Map<String, Object> parked(UUID eventId) {
        return given().auth().oauth2(DevTokens.forGroup("admin")).queryParam("limit", 1000).get("/api/admin/dead-letters")
                .then().statusCode(200).extract().path("items.find { it.eventId == '" + eventId + "' }");
    }

    private String payload(UUID eventId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement("select payload from dead_letter where event_id = ?")) {
            query.setObject(1, eventId);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private void delete(UUID eventId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement("delete from dead_letter where event_id = ?")) {
            delete.setObject(1, eventId);
            delete.executeUpdate();
        }
    }
}
