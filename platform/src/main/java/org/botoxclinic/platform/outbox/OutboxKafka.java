package org.botoxclinic.platform.outbox;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/** The relay's side of Kafka: its producer settings and the topics it publishes to. */
final class OutboxKafka {

    private static final Logger LOG = Logger.getLogger(OutboxKafka.class);

    private OutboxKafka() {
    }

    /** Creates the service's topics if they do not exist; a broker that is not up yet creates them on first use. */
    static void ensureTopics(String bootstrapServers, OutboxConfig config) {
        if (config.topics().isEmpty()) {
            return;
        }
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("request.timeout.ms", "10000");
        props.put("default.api.timeout.ms", "15000");
        try (Admin admin = Admin.create(props)) {
            for (String topic : config.topics()) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, config.topicPartitions(), (short) -1)))
                            .all().get(15, TimeUnit.SECONDS);
                    LOG.infof("Created topic %s", topic);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        LOG.warnf("Could not create topic %s (it will be created on first use): %s", topic, e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException | RuntimeException e) {
            LOG.warnf("Could not create topics %s now (they will be created on first use): %s", config.topics(), e.toString());
        }
    }

    /** An idempotent producer that waits for every in-sync replica (acks=all), bounded by the relay's send timeout. */
    static Properties producerProperties(String bootstrapServers, OutboxConfig config) {
        Properties props = new Properties();
        props.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5",
                ProducerConfig.LINGER_MS_CONFIG, "0",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(config.sendTimeout().toMillis()),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.min(10000, config.sendTimeout().toMillis())),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(config.sendTimeout().toMillis()),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + config.source().replace('/', '-'));
        return props;
    }
}
