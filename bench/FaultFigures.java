import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The fault suite's view of the broker (bench/faults.sh), read as an auditor would:
 * {@code dead-letters <bootstrap>} prints how many records sit on the dead-letter topics (*.dlq);
 * {@code order <bootstrap> <topic> <ids-file>} reads the topic from offset 0 and prints, for the referral ids in
 * the file, "events N republished M reordered R": events published more than once (same ce_id) and referrals whose
 * ReferralCancelled sits before their ReferralAccepted;
 * {@code lag <bootstrap> <group> <topic,...>} prints how many records of those topics the group has not yet
 * committed past.
 */
public final class FaultFigures {

    private FaultFigures() {
    }

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "dead-letters" -> System.out.println(deadLetters(args[1]));
            case "order" -> System.out.println(order(args[1], args[2], Path.of(args[3])));
            case "lag" -> System.out.println(lag(args[1], args[2], List.of(args[3].split(","))));
            default -> {
                System.err.println("usage: FaultFigures dead-letters <bootstrap> | order <bootstrap> <topic> <ids-file>");
                System.exit(2);
            }
        }
    }

    /** The local broker's admin login (SASL/SCRAM), whose password faults.sh reads from the clinic home. */
    static Map<String, Object> asAdmin(String bootstrap) {
        String password = System.getenv("KAFKA_ADMIN_PASSWORD");
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("KAFKA_ADMIN_PASSWORD is not set");
        }
        return Map.of("bootstrap.servers", bootstrap, "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\""
                        + password + "\";");
    }

    static long deadLetters(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(asAdmin(bootstrap))) {
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(t -> t.endsWith(".dlq")).collect(Collectors.toSet());
            if (topics.isEmpty()) {
                return 0;
            }
            List<TopicPartition> partitions = new ArrayList<>();
            admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).forEach((topic, description) ->
                    description.partitions().forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
            long total = 0;
            var earliest = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest())))
                    .all().get(30, TimeUnit.SECONDS);
            var latest = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all().get(30, TimeUnit.SECONDS);
            for (TopicPartition partition : partitions) {
                total += latest.get(partition).offset() - earliest.get(partition).offset();
            }
            return total;
        }
    }

    static long lag(String bootstrap, String group, List<String> topics) throws Exception {
        try (Admin admin = Admin.create(asAdmin(bootstrap))) {
            List<TopicPartition> partitions = new ArrayList<>();
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            admin.describeTopics(topics.stream().filter(existing::contains).toList()).allTopicNames()
                    .get(30, TimeUnit.SECONDS).forEach((topic, description) -> description.partitions()
                            .forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
            var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
            var earliest = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest())))
                    .all().get(30, TimeUnit.SECONDS);
            var latest = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all().get(30, TimeUnit.SECONDS);
            long lag = 0;
            for (TopicPartition partition : partitions) {
                var offset = committed.get(partition);
                long position = offset == null ? earliest.get(partition).offset() : offset.offset();
                lag += latest.get(partition).offset() - position;
            }
            return lag;
        }
    }

    static String order(String bootstrap, String topic, Path idsFile) throws Exception {
        Set<String> ids = new HashSet<>(Files.readAllLines(idsFile, StandardCharsets.UTF_8));
        ids.remove("");
        Properties props = new Properties();
        props.putAll(asAdmin(bootstrap));
        props.put("group.id", "fault-figures-" + UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        props.put("enable.auto.commit", "false");
        Map<String, List<String>> typesByReferral = new HashMap<>();
        Set<String> eventIds = new HashSet<>();
        long events = 0;
        long republished = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (!ids.contains(record.key())) {
                        continue;
                    }
                    events++;
                    if (!eventIds.add(header(record, "ce_id"))) {
                        republished++;
                    }
                    typesByReferral.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(header(record, "ce_type"));
                }
            }
        }
        long reordered = typesByReferral.values().stream().filter(types -> {
            int accepted = types.indexOf("ReferralAccepted");
            int cancelled = types.indexOf("ReferralCancelled");
            return cancelled >= 0 && (accepted < 0 || cancelled < accepted);
        }).count();
        return "events " + events + " republished " + republished + " reordered " + reordered;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
