package org.botoxclinic.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.botoxclinic.testkit.KafkaCredentials;
import org.botoxclinic.testkit.KafkaProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaTest {

    @TempDir
    Path home;

    @Test
    void formatsOnceKeepsRecordsAndLoginsAcrossRestarts() throws Exception {
        Path logDir = home.resolve("kafka");
        Path usersFile = home.resolve(KafkaUsers.FILE);
        int port = FreePort.next();
        int controllerPort = FreePort.next();
        KafkaUsers users = KafkaUsers.loadOrCreate(usersFile);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(usersFile)));
        KafkaCredentials referral = users.services().get(0);
        assertEquals("referral", referral.username());

        try (LocalKafka kafka = LocalKafka.start(logDir, users, port, controllerPort, Duration.ofDays(14))) {
            KafkaProbe.send(referral.clientConfig(kafka.bootstrapServers()), "referral-events", "r-1", "{\"n\":1}",
                    Map.of("ce_type", "Test"));
        }
        assertTrue(LocalKafka.isFormatted(logDir));

        // The second start reads the same logins; a changed retention reaches the dead-letter topics made before.
        KafkaUsers again = KafkaUsers.loadOrCreate(usersFile);
        assertEquals(users, again);
        try (LocalKafka kafka = LocalKafka.start(logDir, again, port, controllerPort, Duration.ofDays(3));
             KafkaProbe probe = new KafkaProbe(again.admin().clientConfig(kafka.bootstrapServers()), "referral-events")) {
            ConsumerRecord<String, String> record = probe.await(r -> "r-1".equals(r.key()), Duration.ofSeconds(30));
            assertEquals("{\"n\":1}", record.value());
            try (Admin admin = Admin.create(again.admin().clientConfig(kafka.bootstrapServers()))) {
                String dlq = "insurance-service.referral-events.dlq";
                Config config = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, dlq)))
                        .all().get(30, TimeUnit.SECONDS).values().iterator().next();
                assertEquals(String.valueOf(Duration.ofDays(3).toMillis()), config.get("retention.ms").value());
                assertEquals(3, admin.describeTopics(List.of("referral-events")).allTopicNames().get(30, TimeUnit.SECONDS)
                        .get("referral-events").partitions().size(), "created by the admin with three partitions");
            }
            KafkaCredentials insurance = again.services().get(1);
            ExecutionException refused = assertThrows(ExecutionException.class, () -> KafkaProbe.sendOrFail(
                    insurance.clientConfig(kafka.bootstrapServers()), "referral-events", "r-2", "{}", Map.of(),
                    Duration.ofSeconds(10)));
            assertInstanceOf(TopicAuthorizationException.class, refused.getCause());
        }
    }

    @Test
    void deadLetterRetentionIsDaysOrAnIsoDuration() {
        assertEquals(Duration.ofDays(14), InfraCommand.deadLetterRetention(Map.of()));
        assertEquals(Duration.ofDays(7), InfraCommand.deadLetterRetention(Map.of("CLINIC_KAFKA_DLQ_RETENTION", "7")));
        assertEquals(Duration.ofHours(36), InfraCommand.deadLetterRetention(Map.of("CLINIC_KAFKA_DLQ_RETENTION", "PT36H")));
        assertThrows(IllegalArgumentException.class,
                () -> InfraCommand.deadLetterRetention(Map.of("CLINIC_KAFKA_DLQ_RETENTION", "0")));
    }
}
