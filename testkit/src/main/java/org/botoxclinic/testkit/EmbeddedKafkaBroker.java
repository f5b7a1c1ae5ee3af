package org.botoxclinic.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node KRaft Kafka broker inside the test JVM, or the external one named by
 * {@code CLINIC_TEST_KAFKA_BOOTSTRAP}.
 */
public final class EmbeddedKafkaBroker {

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: it is a temporary directory
        }
    }

    private static String bootstrapServers;

    private EmbeddedKafkaBroker() {
    }

    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            String external = System.getenv("CLINIC_TEST_KAFKA_BOOTSTRAP");
            bootstrapServers = external != null && !external.isBlank() ? external : start();
        }
        return bootstrapServers;
    }

    private static String start() {
        try {
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("num.partitions", "3")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "3")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            // No orderly broker shutdown at JVM exit: the broker lives in this JVM and dies with it, and its
            // controlled shutdown can race the JVM's exit and turn a green run into a failed fork.
            String logDirectory = cluster.nodes().baseDirectory();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(Path.of(logDirectory)), "embedded-kafka-cleanup"));
            return cluster.bootstrapServers();
        } catch (Exception e) {
            throw new IllegalStateException("could not start the embedded Kafka broker", e);
        }
    }
}
