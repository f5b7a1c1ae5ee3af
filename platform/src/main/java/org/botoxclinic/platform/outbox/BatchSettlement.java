package org.botoxclinic.platform.outbox;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

/**
 * Records what became of each row of a batch, in the transaction that holds the relay lock: an acknowledged row is
 * marked published; a failed row stays its key's next row (so nothing of that key overtakes it) with its attempt
 * counted, and is parked if it will never go out as it is. Ids only in the log, never a payload.
 */
final class BatchSettlement {

    private static final Logger LOG = Logger.getLogger(BatchSettlement.class);

    /**
     * @param retryLater   a row failed transiently and none went out: the relay backs off before the next batch (while
     *                     other rows go out, the failed one is simply its key's next row in the next batch)
     * @param renewSender  a row failed unexpectedly: the producer may be broken for good and is replaced
     * @param lastFailure  the last failure's message, null when every row was acknowledged
     */
    record Outcome(boolean retryLater, boolean renewSender, String lastFailure) {
    }

    private BatchSettlement() {
    }

    static Outcome settle(OutboxRows.Head head, List<OutboxSender.Sent> results, int parkAfterAttempts) throws SQLException {
        List<Long> published = new ArrayList<>(results.size());
        boolean retryLater = false;
        boolean renewSender = false;
        String lastFailure = null;
        for (OutboxSender.Sent sent : results) {
            if (sent.isAcknowledged()) {
                published.add(sent.row().seq());
                continue;
            }
            OutboxRow row = sent.row();
            SendFailure why = sent.failure();
            lastFailure = why.message();
            boolean parked = head.recordFailure(row.seq(), why.message(), why.kind() == SendFailure.Kind.REFUSED,
                    why.isTransient() ? Integer.MAX_VALUE : parkAfterAttempts);
            renewSender |= why.kind() == SendFailure.Kind.UNEXPECTED;
            if (parked) {
                LOG.errorf("Outbox relay: event %s (%s) of referral %s parked; its referral's later events wait for an "
                        + "administrator: %s", row.eventId(), row.type(), row.key(), why.message());
            } else {
                retryLater = true;
                LOG.warnf("Outbox relay: event %s (%s) of referral %s not acknowledged, will retry: %s",
                        row.eventId(), row.type(), row.key(), why.message());
            }
        }
        head.markPublished(published);
        return new Outcome(retryLater && published.isEmpty(), renewSender, lastFailure);
    }
}
