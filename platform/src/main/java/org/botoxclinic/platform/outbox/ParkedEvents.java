package org.botoxclinic.platform.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.botoxclinic.platform.transaction.AfterCommit;
import org.botoxclinic.platform.audit.AuditTrail;
import org.botoxclinic.platform.domain.IllegalTransitionException;
import org.botoxclinic.platform.domain.NotFoundException;
import org.botoxclinic.platform.paging.Cursor;
import org.botoxclinic.platform.paging.Page;
import org.botoxclinic.platform.time.Timestamps;

/**
 * An administrator's handling of events the broker refused for good: list them, put one back in line (it goes out
 * before its referral's later events), or skip it for good (its referral's later events go out). Each action is
 * audited in the same transaction and nudges the relay once committed.
 */
@ApplicationScoped
public class ParkedEvents {

    private static final String LIST = "outbox-parked";
    private static final String RESOURCE = "outbox-event";

    private final DataSource dataSource;
    private final AuditTrail audit;
    private final Clock clock;
    private final OutboxRelay relay;
    private final TransactionSynchronizationRegistry transactions;

    public ParkedEvents(DataSource dataSource, AuditTrail audit, Clock clock, OutboxRelay relay,
                        TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.clock = clock;
        this.relay = relay;
        this.transactions = transactions;
    }

    /** Parked events, oldest first. */
    @Transactional
    public Page<ParkedEvent> list(String cursor, int limit) {
        long afterSeq = cursor == null ? 0 : Cursor.decode(cursor, LIST, 1).number(0);
        try (Connection connection = dataSource.getConnection()) {
            List<ParkedRows.Parked> parked = ParkedRows.list(connection, afterSeq, limit + 1);
            return Page.of(parked, limit, row -> Cursor.of(LIST, row.seq())).map(ParkedRows.Parked::event);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the parked outbox events", e);
        }
    }

    /** Puts a parked event back in line; it is published again before its referral's later events. */
    @Transactional
    public void retry(UUID eventId) {
        settle(eventId, "RETRY", "retried", connection -> ParkedRows.retry(connection, eventId));
    }

    /** Gives up on a parked event: it is never published, and its referral's later events go out. */
    @Transactional
    public void skip(UUID eventId) {
        settle(eventId, "SKIP", "skipped", connection -> ParkedRows.skip(connection, eventId, Timestamps.now(clock)));
    }

    private interface RowChange {
        ParkedRows.Change apply(Connection connection) throws SQLException;
    }

    private void settle(UUID eventId, String action, String done, RowChange change) {
        ParkedRows.Change result;
        try (Connection connection = dataSource.getConnection()) {
            result = change.apply(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot change outbox event " + eventId, e);
        }
        if (result.status() == null) {
            throw new NotFoundException("outbox event", eventId);
        }
        if (!result.changed()) {
            throw new IllegalTransitionException("outbox event", result.status(), done);
        }
        audit.record(action, RESOURCE, eventId, referralId(result.key()));
        AfterCommit.run(transactions, relay::nudge);
    }

    /** The Kafka key is the referral id; an event keyed otherwise is audited without one. */
    private static UUID referralId(String key) {
        try {
            return key == null ? null : UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
