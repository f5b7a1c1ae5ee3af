package org.botoxclinic.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.botoxclinic.testkit.KafkaProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaTest {

    @TempDir
    Path home;

    @Test
    void formatsOnceAndKeepsRecordsAcrossRestarts() throws Exception {
        Path logDir = home.resolve("kafka");
        int port = FreePort.next();
        int controllerPort = FreePort.next();

        try (LocalKafka kafka = LocalKafka.start(logDir, port, controllerPort)) {
            KafkaProbe.send(kafka.bootstrapServers(), "referral-events", "r-1", "{\"n\":1}", Map.of("ce_type", "Test"));
        }
        assertTrue(LocalKafka.isFormatted(logDir));

        try (LocalKafka kafka = LocalKafka.start(logDir, port, controllerPort);
             KafkaProbe probe = new KafkaProbe(kafka.bootstrapServers(), "referral-events")) {
            ConsumerRecord<String, String> record = probe.await(r -> "r-1".equals(r.key()), Duration.ofSeconds(30));
            assertEquals("{\"n\":1}", record.value());
            assertEquals(3, partitions(kafka.bootstrapServers(), "referral-events"), "auto-created with num.partitions");
        }
    }

    private static int partitions(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                    .partitions().size();
        }
    }
}
