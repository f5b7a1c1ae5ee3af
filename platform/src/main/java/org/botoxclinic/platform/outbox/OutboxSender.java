package org.botoxclinic.platform.outbox;

import java.util.List;

/**
 * Where the relay hands rows over for publishing: Kafka in a service ({@link KafkaOutboxSender}), and in tests a
 * wrapper around it that refuses chosen rows, so that the relay's ordering can be proven against broker faults.
 */
interface OutboxSender extends AutoCloseable {

    /** What became of one row: acknowledged when {@code failure} is null. */
    record Sent(OutboxRow row, SendFailure failure) {

        static Sent acknowledged(OutboxRow row) {
            return new Sent(row, null);
        }

        boolean isAcknowledged() {
            return failure == null;
        }
    }

    /**
     * Sends the rows and answers only once every one of them is acknowledged or has failed, so that nothing of
     * this batch is still in flight when the relay picks the next one.
     */
    List<Sent> send(List<OutboxRow> rows);

    /** Creates the topic if it does not exist; best effort, without blocking the relay longer than a send. */
    void ensureTopic();

    @Override
    void close();
}
