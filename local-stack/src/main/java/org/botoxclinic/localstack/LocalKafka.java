package org.botoxclinic.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/** A single-node KRaft Kafka broker (broker and controller in one) running inside this JVM. */
final class LocalKafka implements AutoCloseable {

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private LocalKafka(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    static LocalKafka start(Path logDirectory, int port, int controllerPort) throws Exception {
        Path logDir = logDirectory.toAbsolutePath();
        Files.createDirectories(logDir);
        Properties config = brokerConfig(logDir, port, controllerPort);
        if (!isFormatted(logDir)) {
            format(config);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        String bootstrap = "127.0.0.1:" + port;
        try {
            server.startup();
            awaitBroker(bootstrap);
        } catch (Exception | Error e) {
            server.shutdown();
            server.awaitShutdown();
            throw e;
        }
        return new LocalKafka(server, bootstrap);
    }

    static Properties brokerConfig(Path logDir, int port, int controllerPort) {
        Properties config = new Properties();
        config.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("log.dirs", logDir.toString()),
                Map.entry("num.partitions", "3"),
                Map.entry("auto.create.topics.enable", "true"),
                // One broker: the internal topics cannot have more replicas than that.
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                // The default 50 offsets partitions make the first consumer group join slow on a laptop.
                Map.entry("offsets.topic.num.partitions", "3"),
                // Services join their groups one by one at start-up; waiting for more members only delays them.
                Map.entry("group.initial.rebalance.delay.ms", "0")));
        return config;
    }

    static boolean isFormatted(Path logDir) {
        return Files.exists(logDir.resolve("meta.properties"));
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    /** Writes the cluster id and metadata bootstrap into an empty log directory, like {@code kafka-storage format}. */
    private static void format(Properties config) throws IOException {
        Path file = Files.createTempFile("clinic-kafka-", ".properties");
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            try (OutputStream out = Files.newOutputStream(file)) {
                config.store(out, "local stack broker");
            }
            // execute() reports through its return value and exceptions; main() would end the JVM.
            int status = StorageTool.execute(new String[] {"format", "--config", file.toString(), "--cluster-id",
                    Uuid.randomUuid().toString(), "--ignore-formatted"},
                    new PrintStream(output, true, StandardCharsets.UTF_8));
            if (status != 0) {
                throw new IllegalStateException("formatting the Kafka log directory failed: "
                        + output.toString(StandardCharsets.UTF_8));
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** startup() returns before the broker necessarily serves clients; a metadata round trip proves it does. */
    private static void awaitBroker(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000"))) {
            admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
        }
    }
}
