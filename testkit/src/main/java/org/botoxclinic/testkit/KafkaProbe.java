package org.botoxclinic.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Reads what the services published and sends raw records (duplicates, poison, forgeries) the way a broker would
 * deliver them. Given only the test broker's bootstrap servers it logs in as the broker's admin, who may read and
 * write every topic; given client settings ({@link EmbeddedKafkaBroker#clientConfig}) it logs in as whoever they name.
 */
public final class KafkaProbe implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    /** Follows the topics from their beginning, as the test broker's admin. */
    public KafkaProbe(String bootstrapServers, String... topics) {
        this(asAdmin(bootstrapServers), topics);
    }

    /** Follows the topics from their beginning, with these client settings (bootstrap servers and login). */
    public KafkaProbe(Map<String, Object> client, String... topics) {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(props);
        consumer.subscribe(List.of(topics));
    }

    /** Waits until a record matching the predicate arrives, or fails after the timeout. */
    public ConsumerRecord<String, String> await(Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : seen) {
                if (match.test(record)) {
                    return record;
                }
            }
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        throw new AssertionError("no matching record within " + timeout + "; saw " + seen.size() + " records");
    }

    public ConsumerRecord<String, String> awaitType(String ceType, String referralId, Duration timeout) {
        return await(r -> ceType.equals(header(r, "ce_type")) && referralId.equals(r.key()), timeout);
    }

    /** Every record read so far, after polling for the given time. */
    public List<ConsumerRecord<String, String>> drain(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return List.copyOf(seen);
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Sends one record as is, headers included, as the test broker's admin, and waits for the acknowledgement. */
    public static void send(String bootstrapServers, String topic, String key, String value, Map<String, String> headers) {
        send(asAdmin(bootstrapServers), topic, key, value, headers);
    }

    /** Sends one record with these client settings (bootstrap servers and login), and waits for the acknowledgement. */
    public static void send(Map<String, Object> client, String topic, String key, String value, Map<String, String> headers) {
        try {
            sendOrFail(client, topic, key, value, headers, Duration.ofSeconds(15));
        } catch (Exception e) {
            throw new IllegalStateException("could not send test record to " + topic, e);
        }
    }

    /**
     * Sends one record and waits at most {@code timeout} for the acknowledgement; the broker's refusal comes out as
     * it is (e.g. {@code ExecutionException} caused by {@code TopicAuthorizationException}), for tests of who may publish.
     */
    public static void sendOrFail(Map<String, Object> client, String topic, String key, String value,
                                  Map<String, String> headers, Duration timeout) throws Exception {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(timeout.toMillis()));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The test broker's admin on these bootstrap servers. */
    private static Map<String, Object> asAdmin(String bootstrapServers) {
        return EmbeddedKafkaBroker.admin().clientConfig(bootstrapServers);
    }

    /** Re-sends a consumed record exactly as it was, the way an at-least-once broker redelivers it. */
    public static void redeliver(String bootstrapServers, ConsumerRecord<String, String> record) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (Header h : record.headers()) {
            headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
        }
        send(bootstrapServers, record.topic(), record.key(), record.value(), headers);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
