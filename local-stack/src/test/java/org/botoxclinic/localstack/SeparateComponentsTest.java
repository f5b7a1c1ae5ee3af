package org.botoxclinic.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.botoxclinic.testkit.KafkaProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL and Kafka run as separate processes, as {@code ./clinic} runs them: either one stops and starts
 * again without the other noticing, and both keep their data.
 */
class SeparateComponentsTest {

    @TempDir
    Path home;

    private final List<Process> started = new ArrayList<>();
    private long postmaster;

    @AfterEach
    void stopEverything() throws Exception {
        for (Process process : started) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        stopPostgres();
    }

    @Test
    void eitherServerStopsAndStartsAloneAndKeepsItsData() throws Exception {
        int pgPort = FreePort.next();
        int kafkaPort = FreePort.next();
        int controllerPort = FreePort.next();
        String bootstrap = "127.0.0.1:" + kafkaPort;

        Process postgresStart = launch("postgres", "postgres", String.valueOf(pgPort));
        assertEquals(0, exitOf(postgresStart), "the start command returns once PostgreSQL is ready:\n" + log("postgres"));
        postmaster = postmasterPid();
        assertTrue(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false),
                "PostgreSQL keeps running after its start command exits");
        Process kafka = launch("kafka", "kafka", String.valueOf(kafkaPort), String.valueOf(controllerPort));
        awaitReady("kafka", kafka);
        sql(pgPort, "create table kept (note text)", "insert into kept values ('still here')");
        // The logins the broker made on its first start, kept in the clinic home (as ./clinic reads them).
        KafkaUsers users = KafkaUsers.loadOrCreate(home.resolve("state").resolve("data").resolve(KafkaUsers.FILE));
        KafkaProbe.send(users.services().get(0).clientConfig(bootstrap), "referral-events", "r-1", "{\"n\":1}",
                Map.of("ce_type", "Test"));

        // Kafka stops on its own (SIGTERM, as ./clinic stop kafka sends): the database does not notice.
        kafka.destroy();
        assertTrue(kafka.waitFor(60, TimeUnit.SECONDS), "Kafka stops on SIGTERM");
        assertEquals("still here", note(pgPort));

        // PostgreSQL stops on its own: Kafka, started again, serves the record it had.
        Process kafkaAgain = launch("kafka-again", "kafka", String.valueOf(kafkaPort), String.valueOf(controllerPort));
        awaitReady("kafka-again", kafkaAgain);
        stopPostgres();
        try (KafkaProbe probe = new KafkaProbe(users.admin().clientConfig(bootstrap), "referral-events")) {
            ConsumerRecord<String, String> record = probe.await(r -> "r-1".equals(r.key()), Duration.ofSeconds(30));
            assertEquals("{\"n\":1}", record.value());
        }

        Process postgresAgain = launch("postgres-again", "postgres", String.valueOf(pgPort));
        assertEquals(0, exitOf(postgresAgain), log("postgres-again"));
        postmaster = postmasterPid();
        assertEquals("still here", note(pgPort), "the data survives a stop and start");
        assertTrue(kafkaAgain.isAlive(), "Kafka kept running while PostgreSQL restarted");
    }

    private Process launch(String logName, String... command) throws IOException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-cp", System.getProperty("java.class.path"), LocalStack.class.getName()));
        line.add(command[0]);
        line.add(home.toString());
        line.addAll(List.of(command).subList(1, command.length));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(home.resolve(logName + ".out").toFile());
        builder.environment().put("CLINIC_HOME", home.resolve("state").toString());
        builder.environment().remove("CLINIC_PG_HOST");
        builder.environment().remove("CLINIC_KAFKA_BOOTSTRAP");
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private int exitOf(Process process) throws InterruptedException {
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "start command finished");
        return process.exitValue();
    }

    private void awaitReady(String logName, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!log(logName).contains(InfraCommand.READY)) {
            assertTrue(process.isAlive(), () -> logName + " exited:\n" + log(logName));
            assertTrue(System.nanoTime() < deadline, () -> logName + " not ready:\n" + log(logName));
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }

    private String log(String logName) {
        try {
            return Files.readString(home.resolve(logName + ".out"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    private long postmasterPid() throws IOException {
        Path pidFile = home.resolve("state/data/postgres/postmaster.pid");
        return Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).trim());
    }

    /** SIGTERM is PostgreSQL's smart shutdown: no client is connected here, so it stops at once. */
    private void stopPostgres() throws Exception {
        if (postmaster == 0) {
            return;
        }
        ProcessHandle server = ProcessHandle.of(postmaster).orElse(null);
        postmaster = 0;
        if (server != null && server.isAlive()) {
            server.destroy();
            server.onExit().get(60, TimeUnit.SECONDS);
        }
    }

    private static void sql(int port, String... statements) throws SQLException {
        try (Connection connection = connect(port); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String note(int port) throws SQLException {
        try (Connection connection = connect(port); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select note from kept")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static Connection connect(int port) throws SQLException {
        // The owner login: the runtime login creates no tables (the service's migrations run as the owner).
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/referral", "referral_owner",
                "referral_owner");
    }
}
