package org.botoxclinic.platform.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * The outbox table as the relay sees it: the unpublished head, read and marked under a transaction-scoped
 * advisory lock so that replicas take turns, and the backlog for metrics and readiness. Plain JDBC: the relay
 * runs on its own thread, outside any request or JTA transaction.
 */
final class OutboxRows {

    /** What the relay does with the head of the outbox while it holds the lock. */
    interface HeadWork<T> {
        T apply(Head head) throws SQLException;
    }

    /** The unpublished rows at the head of the outbox, in commit order, and how to record what became of them. */
    interface Head {
        List<OutboxRow> rows();

        void markPublished(List<Long> seqs) throws SQLException;

        void recordFailure(long seq, String failure) throws SQLException;
    }

    /** How many rows wait, and since when (null when none). */
    record Backlog(long rows, Instant oldest) {
    }

    private final DataSource dataSource;

    OutboxRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs {@code work} on up to {@code limit} unpublished rows in one transaction that holds the relay lock.
     *
     * @return empty when another replica holds the lock
     */
    <T> Optional<T> withLockedHead(long lockId, int limit, HeadWork<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Optional<T> result = tryLock(connection, lockId)
                        ? Optional.of(work.apply(head(connection, select(connection, limit))))
                        : Optional.empty();
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    Backlog backlog() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select count(*), min(created_at) from outbox_event where published_at is null");
             ResultSet rs = query.executeQuery()) {
            rs.next();
            OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
            return new Backlog(rs.getLong(1), oldest == null ? null : oldest.toInstant());
        }
    }

    private static boolean tryLock(Connection connection, long lockId) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, lockId);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static List<OutboxRow> select(Connection connection, int limit) throws SQLException {
        List<OutboxRow> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select seq, event_id, topic, event_key, event_type, source, subject, occurred_at, payload::text
                  from outbox_event where published_at is null order by seq limit ?""")) {
            select.setInt(1, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new OutboxRow(rs.getLong(1), rs.getObject(2).toString(), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getObject(8, OffsetDateTime.class), rs.getString(9)));
                }
            }
        }
        return rows;
    }

    private static Head head(Connection connection, List<OutboxRow> rows) {
        return new Head() {
            @Override
            public List<OutboxRow> rows() {
                return rows;
            }

            @Override
            public void markPublished(List<Long> seqs) throws SQLException {
                if (seqs.isEmpty()) {
                    return;
                }
                try (PreparedStatement update = connection.prepareStatement(
                        "update outbox_event set published_at = now() where seq = any(?)")) {
                    Array array = connection.createArrayOf("bigint", seqs.toArray());
                    update.setArray(1, array);
                    update.executeUpdate();
                }
            }

            @Override
            public void recordFailure(long seq, String failure) throws SQLException {
                try (PreparedStatement update = connection.prepareStatement(
                        "update outbox_event set attempts = attempts + 1, last_error = ? where seq = ?")) {
                    update.setString(1, failure.length() > 1000 ? failure.substring(0, 1000) : failure);
                    update.setLong(2, seq);
                    update.executeUpdate();
                }
            }
        };
    }
}
