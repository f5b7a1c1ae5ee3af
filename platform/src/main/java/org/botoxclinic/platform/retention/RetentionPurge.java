package org.botoxclinic.platform.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

/**
 * Deletes, in batches of short transactions, the messaging rows past their retention: published outbox rows (never
 * a pending, parked or skipped one: those are not done), processed-event records and replayed dead letters; and
 * erases the payload (the event, patient data) of dead letters still parked past the operator's window and of
 * skipped outbox rows, keeping their rows. Plain JDBC, like the relay.
 *
 * <p>Each statement picks a batch in a subquery and repeats its condition on the rows it changes: a row that changed
 * meanwhile (a dead letter replayed or parked again) is judged on what it is now.
 */
final class RetentionPurge {

    private static final String PUBLISHED_OUTBOX = """
            delete from outbox_event where seq in (
                select seq from outbox_event
                 where published_at is not null and published_at < ? and parked_at is null and skipped_at is null
                 order by published_at limit ?)""";

    private static final String PROCESSED_EVENTS = """
            delete from processed_event where (consumer, event_id) in (
                select consumer, event_id from processed_event where processed_at < ? order by processed_at limit ?)""";

    private static final String RESOLVED_DEAD_LETTERS = """
            delete from dead_letter where id in (
                select id from dead_letter where replayed_at < ? order by replayed_at limit ?)
               and replayed_at < ?""";

    private static final String UNRESOLVED_DEAD_LETTER_PAYLOADS = """
            update dead_letter set payload = null, payload_erased_at = ?
             where id in (select id from dead_letter
                           where replayed_at is null and payload is not null and last_attempt_at < ?
                           order by last_attempt_at limit ?)
               and replayed_at is null and payload is not null and last_attempt_at < ?""";

    private static final String SKIPPED_OUTBOX_PAYLOADS = """
            update outbox_event set payload = null
             where seq in (select seq from outbox_event
                            where skipped_at < ? and payload is not null order by skipped_at limit ?)""";

    private final DataSource dataSource;

    RetentionPurge(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return how many published outbox rows were deleted */
    long publishedOutboxBefore(Instant cutoff, int batchSize) throws SQLException {
        return inBatches(PUBLISHED_OUTBOX, batchSize, utc(cutoff), batchSize);
    }

    /** @return how many processed-event records were deleted */
    long processedEventsBefore(Instant cutoff, int batchSize) throws SQLException {
        return inBatches(PROCESSED_EVENTS, batchSize, utc(cutoff), batchSize);
    }

    /** @return how many dead letters replayed before the cutoff were deleted */
    long resolvedDeadLettersBefore(Instant cutoff, int batchSize) throws SQLException {
        return inBatches(RESOLVED_DEAD_LETTERS, batchSize, utc(cutoff), batchSize, utc(cutoff));
    }

    /** @return how many dead letters, still parked and last attempted before the cutoff, had their payload erased now */
    long unresolvedDeadLetterPayloadsBefore(Instant cutoff, Instant now, int batchSize) throws SQLException {
        return inBatches(UNRESOLVED_DEAD_LETTER_PAYLOADS, batchSize, utc(now), utc(cutoff), batchSize, utc(cutoff));
    }

    /** @return how many outbox rows skipped before the cutoff had their payload erased */
    long skippedOutboxPayloadsBefore(Instant cutoff, int batchSize) throws SQLException {
        return inBatches(SKIPPED_OUTBOX_PAYLOADS, batchSize, utc(cutoff), batchSize);
    }

    private long inBatches(String sql, int batchSize, Object... parameters) throws SQLException {
        long changed = 0;
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            connection.setAutoCommit(true);
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            int batch;
            do {
                batch = statement.executeUpdate();
                changed += batch;
            } while (batch == batchSize);
        }
        return changed;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
