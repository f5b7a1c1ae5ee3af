package org.botoxclinic.platform.inbox;

import java.util.function.BiConsumer;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * Every consumed channel's failure strategy ({@code failure-strategy=clinic-inbox}): a parked event goes to the
 * channel's dead-letter topic as with {@code dead-letter-queue}, but an event the inbox was still waiting to retry
 * when the service stopped is left unacknowledged, so its offset is not committed and it is delivered again.
 */
@ApplicationScoped
@Identifier(InboxFailureStrategy.NAME)
public class InboxFailureStrategy implements KafkaFailureHandler.Factory {

    public static final String NAME = "clinic-inbox";
    private static final Logger LOG = Logger.getLogger(InboxFailureStrategy.class);

    private final KafkaFailureHandler.Factory deadLetterTopic;

    public InboxFailureStrategy(@Identifier("dead-letter-queue") KafkaFailureHandler.Factory deadLetterTopic) {
        this.deadLetterTopic = deadLetterTopic;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx, KafkaConsumer<?, ?> consumer,
                                      BiConsumer<Throwable, Boolean> reportFailure) {
        KafkaFailureHandler parking = deadLetterTopic.create(config, vertx, consumer, reportFailure);
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                if (reason instanceof InboxStoppedException) {
                    LOG.infof("%s/%d@%d left unacknowledged: the service stopped before it could be applied",
                            record.getTopic(), record.getPartition(), record.getOffset());
                    return Uni.createFrom().voidItem();
                }
                return parking.handle(record, reason, metadata);
            }

            @Override
            public void terminate() {
                parking.terminate();
            }
        };
    }
}
