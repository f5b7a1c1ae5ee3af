package org.botoxclinic.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.utils.Exit;

/**
 * A real single-node KRaft Kafka broker inside the test JVM, secured as in production (SCRAM logins, ACLs, topics
 * created by the admin; {@link ClinicKafkaAccess}), or the external one named by {@code CLINIC_TEST_KAFKA_BOOTSTRAP}
 * whose admin ({@code CLINIC_TEST_KAFKA_ADMIN_USER}, default admin, and {@code CLINIC_TEST_KAFKA_ADMIN_PASSWORD})
 * gets the same users, topics and ACLs. The service users' passwords are new in every test JVM.
 */
public final class EmbeddedKafkaBroker {

    private static final String PROPERTY = "clinic.test.kafka.";
    /** A string literal: the same object for every class loader of this class. */
    private static final String JVM_LOCK = "org.botoxclinic.testkit.EmbeddedKafkaBroker";

    private static String bootstrapServers;
    private static KafkaCredentials admin;
    private static final Map<String, KafkaCredentials> SERVICE_USERS = new LinkedHashMap<>();

    private EmbeddedKafkaBroker() {
    }

    public static String bootstrapServers() {
        // Quarkus loads this class again for every test profile; the broker and its logins are kept where every
        // copy finds them (system properties, under a lock that is the same string for all), so one JVM runs one
        // broker. A second broker in the same JVM fails to start (its controller refuses the admin's login).
        synchronized (JVM_LOCK) {
            if (bootstrapServers == null) {
                String running = System.getProperty(PROPERTY + "bootstrap");
                if (running != null) {
                    admin = new KafkaCredentials(System.getProperty(PROPERTY + "admin.user"),
                            System.getProperty(PROPERTY + "admin.password"));
                    for (ClinicKafkaAccess.ServiceAccess service : ClinicKafkaAccess.SERVICES) {
                        SERVICE_USERS.put(service.service(), new KafkaCredentials(service.user(),
                                System.getProperty(PROPERTY + service.user() + ".password")));
                    }
                    bootstrapServers = running;
                    return bootstrapServers;
                }
                for (ClinicKafkaAccess.ServiceAccess service : ClinicKafkaAccess.SERVICES) {
                    SERVICE_USERS.put(service.service(), KafkaCredentials.generate(service.user()));
                }
                String external = System.getenv("CLINIC_TEST_KAFKA_BOOTSTRAP");
                if (external != null && !external.isBlank()) {
                    admin = new KafkaCredentials(System.getenv().getOrDefault("CLINIC_TEST_KAFKA_ADMIN_USER",
                            ClinicKafkaAccess.ADMIN), System.getenv("CLINIC_TEST_KAFKA_ADMIN_PASSWORD"));
                    provisionExternal(external);
                    bootstrapServers = external;
                } else {
                    admin = KafkaCredentials.generate(ClinicKafkaAccess.ADMIN);
                    bootstrapServers = start();
                }
                System.setProperty(PROPERTY + "admin.user", admin.username());
                System.setProperty(PROPERTY + "admin.password", admin.password());
                SERVICE_USERS.values().forEach(c -> System.setProperty(PROPERTY + c.username() + ".password", c.password()));
                System.setProperty(PROPERTY + "bootstrap", bootstrapServers);
            }
            return bootstrapServers;
        }
    }

    /** The broker's super user: for tests that publish as any service, read any topic, or administer. */
    public static KafkaCredentials admin() {
        bootstrapServers();
        return admin;
    }

    /** The login of one service by its application name (e.g. {@code insurance-service}), with only its rights. */
    public static KafkaCredentials service(String applicationName) {
        bootstrapServers();
        KafkaCredentials credentials = SERVICE_USERS.get(applicationName);
        if (credentials == null) {
            throw new IllegalArgumentException("no Kafka user for service " + applicationName);
        }
        return credentials;
    }

    /**
     * The environment a packaged service needs to reach the test broker as itself, the same variables the launcher
     * and compose set: {@code KAFKA_BOOTSTRAP_SERVERS}, {@code KAFKA_USERNAME}, {@code KAFKA_PASSWORD}.
     */
    public static Map<String, String> serviceEnvironment(String applicationName) {
        KafkaCredentials credentials = service(applicationName);
        return Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers(),
                "KAFKA_USERNAME", credentials.username(),
                "KAFKA_PASSWORD", credentials.password());
    }

    /** Client settings (bootstrap and login) for a client of the test broker that logs in as {@code who}. */
    public static Map<String, Object> clientConfig(KafkaCredentials who) {
        return who.clientConfig(bootstrapServers());
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
            SecuredKafkaBroker broker = SecuredKafkaBroker.start(baseDirectory().resolve("log"), freePort(), freePort(),
                    admin, SERVICE_USERS.values(), ClinicKafkaAccess.DEFAULT_DEAD_LETTER_RETENTION);
            // No shutdown at JVM exit: the broker lives in this JVM and dies with it. Stopping it (or deleting its
            // files) while the JVM exits can make it halt the JVM with a failure code and fail a green run.
            return broker.bootstrapServers();
        } catch (Exception e) {
            throw new IllegalStateException("could not start the embedded Kafka broker", e);
        }
    }

    private static void provisionExternal(String bootstrap) {
        try (Admin client = Admin.create(SecuredKafkaBroker.adminConfig(bootstrap, admin))) {
            ClinicKafkaAccess.provision(client, SERVICE_USERS.values(), ClinicKafkaAccess.DEFAULT_DEAD_LETTER_RETENTION);
        } catch (Exception e) {
            throw new IllegalStateException("could not provision users, topics and ACLs on the external Kafka broker", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
