package org.botoxclinic.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The parked rows of the outbox as an administrator handles them: list, retry (back in line, still ahead of its
 * referral's later events) and skip (never published; its referral's later events go out). Plain JDBC on the
 * caller's connection, so it runs in the caller's transaction beside the audit entry.
 */
final class ParkedRows {

    /** A parked row and its place in the outbox, for the list's cursor. */
    record Parked(long seq, ParkedEvent event) {
    }

    /** Where an outbox row stands, as an administrator's refusal names it. */
    enum Status { PENDING, PARKED, PUBLISHED, SKIPPED }

    /**
     * What an administrator's action did: {@code changed} the row (of referral {@code key}), or not because there is
     * no such event ({@code status} null) or it is not parked ({@code status} says what it is).
     */
    record Change(boolean changed, Status status, String key) {
    }

    private static final String PARKED = "parked_at is not null and published_at is null and skipped_at is null";

    private ParkedRows() {
    }

    static List<Parked> list(Connection connection, long afterSeq, int limit) throws SQLException {
        List<Parked> parked = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select o.seq, o.event_id, o.event_type, o.event_key, o.attempts, o.last_error, o.parked_at,
                       (select count(*) from outbox_event w
                         where w.event_key = o.event_key and w.seq > o.seq
                           and w.published_at is null and w.skipped_at is null)
                  from outbox_event o
                 where o.parked_at is not null and o.published_at is null and o.skipped_at is null and o.seq > ?
                 order by o.seq limit ?""")) {
            query.setLong(1, afterSeq);
            query.setInt(2, limit);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime parkedAt = rs.getObject(7, OffsetDateTime.class);
                    parked.add(new Parked(rs.getLong(1), new ParkedEvent(rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getInt(5), rs.getString(6),
                            parkedAt.withOffsetSameInstant(ZoneOffset.UTC), rs.getLong(8))));
                }
            }
        }
        return parked;
    }

    /** Puts a parked row back in line with fresh attempts; it is again the first of its key to go out. */
    static Change retry(Connection connection, UUID eventId) throws SQLException {
        return change(connection, eventId, "update outbox_event set parked_at = null, attempts = 0 where event_id = ? and "
                + PARKED + " returning event_key", null);
    }

    /** Marks a parked row skipped: it is never published, and its key's later rows are no longer held. */
    static Change skip(Connection connection, UUID eventId, OffsetDateTime at) throws SQLException {
        return change(connection, eventId, "update outbox_event set skipped_at = ? where event_id = ? and "
                + PARKED + " returning event_key", at);
    }

    private static Change change(Connection connection, UUID eventId, String sql, OffsetDateTime at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            int index = 1;
            if (at != null) {
                update.setObject(index++, at);
            }
            update.setObject(index, eventId);
            try (ResultSet rs = update.executeQuery()) {
                if (rs.next()) {
                    return new Change(true, Status.PARKED, rs.getString(1));
                }
            }
        }
        try (PreparedStatement query = connection.prepareStatement("""
                select case when published_at is not null then 'PUBLISHED'
                            when skipped_at is not null then 'SKIPPED'
                            else 'PENDING' end, event_key
                  from outbox_event where event_id = ?""")) {
            query.setObject(1, eventId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? new Change(false, Status.valueOf(rs.getString(1)), rs.getString(2)) : new Change(false, null, null);
            }
        }
    }
}
