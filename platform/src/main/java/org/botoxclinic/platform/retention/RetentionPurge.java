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
 * a pending, parked or skipped one: those are not done) and processed-event records. Plain JDBC, like the relay.
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

    private final DataSource dataSource;

    RetentionPurge(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return how many published outbox rows were deleted */
    long publishedOutboxBefore(Instant cutoff, int batchSize) throws SQLException {
        return inBatches(PUBLISHED_OUTBOX, cutoff, batchSize);
    }

    /** @return how many processed-event records were deleted */
    long processedEventsBefore(Instant cutoff, int batchSize) throws SQLException {
        return inBatches(PROCESSED_EVENTS, cutoff, batchSize);
    }

    private long inBatches(String sql, Instant cutoff, int batchSize) throws SQLException {
        long deleted = 0;
        try (Connection connection = dataSource.getConnection(); PreparedStatement delete = connection.prepareStatement(sql)) {
            connection.setAutoCommit(true);
            delete.setObject(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
            delete.setInt(2, batchSize);
            int batch;
            do {
                batch = delete.executeUpdate();
                deleted += batch;
            } while (batch == batchSize);
        }
        return deleted;
    }
}
