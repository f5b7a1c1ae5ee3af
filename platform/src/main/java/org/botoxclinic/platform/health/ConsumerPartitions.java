package org.botoxclinic.platform.health;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;

/**
 * Which consumed topics have joined their consumer group (a first assignment, possibly of no partition when
 * another replica holds them all) and how many partitions each holds now: the service has not started until
 * every consumer has joined, or the first events would wait for a rebalance. Every Kafka channel uses it
 * (connector attribute {@code consumer-rebalance-listener.name}).
 */
@ApplicationScoped
@Identifier(ConsumerPartitions.NAME)
@Default
public class ConsumerPartitions implements KafkaConsumerRebalanceListener {

    public static final String NAME = "clinic-consumer-partitions";
    private static final String INCOMING = "mp.messaging.incoming.";

    private final Set<String> expected = new TreeSet<>();
    private final Set<String> joined = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<Integer>> held = new ConcurrentHashMap<>();

    public ConsumerPartitions(Config config, MeterRegistry meters) {
        for (String property : config.getPropertyNames()) {
            if (property.startsWith(INCOMING)) {
                String channel = property.substring(INCOMING.length()).split("\\.", 2)[0];
                String connector = config.getOptionalValue(INCOMING + channel + ".connector", String.class)
                        .orElse("smallrye-kafka");
                if ("smallrye-kafka".equals(connector)) {
                    expected.addAll(topicsOf(config, channel));
                }
            }
        }
        for (String topic : expected) {
            Gauge.builder("clinic.kafka.consumer.assigned.partitions", this, self -> self.held(topic))
                    .tag("topic", topic).register(meters);
        }
    }

    /**
     * The topics a Kafka channel reads, as the connector takes them: its {@code topics} list, else its {@code topic},
     * else the channel's own name.
     */
    public static Set<String> topicsOf(Config config, String channel) {
        Set<String> topics = new TreeSet<>();
        config.getOptionalValue(INCOMING + channel + ".topics", String.class).ifPresentOrElse(
                list -> Arrays.stream(list.split(",")).map(String::trim).filter(t -> !t.isEmpty()).forEach(topics::add),
                () -> topics.add(config.getOptionalValue(INCOMING + channel + ".topic", String.class).orElse(channel)));
        return topics;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        joined.addAll(consumer.subscription());
        partitions.forEach(partition -> held.computeIfAbsent(partition.topic(), topic -> ConcurrentHashMap.newKeySet())
                .add(partition.partition()));
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        release(partitions);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        release(partitions);
    }

    /** Whether every consumed topic has had its first assignment. */
    public boolean allJoined() {
        return joined.containsAll(expected);
    }

    /** Each consumed topic with the partitions held now, or "waiting" before its first assignment. */
    public Map<String, Object> byTopic() {
        Map<String, Object> topics = new TreeMap<>();
        expected.forEach(topic -> topics.put(topic, joined.contains(topic) ? (Object) held(topic) : "waiting"));
        return topics;
    }

    private int held(String topic) {
        Set<Integer> partitions = held.get(topic);
        return partitions == null ? 0 : partitions.size();
    }

    private void release(Collection<TopicPartition> partitions) {
        partitions.forEach(partition -> {
            Set<Integer> set = held.get(partition.topic());
            if (set != null) {
                set.remove(partition.partition());
            }
        });
    }
}
