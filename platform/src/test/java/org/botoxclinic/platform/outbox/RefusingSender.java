package org.botoxclinic.platform.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A Kafka sender with a broker fault in the middle of a batch: rows the rule names fail with its error, the rest of
 * the same batch goes to the real broker, and the results come back in the batch's order.
 */
class RefusingSender implements OutboxSender {

    private final OutboxSender broker;
    private final Function<OutboxRow, Throwable> refusal;

    /** {@code refusal} answers the error a row fails with on this attempt, or null to let it through. */
    RefusingSender(OutboxSender broker, Function<OutboxRow, Throwable> refusal) {
        this.broker = broker;
        this.refusal = refusal;
    }

    @Override
    public List<Sent> send(List<OutboxRow> rows) {
        List<Throwable> errors = new ArrayList<>(rows.size());
        List<OutboxRow> through = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            Throwable error = refusal.apply(row);
            errors.add(error);
            if (error == null) {
                through.add(row);
            }
        }
        List<Sent> delivered = broker.send(through);
        List<Sent> results = new ArrayList<>(rows.size());
        int next = 0;
        for (int i = 0; i < rows.size(); i++) {
            results.add(errors.get(i) == null ? delivered.get(next++) : new Sent(rows.get(i), SendFailure.of(errors.get(i))));
        }
        return results;
    }

    @Override
    public void ensureTopic() {
        broker.ensureTopic();
    }

    @Override
    public void close() {
        broker.close();
    }
}
