package org.botoxclinic.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A single-node KRaft broker (broker and controller in one) inside this JVM, with SASL/SCRAM logins and ACLs: the
 * test broker and the local stack's. Clients log in with SCRAM-SHA-512 on {@code SASL_PLAINTEXT}; the controller
 * listener authenticates too (SASL PLAIN, the admin only), since with a PLAINTEXT controller listener and an admin
 * super user the broker never finishes starting. After start-up the admin provisions users, topics and ACLs
 * ({@link ClinicKafkaAccess}).
 */
public final class SecuredKafkaBroker implements AutoCloseable {

    private static final String PLAIN = "org.apache.kafka.common.security.plain.PlainLoginModule";

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final KafkaCredentials admin;

    private SecuredKafkaBroker(KafkaRaftServer server, String bootstrapServers, KafkaCredentials admin) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.admin = admin;
    }

    /**
     * Formats the log directory if it is new (the admin's SCRAM login goes in then, as the broker itself logs in
     * with it), starts the broker, waits until it serves, and provisions the service users, topics and ACLs.
     */
    public static SecuredKafkaBroker start(Path logDirectory, int port, int controllerPort, KafkaCredentials admin,
                                           Collection<KafkaCredentials> serviceUsers, Duration deadLetterRetention)
            throws Exception {
        Path logDir = logDirectory.toAbsolutePath();
        Files.createDirectories(logDir);
        Properties config = brokerConfig(logDir, port, controllerPort, admin);
        if (!isFormatted(logDir)) {
            format(config, admin);
        }
        // Before the broker creates its first meter: all of them then tick in one wake-up every 5 s.
        AlignedMeterTicks.install();
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        String bootstrap = "127.0.0.1:" + port;
        try {
            server.startup();
            try (Admin client = Admin.create(adminConfig(bootstrap, admin))) {
                // startup() returns before the broker necessarily serves clients; a metadata round trip proves it does.
                try {
                    client.describeCluster().nodes().get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof SaslAuthenticationException) {
                        throw new IllegalStateException("the admin cannot log in: " + logDir + " was formatted without"
                                + " this admin password (before the broker required logins, or with other logins);"
                                + " delete it (./clinic reset) to start with an empty broker", e.getCause());
                    }
                    throw e;
                }
                ClinicKafkaAccess.provision(client, serviceUsers, deadLetterRetention);
            }
        } catch (Exception | Error e) {
            server.shutdown();
            server.awaitShutdown();
            throw e;
        }
        return new SecuredKafkaBroker(server, bootstrap, admin);
    }

    public static Properties brokerConfig(Path logDir, int port, int controllerPort, KafkaCredentials admin) {
        Properties config = new Properties();
        config.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
                Map.entry("listeners", "SASL_PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + port),
                Map.entry("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT"),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "SASL_PLAINTEXT"),
                // Clients and the broker itself: SCRAM; the controller listener: PLAIN, its one user the admin.
                Map.entry("listener.name.sasl_plaintext.sasl.enabled.mechanisms", KafkaCredentials.MECHANISM),
                Map.entry("sasl.mechanism.inter.broker.protocol", KafkaCredentials.MECHANISM),
                Map.entry("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config", admin.jaasConfig()),
                Map.entry("listener.name.controller.sasl.enabled.mechanisms", "PLAIN"),
                Map.entry("sasl.mechanism.controller.protocol", "PLAIN"),
                Map.entry("listener.name.controller.plain.sasl.jaas.config", PLAIN + " required username=\""
                        + admin.username() + "\" password=\"" + admin.password() + "\" user_" + admin.username()
                        + "=\"" + admin.password() + "\";"),
                Map.entry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer"),
                Map.entry("super.users", "User:" + admin.username()),
                Map.entry("allow.everyone.if.no.acl.found", "false"),
                Map.entry("log.dirs", logDir.toString()),
                Map.entry("num.partitions", String.valueOf(ClinicKafkaAccess.PARTITIONS)),
                // Topics are the admin's to create; a typo in a topic name fails instead of creating a new topic.
                Map.entry("auto.create.topics.enable", "false"),
                // One broker: the internal topics cannot have more replicas than that.
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                // The default 50 offsets partitions make the first consumer group join slow on a laptop.
                Map.entry("offsets.topic.num.partitions", "3"),
                // A service's consumers (one per channel) share its group and join it a fraction of a second apart.
                // Without a wait the first to join gets the group to itself, and the next one's join sends the group
                // into a second rebalance that the first member hears of only with its next heartbeat (3 s); its
                // consumers were all in only 3-5.5 s after the service was ready in most starts. The group's first
                // rebalance waits for more members this long after the last join instead (KIP-134; the broker's
                // default is 3 s): one rebalance with all the service's consumers.
                Map.entry("group.initial.rebalance.delay.ms", "1000"),
                // The default 128 MB de-duplication buffer lives on the heap; compacted topics here are tiny.
                Map.entry("log.cleaner.dedupe.buffer.size", "8388608"),
                // The controller appends a no-op record to the metadata log when it has nothing else to write, every
                // 500 ms by default: the broker's largest cost at rest after serving fetches. One node needs it
                // only to show the log is alive; every 5 s is plenty.
                Map.entry("metadata.max.idle.interval.ms", "5000"),
                // Thread pools sized for one node and a handful of clients rather than a production cluster: every
                // request handler waits on its queue and every network processor on its selector with a 300 ms
                // timeout, so each idle thread wakes three times a second (the defaults, 8 handlers and 3
                // processors per listener, broker and controller alike, were the broker's main cost at rest).
                // One request handler each for the broker and the controller: a handler only turns a request into
                // its answer or parks it (a fetch waiting for records, a produce waiting for its log), so one
                // keeps up with the few hundred requests a second the stack sends; the second one cost 0.03 % of
                // a core each, at rest, on both sides.
                Map.entry("num.network.threads", "1"),
                Map.entry("num.io.threads", "1"),
                Map.entry("background.threads", "2"),
                Map.entry("group.coordinator.threads", "1"),
                Map.entry("share.coordinator.threads", "1")));
        return config;
    }

    public static boolean isFormatted(Path logDir) {
        return Files.exists(logDir.resolve("meta.properties"));
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public KafkaCredentials admin() {
        return admin;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    static Map<String, Object> adminConfig(String bootstrap, KafkaCredentials admin) {
        Map<String, Object> config = admin.clientConfig(bootstrap);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000");
        return config;
    }

    /** Writes the cluster id, the metadata bootstrap and the admin's SCRAM login, like {@code kafka-storage format}. */
    private static void format(Properties config, KafkaCredentials admin) throws IOException {
        Path file = Files.createTempFile("clinic-kafka-", ".properties");
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            try (OutputStream out = Files.newOutputStream(file)) {
                config.store(out, "clinic broker");
            }
            List<String> args = new ArrayList<>(List.of("format", "--config", file.toString(), "--cluster-id",
                    Uuid.randomUuid().toString(), "--ignore-formatted",
                    "--add-scram", KafkaCredentials.MECHANISM + "=[name=" + admin.username() + ",password="
                            + admin.password() + "]"));
            // execute() reports through its return value and exceptions; main() would end the JVM.
            int status = StorageTool.execute(args.toArray(String[]::new), new PrintStream(output, true, StandardCharsets.UTF_8));
            if (status != 0) {
                throw new IllegalStateException("formatting the Kafka log directory failed: "
                        + output.toString(StandardCharsets.UTF_8));
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
