package org.botoxclinic.platform.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.botoxclinic.testkit.EmbeddedKafkaBroker;
import org.botoxclinic.testkit.EmbeddedPostgresServer;
import org.botoxclinic.testkit.TestClock;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A relay's world without a service around it: a fresh database with the platform's messaging tables (from the
 * platform's own migration), the in-JVM Kafka broker, and relays built on them with chosen settings.
 */
final class RelayFixture {

    static final int PARK_AFTER_ATTEMPTS = 3;

    final DataSource dataSource;
    final String kafka = EmbeddedKafkaBroker.bootstrapServers();
    final String topic = "relay-test-" + UUID.randomUUID().toString().substring(0, 8);

    /** When the relays built from here check their topic with nothing to publish (see OutboxConfig). */
    Duration topicCheckAfter = Duration.ofSeconds(5);

    RelayFixture() throws SQLException, IOException {
        this(true);
    }

    /** With {@code createTopic} false the topic does not exist until a relay creates it. */
    RelayFixture(boolean createTopic) throws SQLException, IOException {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.get();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(postgres.createDatabase("relay"));
        ds.setUser(postgres.user());
        ds.setPassword(postgres.password());
        this.dataSource = ds;
        for (String migration : List.of("/db/platform/V0_1__messaging.sql", "/db/platform/V0_4__outbox_parking.sql",
                "/db/platform/V0_9__outbox_notify.sql")) {
            try (InputStream sql = getClass().getResourceAsStream(migration);
                 Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                st.execute(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        if (!createTopic) {
            return;
        }
        // As in a running service, the topic exists before the first event is written.
        try (OutboxSender sender = new KafkaOutboxSender(asAdmin(kafka), config(Duration.ofMillis(500), Duration.ofSeconds(15), Duration.ofSeconds(60)))) {
            sender.ensureTopic();
        }
    }

    OutboxRelay relay(String bootstrapServers, Duration pollInterval, Duration sendTimeout, Duration stuckAfter) {
        return new OutboxRelay(dataSource, config(pollInterval, sendTimeout, stuckAfter), new SimpleMeterRegistry(),
                TestClock.CLOCK, asAdmin(bootstrapServers), UnaryOperator.identity());
    }

    /** The test's topics are made up per run, so the relay logs in as the broker's admin, who may create them. */
    static Map<String, Object> asAdmin(String bootstrapServers) {
        return EmbeddedKafkaBroker.admin().clientConfig(bootstrapServers);
    }

    /** A relay on the in-JVM broker whose Kafka sender is wrapped, e.g. to refuse chosen rows. */
    OutboxRelay relay(SimpleMeterRegistry meters, Duration stuckAfter, UnaryOperator<OutboxSender> senders) {
        return new OutboxRelay(dataSource, config(Duration.ofMillis(100), Duration.ofSeconds(15), stuckAfter), meters,
                TestClock.CLOCK, asAdmin(kafka), senders);
    }

    /** A relay that listens for commits or not, with the given safety poll. */
    OutboxRelay relay(Duration pollInterval, boolean listen) {
        return new OutboxRelay(dataSource, config(pollInterval, Duration.ofSeconds(15), Duration.ofSeconds(60), listen),
                new SimpleMeterRegistry(), TestClock.CLOCK, asAdmin(kafka), UnaryOperator.identity());
    }

    OutboxConfig config(Duration pollInterval, Duration sendTimeout, Duration stuckAfter) {
        return config(pollInterval, sendTimeout, stuckAfter, true);
    }

    OutboxConfig config(Duration pollInterval, Duration sendTimeout, Duration stuckAfter, boolean listen) {
        return new OutboxConfig() {
            public boolean relayEnabled() { return true; }
            public String source() { return "/relay-test"; }
            public String topic() { return topic; }
            public int topicPartitions() { return 3; }
            public Duration topicCheckAfter() { return topicCheckAfter; }
            public int batchSize() { return 50; }
            public Duration pollInterval() { return pollInterval; }
            public boolean listen() { return listen; }
            public Duration sendTimeout() { return sendTimeout; }
            public Duration stuckAfter() { return stuckAfter; }
            public int parkAfterAttempts() { return PARK_AFTER_ATTEMPTS; }
            public long lockId() { return 7301; }
        };
    }

    /** Commits one row, as a use case's transaction would. */
    void insert(Connection connection, UUID eventId, String key, String payload) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into outbox_event (event_id, topic, event_key, event_type, source, subject, occurred_at, payload)
                values (?, ?, ?, 'RelayProbe', '/relay-test', ?, ?, cast(? as jsonb))""")) {
            insert.setObject(1, eventId);
            insert.setString(2, topic);
            insert.setString(3, key);
            insert.setString(4, key);
            insert.setObject(5, OffsetDateTime.now());
            insert.setString(6, payload);
            insert.executeUpdate();
        }
    }

    boolean isPublished(UUID eventId) throws SQLException {
        return intOf("select case when published_at is null then 0 else 1 end from outbox_event where event_id = ?", eventId) == 1;
    }

    int attempts(UUID eventId) throws SQLException {
        return intOf("select attempts from outbox_event where event_id = ?", eventId);
    }

    boolean isParked(UUID eventId) throws SQLException {
        return intOf("select case when parked_at is null then 0 else 1 end from outbox_event where event_id = ?", eventId) == 1;
    }

    /** Runs an administrator's action on a connection of its own, as the admin endpoint does in its transaction. */
    <T> T admin(AdminAction<T> action) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return action.apply(c);
        }
    }

    interface AdminAction<T> {
        T apply(Connection connection) throws SQLException;
    }

    private int intOf(String sql, UUID eventId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setObject(1, eventId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getInt(1) : -1;
            }
        }
    }
}
