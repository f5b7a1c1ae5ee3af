package org.botoxclinic.platform.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * The outbox table as the relay sees it: the next row of each key, read and marked under a transaction-scoped
 * advisory lock so that replicas take turns, and the backlog for metrics and health. Plain JDBC: the relay runs on
 * its own thread, outside any request or JTA transaction.
 *
 * <p>A row is pending until it is published or skipped. Only the oldest pending row of a key is ever handed out, so
 * nothing of a key is in flight behind a row of the same key that the broker has not acknowledged. A parked row
 * stays the oldest pending row of its key, which holds that key's later rows back until it is retried or skipped.
 */
final class OutboxRows {

    /** What the relay does with the head of the outbox while it holds the lock. */
    interface HeadWork<T> {
        T apply(Head head) throws SQLException;
    }

    /** The oldest pending row of each key not held by a parked row, in commit order, and how to record their fate. */
    interface Head {
        List<OutboxRow> rows();

        void markPublished(List<Long> seqs) throws SQLException;

        /**
         * Counts a failed attempt and parks the row when {@code parkNow}, or when its attempts reach {@code parkAfter}.
         *
         * @return whether the row is now parked
         */
        boolean recordFailure(long seq, String failure, boolean parkNow, int parkAfter) throws SQLException;
    }

    /**
     * How many rows can go out and since when (null when none); how many are parked, and how many wait behind a
     * parked row of their key.
     */
    record Backlog(long rows, Instant oldest, long parked, long held) {
    }

    private final DataSource dataSource;
    private final Clock clock;

    OutboxRows(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Runs {@code work} on up to {@code limit} keys' next rows in one transaction that holds the relay lock.
     *
     * @return empty when another replica holds the lock
     */
    <T> Optional<T> withLockedHead(long lockId, int limit, HeadWork<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Optional<T> result = tryLock(connection, lockId)
                        ? Optional.of(work.apply(head(connection, select(connection, limit), clock)))
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
                     """
                     select count(*) filter (where not blocked),
                            min(created_at) filter (where not blocked),
                            count(*) filter (where parked_at is not null),
                            count(*) filter (where blocked and parked_at is null)
                       from (select o.created_at, o.parked_at,
                                    exists (select 1 from outbox_event p
                                             where p.event_key = o.event_key and p.parked_at is not null
                                               and p.published_at is null and p.skipped_at is null) as blocked
                               from outbox_event o
                              where o.published_at is null and o.skipped_at is null) pending""");
             ResultSet rs = query.executeQuery()) {
            rs.next();
            OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
            return new Backlog(rs.getLong(1), oldest == null ? null : oldest.toInstant(), rs.getLong(3), rs.getLong(4));
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
                with head as (select distinct on (event_key) seq, parked_at
                                from outbox_event
                               where published_at is null and skipped_at is null
                               order by event_key, seq)
                select o.seq, o.event_id, o.topic, o.event_key, o.event_type, o.source, o.subject, o.occurred_at,
                       o.payload::text
                  from head join outbox_event o on o.seq = head.seq
                 where head.parked_at is null
                 order by o.seq limit ?""")) {
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

    private static Head head(Connection connection, List<OutboxRow> rows, Clock clock) {
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
                        "update outbox_event set published_at = ? where seq = any(?)")) {
                    Array array = connection.createArrayOf("bigint", seqs.toArray());
                    // On the injected clock, like the retention that deletes the row later.
                    update.setObject(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                    update.setArray(2, array);
                    update.executeUpdate();
                }
            }

            @Override
            public boolean recordFailure(long seq, String failure, boolean parkNow, int parkAfter) throws SQLException {
                try (PreparedStatement update = connection.prepareStatement("""
                        update outbox_event
                           set attempts = attempts + 1, last_error = ?,
                               parked_at = case when ? or attempts + 1 >= ? then now() end
                         where seq = ? returning parked_at is not null""")) {
                    update.setString(1, failure.length() > 1000 ? failure.substring(0, 1000) : failure);
                    update.setBoolean(2, parkNow);
                    update.setInt(3, parkAfter);
                    update.setLong(4, seq);
                    try (ResultSet rs = update.executeQuery()) {
                        return rs.next() && rs.getBoolean(1);
                    }
                }
            }
        };
    }
}
