package org.botoxclinic.localstack;

import java.nio.file.Path;
import java.time.Duration;

import org.botoxclinic.testkit.SecuredKafkaBroker;

/**
 * The local run's single-node KRaft Kafka broker (broker and controller in one) inside this JVM, with the same
 * logins, ACLs and topics as production ({@link SecuredKafkaBroker}); the logins come from {@link KafkaUsers}.
 */
final class LocalKafka implements AutoCloseable {

    private final SecuredKafkaBroker broker;

    private LocalKafka(SecuredKafkaBroker broker) {
        this.broker = broker;
    }

    static LocalKafka start(Path logDirectory, KafkaUsers users, int port, int controllerPort, Duration deadLetterRetention)
            throws Exception {
        return new LocalKafka(SecuredKafkaBroker.start(logDirectory, port, controllerPort, users.admin(),
                users.services(), deadLetterRetention));
    }

    static boolean isFormatted(Path logDir) {
        return SecuredKafkaBroker.isFormatted(logDir);
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public void close() {
        broker.close();
    }
}
