package org.botoxclinic.systemtest;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.EmbeddedKafkaBroker;
import org.botoxclinic.testkit.EmbeddedPostgresServer;

import static org.awaitility.Awaitility.await;

/**
 * The whole system for a journey: PostgreSQL with one database per service, Kafka, the mail sink scheduling-service
 * sends its e-mail to, and the three services.
 */
final class ClinicSystem implements AutoCloseable {

    final String kafka;
    final ServiceProcess referral;
    final ServiceProcess insurance;
    final ServiceProcess scheduling;
    final MailSinkProcess mail;
    private final Map<String, String> databases;
    private final EmbeddedPostgresServer postgres;

    /** The place the clinic's messages name (CLINIC_PLACE), so that a journey can look for it in a reminder. */
    static final String PLACE = "Neurology clinic, 2nd floor, room 4";

    /** Notification planning and sending every second, so that a reminder already due goes out at once. */
    static final String NOTIFICATIONS_CHECK_EVERY = "1s";

    private ClinicSystem(String kafka, EmbeddedPostgresServer postgres, Map<String, String> databases,
                         MailSinkProcess mail, ServiceProcess referral, ServiceProcess insurance,
                         ServiceProcess scheduling) {
        this.kafka = kafka;
        this.mail = mail;
        this.postgres = postgres;
        this.databases = databases;
        this.referral = referral;
        this.insurance = insurance;
        this.scheduling = scheduling;
    }

    static ClinicSystem start() throws IOException {
        Path root = Path.of(System.getProperty("clinic.root", ".."));
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.get();
        String kafka = EmbeddedKafkaBroker.bootstrapServers();
        Path publicKey = DevTokens.publicKeyFile();
        // As in production: each service's migrations run as its database's owner, the service as its runtime login.
        Map<String, EmbeddedPostgresServer.ServiceDatabase> serviceDatabases = Map.of(
                "referral-service", postgres.createServiceDatabase("referral"),
                "insurance-service", postgres.createServiceDatabase("insurance"),
                "scheduling-service", postgres.createServiceDatabase("scheduling"));
        Map<String, String> databases = new HashMap<>();
        serviceDatabases.forEach((service, database) -> databases.put(service, database.url()));
        MailSinkProcess mail = MailSinkProcess.start(root);
        ServiceProcess[] services = new ServiceProcess[3];
        String[] modules = {"referral-service", "insurance-service", "scheduling-service"};
        for (int i = 0; i < modules.length; i++) {
            Map<String, String> env = new HashMap<>(serviceDatabases.get(modules[i]).environment());
            env.putAll(Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", kafka,
                    "CLINIC_DEV_MODE", "true",
                    "JWT_PUBLIC_KEY_LOCATION", publicKey.toString(),
                    "JWT_ISSUER", DevTokens.ISSUER,
                    "JWT_AUDIENCE", DevTokens.AUDIENCE,
                    // Webhook secrets sealed with a key of the run's own, as in production.
                    "CLINIC_WEBHOOKS_SECRET_KEY", ServiceProcess.randomWebhookKey(),
                    // The journeys submit many referrals as one partner; the limit itself is referral-service's test.
                    "CLINIC_INTAKE_RATE_LIMIT_REQUESTS", "1000000"));
            // Each service logs in to Kafka as itself, with only its own rights.
            env.putAll(EmbeddedKafkaBroker.serviceEnvironment(modules[i]));
            if ("scheduling-service".equals(modules[i])) {
                // Reminders go to the sink, planned and sent every second, naming a place of the run's own.
                env.putAll(mail.smtpEnvironment());
                env.put("CLINIC_SMTP_FROM", "reminders@clinic.example.org");
                env.put("CLINIC_NOTIFICATIONS_CHECK_EVERY", NOTIFICATIONS_CHECK_EVERY);
                env.put("CLINIC_PLACE", PLACE);
            }
            try {
                services[i] = ServiceProcess.start(root, modules[i], env);
            } catch (RuntimeException | IOException e) {
                // A service that does not start must not leave the ones before it, or the sink, running.
                for (ServiceProcess started : services) {
                    if (started != null) {
                        started.close();
                    }
                }
                mail.close();
                throw e;
            }
        }
        return new ClinicSystem(kafka, postgres, databases, mail, services[0], services[1], services[2]);
    }

    /** Counts rows in a service's own database, as an auditor would. */
    long count(String service, String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(databases.get(service), postgres.user(), postgres.password());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot query " + service, e);
        }
    }

    /** Waits until a consumer group has committed past a record, i.e. it has processed (or skipped) it. */
    void awaitConsumed(String group, ConsumerRecord<String, String> record) {
        Properties props = new Properties();
        props.putAll(EmbeddedKafkaBroker.admin().clientConfig(kafka));
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(props)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                OffsetAndMetadata committed = offsets.get(partition);
                return committed != null && committed.offset() > record.offset();
            });
        }
    }

    @Override
    public void close() {
        for (ServiceProcess service : new ServiceProcess[] {scheduling, insurance, referral}) {
            if (service != null) {
                service.close();
            }
        }
        if (mail != null) {
            mail.close();
        }
    }
}
