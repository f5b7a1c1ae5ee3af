package org.botoxclinic.platform.inbox;

import java.util.function.BiConsumer;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import org.botoxclinic.contracts.EventTopic;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * The inbox channel's failure strategy ({@code failure-strategy=clinic-inbox}): a parked event goes to the
 * dead-letter topic of its own topic ({@code <service>.<topic>.dlq}) as with {@code dead-letter-queue}, but an event
 * the inbox was still waiting to retry when the service stopped is left unacknowledged, so its offset is not
 * committed and it is delivered again.
 */
@ApplicationScoped
@Identifier(InboxFailureStrategy.NAME)
public class InboxFailureStrategy implements KafkaFailureHandler.Factory {

    public static final String NAME = "clinic-inbox";
    private static final Logger LOG = Logger.getLogger(InboxFailureStrategy.class);

    private final KafkaFailureHandler.Factory deadLetterTopic;
    private final String service;

    public InboxFailureStrategy(@Identifier("dead-letter-queue") KafkaFailureHandler.Factory deadLetterTopic,
                                @ConfigProperty(name = "quarkus.application.name") String service) {
        this.deadLetterTopic = deadLetterTopic;
        this.service = service;
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
                return parking.handle(record, reason, toDeadLetterTopicOf(record.getTopic(), metadata));
            }

            @Override
            public void terminate() {
                parking.terminate();
            }
        };
    }

    /**
     * One channel reads several topics, so the dead-letter topic is chosen per record: the one of the record's own
     * topic for this service ({@link EventTopic#deadLetterTopicOf}), {@code <service>.<topic>.dlq}.
     */
    Metadata toDeadLetterTopicOf(String topic, Metadata metadata) {
        Metadata base = metadata == null ? Metadata.empty() : metadata;
        return EventTopic.named(topic)
                .map(contract -> base.with(OutgoingKafkaRecordMetadata.builder()
                        .withTopic(contract.deadLetterTopicOf(service)).build()))
                .orElse(base);
    }
}
