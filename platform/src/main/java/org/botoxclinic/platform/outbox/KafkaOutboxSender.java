package org.botoxclinic.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.botoxclinic.platform.events.CloudEventHeaders;
import org.jboss.logging.Logger;

/**
 * The relay's side of Kafka: an idempotent producer that waits for every in-sync replica (acks=all), the
 * CloudEvents binary-mode envelope, and the service's topic. It connects with the service's Kafka settings
 * ({@code kafka.*}: bootstrap servers and the service's login), like the service's channels.
 */
final class KafkaOutboxSender implements OutboxSender {

    private static final Logger LOG = Logger.getLogger(KafkaOutboxSender.class);

    private final Map<String, Object> kafka;
    private final OutboxConfig config;
    private final KafkaProducer<String, String> producer;

    /** @param kafka the service's Kafka client settings; those a producer or an admin client knows are used. */
    KafkaOutboxSender(Map<String, Object> kafka, OutboxConfig config) {
        this.kafka = Map.copyOf(kafka);
        this.config = config;
        this.producer = new KafkaProducer<>(producerProperties());
    }

    /**
     * Sends the rows and waits for every acknowledgement; {@code flush()} returns only when each record has
     * completed (delivered, or failed at the latest after the delivery timeout), so none is left in flight.
     */
    @Override
    public List<Sent> send(List<OutboxRow> rows) {
        List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
        List<SendFailure> refusedAtOnce = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            try {
                sends.add(producer.send(record(row)));
                refusedAtOnce.add(null);
            } catch (RuntimeException e) {
                sends.add(null);
                refusedAtOnce.add(SendFailure.of(e));
            }
        }
        producer.flush();
        List<Sent> results = new ArrayList<>(rows.size());
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        for (int i = 0; i < rows.size(); i++) {
            OutboxRow row = rows.get(i);
            if (sends.get(i) == null) {
                results.add(new Sent(row, refusedAtOnce.get(i)));
                continue;
            }
            try {
                sends.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                results.add(Sent.acknowledged(row));
            } catch (ExecutionException e) {
                results.add(new Sent(row, SendFailure.of(e.getCause())));
            } catch (TimeoutException e) {
                results.add(new Sent(row, SendFailure.of(e)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                results.add(new Sent(row, SendFailure.transientFault("interrupted")));
            }
        }
        return results;
    }

    /**
     * Creates the service's topic if it does not exist, waiting no longer than a send would. Where the broker
     * enforces ACLs the operator's set-up has created it (the service may describe its topic but not create one);
     * without them, a broker that is not up yet creates it on first use, and the relay's loop must not stall behind it.
     */
    @Override
    public void ensureTopic() {
        long timeout = config.sendTimeout().toMillis();
        Properties props = new Properties();
        kafka.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                props.put(key, value);
            }
        });
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "outbox-relay-admin-" + config.source().replace('/', '-'));
        props.put("request.timeout.ms", String.valueOf(timeout));
        props.put("default.api.timeout.ms", String.valueOf(timeout));
        try (Admin admin = Admin.create(props)) {
            if (exists(admin, timeout)) {
                return;
            }
            admin.createTopics(List.of(new NewTopic(config.topic(), config.topicPartitions(), (short) -1)))
                    .all().get(timeout, TimeUnit.MILLISECONDS);
            LOG.infof("Created topic %s", config.topic());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicAuthorizationException) {
                LOG.errorf("Topic %s does not exist and this service may not create it: the broker's set-up creates it",
                        config.topic());
            } else if (!(e.getCause() instanceof TopicExistsException)) {
                LOG.warnf("Could not create topic %s (it will be created on first use): %s", config.topic(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException | RuntimeException e) {
            LOG.warnf("Could not create topic %s now (it will be created on first use): %s", config.topic(), e.toString());
        }
    }

    private boolean exists(Admin admin, long timeout) throws InterruptedException, TimeoutException {
        try {
            admin.describeTopics(List.of(config.topic())).allTopicNames().get(timeout, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            return false;
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    private static ProducerRecord<String, String> record(OutboxRow row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
        record.headers()
                .add(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_VALUE))
                .add(CloudEventHeaders.ID, bytes(row.eventId()))
                .add(CloudEventHeaders.TYPE, bytes(row.type()))
                .add(CloudEventHeaders.SOURCE, bytes(row.source()))
                .add(CloudEventHeaders.TIME, bytes(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(row.occurredAt())))
                .add(CloudEventHeaders.SUBJECT, bytes(row.subject()))
                .add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.JSON));
        return record;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** Bounded by the relay's send timeout, so a hung broker fails a batch instead of blocking the relay. */
    private Properties producerProperties() {
        Properties props = new Properties();
        kafka.forEach((key, value) -> {
            if (ProducerConfig.configNames().contains(key)) {
                props.put(key, value);
            }
        });
        props.putAll(Map.of(
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
