package org.botoxclinic.referral.operations;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import javax.sql.DataSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

import org.botoxclinic.platform.retention.RetentionJob;
import org.botoxclinic.referral.referral.ReferralFixturesAccess;
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
 * The platform's retention job in a running service, on its own login and the test clock: the published
 * ReferralAccepted row goes 7 days after it was published (not a second before), the consumed event's record 30
 * days after it was applied, and a parked row stays however old.
 */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class RetentionJobTest {

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
    void shouldPurgePublishedRowsAndProcessedEventsOnlyPastTheirRetentionAndNeverAParkedRow() throws Exception {
        String referral = given().auth().oauth2(DevTokens.forPartner("pcp-retention")).contentType(ContentType.JSON)
                .body(ReferralFixturesAccess.body("EXT-" + UUID.randomUUID()))
                .post("/api/referrals").then().statusCode(201).extract().path("id");
        given().auth().oauth2(DevTokens.forGroup("intake")).post("/api/referrals/" + referral + "/accept")
                .then().statusCode(200);
        UUID referralId = UUID.fromString(referral);
        await().atMost(Duration.ofSeconds(20)).until(() -> publishedAt(referralId) != null);
        Instant published = publishedAt(referralId);

        UUID parked = UUID.randomUUID();
        insertParkedRow(parked, TestClock.now().minusYears(1));

        UUID event = UUID.randomUUID();
        KafkaProbe.send(kafka, "authorization-events", referral, SampleEvents.authorizationApproved(referralId, UUID.randomUUID()),
                SampleEvents.headers(event, "AuthorizationApproved", "/insurance-service", referralId));
        await().atMost(Duration.ofSeconds(20)).until(() -> processedAt(event) != null);
        Instant processed = processedAt(event);

        TestClock.set(published.plus(Duration.ofDays(7)));
        retention.purgeNow();
        assertTrue(publishedAt(referralId) != null, "kept at exactly 7 days");
        TestClock.set(published.plus(Duration.ofDays(7)).plusSeconds(1));
        retention.purgeNow();
        assertTrue(publishedAt(referralId) == null && !outboxRowExists(referralId), "deleted a second later");

        TestClock.set(processed.plus(Duration.ofDays(30)));
        retention.purgeNow();
        assertTrue(processedAt(event) != null, "kept at exactly 30 days");
        TestClock.set(processed.plus(Duration.ofDays(30)).plusSeconds(1));
        retention.purgeNow();
        assertTrue(processedAt(event) == null, "deleted a second later");

        assertTrue(parkedRowExists(parked), "a parked row is never purged");
        delete(parked); // an operator's decision; other tests expect no parked row of ours
        String metrics = ManagementInterface.metrics();
        assertTrue(metrics.contains("clinic_retention_purged_rows_total{table=\"outbox_event\"}"), metrics);
        assertFalse(metrics.contains("clinic_retention_purged_rows_total{table=\"outbox_event\"} 0.0"), "counted");
    }

    private Instant publishedAt(UUID referralId) throws SQLException {
        return instant("select published_at from outbox_event where event_key = ? and event_type = 'ReferralAccepted'",
                referralId.toString());
    }

    private boolean outboxRowExists(UUID referralId) throws SQLException {
        return count("select count(*) from outbox_event where event_key = ? and event_type = 'ReferralAccepted'",
                referralId.toString()) > 0;
    }

    private Instant processedAt(UUID eventId) throws SQLException {
        return instant("select processed_at from processed_event where event_id = ?", eventId);
    }

    private boolean parkedRowExists(UUID eventId) throws SQLException {
        return count("select count(*) from outbox_event where event_id = ?", eventId) == 1;
    }

    private void insertParkedRow(UUID eventId, OffsetDateTime createdAt) throws SQLException {
        String key = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                insert into outbox_event (event_id, topic, event_key, event_type, source, subject, occurred_at, payload,
                                          created_at, attempts, last_error, parked_at)
                values (?, 'referral-events', ?, 'OutboxProbe', '/referral-service', ?, ?, cast('{}' as jsonb), ?, 1,
                        'refused for good', ?)""")) {
            insert.setObject(1, eventId);
            insert.setString(2, key);
            insert.setString(3, key);
            insert.setObject(4, createdAt);
            insert.setObject(5, createdAt);
            insert.setObject(6, createdAt);
            insert.executeUpdate();
        }
    }

    private void delete(UUID eventId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement("delete from outbox_event where event_id = ?")) {
            delete.setObject(1, eventId);
            delete.executeUpdate();
        }
    }

    private Instant instant(String sql, Object parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                OffsetDateTime time = rs.getObject(1, OffsetDateTime.class);
                return time == null ? null : time.toInstant();
            }
        }
    }

    private long count(String sql, Object parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
