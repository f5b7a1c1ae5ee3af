package org.botoxclinic.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node KRaft Kafka broker inside the test JVM, or the external one named by
 * {@code CLINIC_TEST_KAFKA_BOOTSTRAP}.
 */
public final class EmbeddedKafkaBroker {

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

    /** Under the module's target/ when there is one, so that the build's clean removes the broker's files. */
    private static Path baseDirectory() throws IOException {
        Path target = Path.of("target");
        return Files.isDirectory(target) ? Files.createTempDirectory(target, "kafka-") : Files.createTempDirectory("kafka-");
    }

    private static String start() {
        try {
            // A broker that meets a fatal error halts its JVM; here that JVM is the test run, so it must not.
            Exit.setHaltProcedure((status, message) -> { });
            Exit.setExitProcedure((status, message) -> { });
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setBaseDirectory(baseDirectory())
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
            // No shutdown at JVM exit: the broker lives in this JVM and dies with it. Stopping it (or deleting its
            // files) while the JVM exits can make it halt the JVM with a failure code and fail a green run.
            return cluster.bootstrapServers();
        } catch (Exception e) {
            throw new IllegalStateException("could not start the embedded Kafka broker", e);
        }
    }
}
