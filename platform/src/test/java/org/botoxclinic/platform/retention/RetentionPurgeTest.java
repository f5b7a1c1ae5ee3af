package org.botoxclinic.platform.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.botoxclinic.testkit.EmbeddedPostgresServer;
import org.botoxclinic.testkit.MutableClock;
import org.botoxclinic.testkit.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The purge on a real database with the platform's tables, on a test clock: rows one second either side of each
 * retention boundary, rows that are not done (pending, parked, skipped) however old, and batches; dead letters
 * (replayed: deleted; still parked: payload erased, row kept) and skipped outbox rows (payload erased).
 */
class RetentionPurgeTest {

    private static final Duration OUTBOX = Duration.ofDays(7);
    private static final Duration PROCESSED = Duration.ofDays(30);
    private static final Duration RESOLVED = Duration.ofDays(7);
    private static final Duration UNRESOLVED = Duration.ofDays(30);
    private static final Duration SKIPPED = Duration.ofDays(30);

    private PGSimpleDataSource dataSource;
    private MutableClock clock;
    private SimpleMeterRegistry meters;
    private RetentionJob job;

    @BeforeEach
    void freshDatabase() throws SQLException, IOException {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.get();
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl(postgres.createDatabase("retention"));
        dataSource.setUser(postgres.user());
        dataSource.setPassword(postgres.password());
        for (String migration : List.of("V0_1__messaging.sql", "V0_3__dead_letters.sql", "V0_4__outbox_parking.sql",
                "V0_6__retention.sql", "V0_8__dead_letter_retention.sql")) {
            try (InputStream sql = getClass().getResourceAsStream("/db/platform/" + migration);
                 Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                st.execute(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        clock = new MutableClock(TestClock.START, TestClock.ZONE);
        meters = new SimpleMeterRegistry();
        job = job(2);
    }

    private RetentionJob job(int batchSize) {
        return new RetentionJob(dataSource, config(batchSize), clock, meters);
    }

    @Test
    void shouldDeleteAPublishedRowOnlyOnceItsRetentionHasPassed() throws SQLException {
        Instant now = clock.instant();
        UUID justInside = outboxRow(now.minus(OUTBOX).plusSeconds(1), false, false);
        UUID atTheBoundary = outboxRow(now.minus(OUTBOX), false, false);
        UUID justOutside = outboxRow(now.minus(OUTBOX).minusSeconds(1), false, false);

        assertEquals(purged(1, 0, 0, 0, 0), job.purgeNow());
        assertEquals(Set.of(justInside, atTheBoundary), outboxIds());

        clock.advance(Duration.ofSeconds(2));
        assertEquals(purged(2, 0, 0, 0, 0), job.purgeNow());
        assertEquals(Set.of(), outboxIds());
        assertEquals(3.0, meters.get("clinic.retention.purged.rows").tag("table", "outbox_event").counter().count());
    }

    @Test
    void shouldNeverDeleteARowThatIsNotPublishedHoweverOld() throws SQLException {
        Instant longAgo = clock.instant().minus(Duration.ofDays(3650));
        UUID pending = outboxRow(null, false, false);
        UUID parked = outboxRow(null, true, false);
        UUID skipped = outboxRow(null, false, true);
        backdateCreation(longAgo);

        clock.advance(Duration.ofDays(3650));
        // The skipped row loses its payload (see below), not its row.
        assertEquals(purged(0, 0, 0, 0, 1), job.purgeNow());
        assertEquals(Set.of(pending, parked, skipped), outboxIds());
    }

    @Test
    void shouldDeleteAProcessedEventOnlyOnceItsRetentionHasPassed() throws SQLException {
        Instant now = clock.instant();
        UUID justInside = processedEvent(now.minus(PROCESSED).plusSeconds(1));
        UUID justOutside = processedEvent(now.minus(PROCESSED).minusSeconds(1));

        assertEquals(purged(0, 1, 0, 0, 0), job.purgeNow());
        assertEquals(Set.of(justInside), processedIds());

        clock.advance(Duration.ofSeconds(2));
        assertEquals(purged(0, 1, 0, 0, 0), job.purgeNow());
        assertEquals(Set.of(), processedIds());
        assertEquals(2.0, meters.get("clinic.retention.purged.rows").tag("table", "processed_event").counter().count());
    }

    @Test
    void shouldDeleteEverythingPastRetentionInBatches() throws SQLException {
        Instant old = clock.instant().minus(Duration.ofDays(100));
        for (int i = 0; i < 5; i++) {
            outboxRow(old.plusSeconds(i), false, false);
            processedEvent(old.plusSeconds(i));
        }
        UUID fresh = outboxRow(clock.instant(), false, false);

        // Batches of two: 2 + 2 + 1 rows per table in one run.
        assertEquals(purged(5, 5, 0, 0, 0), job.purgeNow());
        assertEquals(Set.of(fresh), outboxIds());
        assertEquals(Set.of(), processedIds());
    }

    @Test
    void shouldDeleteAReplayedDeadLetterOnlyOnceItsRetentionAfterTheReplayHasPassed() throws SQLException {
        Instant now = clock.instant();
        Instant longAgo = now.minus(Duration.ofDays(365));
        UUID justInside = deadLetter(longAgo, now.minus(RESOLVED).plusSeconds(1));
        UUID atTheBoundary = deadLetter(longAgo, now.minus(RESOLVED));
        UUID justOutside = deadLetter(longAgo, now.minus(RESOLVED).minusSeconds(1));

        assertEquals(purged(0, 0, 1, 0, 0), job.purgeNow());
        assertEquals(Set.of(justInside, atTheBoundary), deadLetterIds());

        clock.advance(Duration.ofSeconds(2));
        assertEquals(purged(0, 0, 2, 0, 0), job.purgeNow());
        assertEquals(Set.of(), deadLetterIds());
        assertEquals(3.0, meters.get("clinic.retention.purged.rows").tag("table", "dead_letter").counter().count());
    }

    @Test
    void shouldEraseTheDeadLetterPayloadOfAnEventStillParkedPastTheWindowToReplayAndKeepTheRow() throws SQLException {
        Instant now = clock.instant();
        UUID justInside = deadLetter(now.minus(UNRESOLVED).plusSeconds(1), null);
        UUID atTheBoundary = deadLetter(now.minus(UNRESOLVED), null);
        UUID justOutside = deadLetter(now.minus(UNRESOLVED).minusSeconds(1), null);
        // Replayed a day ago after a year parked: the replayed rule applies, not this one.
        UUID replayed = deadLetter(now.minus(Duration.ofDays(365)), now.minus(Duration.ofDays(1)));

        assertEquals(purged(0, 0, 0, 1, 0), job.purgeNow());
        assertEquals(Set.of(justInside, atTheBoundary, justOutside, replayed), deadLetterIds(), "every row is kept");
        assertEquals(Set.of(justOutside), erasedDeadLetterIds());
        assertEquals(utc(now), erasedAt(justOutside));
        assertEquals(Set.of(justInside, atTheBoundary, replayed), ids("select event_id from dead_letter where payload is not null"));

        clock.advance(Duration.ofSeconds(2));
        assertEquals(purged(0, 0, 0, 2, 0), job.purgeNow());
        assertEquals(Set.of(justInside, atTheBoundary, justOutside), erasedDeadLetterIds());
        assertEquals(utc(now), erasedAt(justOutside), "erased once, when it happened");
        assertEquals(Set.of(replayed), ids("select event_id from dead_letter where payload is not null"));
        assertEquals(Set.of(justInside, atTheBoundary, justOutside),
                ids("select event_id from dead_letter where event_type = 'Probe' and reason = 'refused' and replayed_at is null"),
                "ids, type, reason and times stay for the operator");
        assertEquals(3.0, meters.get("clinic.retention.purged.rows").tag("table", "dead_letter_payload").counter().count());
    }

    @Test
    void shouldEraseTheSkippedOutboxPayloadOnlyOnceItsRetentionAfterTheSkipHasPassedAndNeverAPendingOrParkedOne()
            throws SQLException {
        Instant now = clock.instant();
        UUID justInside = skippedRow(now.minus(SKIPPED).plusSeconds(1));
        UUID atTheBoundary = skippedRow(now.minus(SKIPPED));
        UUID justOutside = skippedRow(now.minus(SKIPPED).minusSeconds(1));
        UUID pending = outboxRow(null, false, false);
        UUID parked = outboxRow(null, true, false);
        backdateCreation(now.minus(Duration.ofDays(3650)));

        assertEquals(purged(0, 0, 0, 0, 1), job.purgeNow());
        assertEquals(Set.of(justOutside), ids("select event_id from outbox_event where payload is null"));

        clock.advance(Duration.ofDays(3650));
        assertEquals(purged(0, 0, 0, 0, 2), job.purgeNow());
        assertEquals(Set.of(justInside, atTheBoundary, justOutside), ids("select event_id from outbox_event where payload is null"));
        assertEquals(Set.of(justInside, atTheBoundary, justOutside, pending, parked), outboxIds(), "no row deleted");
        assertEquals(3.0, meters.get("clinic.retention.purged.rows").tag("table", "outbox_event_payload").counter().count());
    }

    private static RetentionJob.Purged purged(long outbox, long processed, long deadLetters, long deadLetterPayloads,
                                              long skippedPayloads) {
        return new RetentionJob.Purged(outbox, processed, deadLetters, deadLetterPayloads, skippedPayloads);
    }

    /** A dead letter last attempted at {@code lastAttemptAt}, replayed at {@code replayedAt} (null: still parked). */
    private UUID deadLetter(Instant lastAttemptAt, Instant replayedAt) throws SQLException {
        UUID eventId = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                insert into dead_letter (consumer, event_id, topic, record_partition, record_offset, event_key, event_type,
                                         source, subject, event_time, payload, reason, first_attempt_at, last_attempt_at,
                                         attempts, replayed_at)
                values ('retention-test', ?, 'retention-test', 0, 0, 'k', 'Probe', '/retention-test', 'k', ?,
                        '{"firstName":"Quillonia"}', 'refused', ?, ?, 1, ?)""")) {
            insert.setObject(1, eventId);
            insert.setObject(2, utc(lastAttemptAt));
            insert.setObject(3, utc(lastAttemptAt));
            insert.setObject(4, utc(lastAttemptAt));
            insert.setObject(5, replayedAt == null ? null : utc(replayedAt));
            insert.executeUpdate();
        }
        return eventId;
    }

    private UUID skippedRow(Instant skippedAt) throws SQLException {
        UUID eventId = outboxRow(null, true, true);
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                "update outbox_event set skipped_at = ? where event_id = ?")) {
            update.setObject(1, utc(skippedAt));
            update.setObject(2, eventId);
            update.executeUpdate();
        }
        return eventId;
    }

    private Set<UUID> deadLetterIds() throws SQLException {
        return ids("select event_id from dead_letter");
    }

    private Set<UUID> erasedDeadLetterIds() throws SQLException {
        return ids("select event_id from dead_letter where payload is null and payload_erased_at is not null");
    }

    private OffsetDateTime erasedAt(UUID eventId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(
                "select payload_erased_at from dead_letter where event_id = ?")) {
            query.setObject(1, eventId);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getObject(1, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC);
            }
        }
    }

    private UUID outboxRow(Instant publishedAt, boolean parked, boolean skipped) throws SQLException {
        UUID eventId = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                insert into outbox_event (event_id, topic, event_key, event_type, source, subject, occurred_at, payload,
                                          published_at, parked_at, skipped_at)
                values (?, 'retention-test', 'k', 'Probe', '/retention-test', 'k', ?, '{"firstName":"Quillonia"}', ?, ?, ?)""")) {
            OffsetDateTime now = utc(clock.instant());
            insert.setObject(1, eventId);
            insert.setObject(2, now);
            insert.setObject(3, publishedAt == null ? null : utc(publishedAt));
            insert.setObject(4, parked ? now : null);
            insert.setObject(5, skipped ? now : null);
            insert.executeUpdate();
        }
        return eventId;
    }

    private void backdateCreation(Instant createdAt) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                "update outbox_event set created_at = ?, occurred_at = ?")) {
            update.setObject(1, utc(createdAt));
            update.setObject(2, utc(createdAt));
            update.executeUpdate();
        }
    }

    private UUID processedEvent(Instant processedAt) throws SQLException {
        UUID eventId = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                insert into processed_event (consumer, event_id, event_type, topic, processed_at)
                values ('retention-test', ?, 'Probe', 'retention-test', ?)""")) {
            insert.setObject(1, eventId);
            insert.setObject(2, utc(processedAt));
            insert.executeUpdate();
        }
        return eventId;
    }

    private Set<UUID> outboxIds() throws SQLException {
        return ids("select event_id from outbox_event");
    }

    private Set<UUID> processedIds() throws SQLException {
        return ids("select event_id from processed_event");
    }

    private Set<UUID> ids(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            Set<UUID> ids = new java.util.HashSet<>();
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
            return ids;
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static RetentionConfig config(int batchSize) {
        return new RetentionConfig() {
            public Duration outboxPublished() { return OUTBOX; }
            public Duration processedEvents() { return PROCESSED; }
            public Duration processedEventsFloor() { return Duration.ofDays(14); }
            public String every() { return "1h"; }
            public String firstAfter() { return "1m"; }
            public Duration deadLettersResolved() { return RESOLVED; }
            public Duration deadLettersUnresolved() { return UNRESOLVED; }
            public Duration outboxSkipped() { return SKIPPED; }
            public int batchSize() { return batchSize; }
        };
    }
}
