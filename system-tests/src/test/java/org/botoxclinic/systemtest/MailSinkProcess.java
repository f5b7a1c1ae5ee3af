package org.botoxclinic.systemtest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The local stack's SMTP sink ({@code clinic-local-stack.jar mail}, as {@code ./clinic} runs it) as its own process:
 * the services send their e-mail to {@link #smtpPort()}, the journeys read what arrived over its HTTP reader
 * ({@code GET /api/messages}: {@code [{to, from, subject, text, receivedAt}]}, one entry per recipient).
 */
final class MailSinkProcess implements AutoCloseable {

    /** Must match local-stack's InfraCommand.READY. */
    private static final String READY = "CLINIC-INFRA-READY";

    private final Process process;
    private final int smtpPort;
    private final int httpPort;
    private final Path log;

    private MailSinkProcess(Process process, int smtpPort, int httpPort, Path log) {
        this.process = process;
        this.smtpPort = smtpPort;
        this.httpPort = httpPort;
        this.log = log;
    }

    /** A received message as the sink's reader lists it. */
    record Mail(String to, String from, String subject, String text, String receivedAt) {
    }

    static MailSinkProcess start(Path root) throws IOException {
        Path jar = root.resolve("local-stack/target/clinic-local-stack.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the local stack first (./mvnw verify does)");
        }
        int smtpPort = freePort();
        int httpPort = freePort();
        Path log = root.resolve("system-tests/target/mail-sink.log");
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log);
        Process process = ServiceProcess.started(new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC", "-Xmx32m",
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "mail", root.toString(), String.valueOf(smtpPort),
                String.valueOf(httpPort))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start());
        MailSinkProcess sink = new MailSinkProcess(process, smtpPort, httpPort, log);
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the mail sink exited during start-up:\n" + sink.output());
                }
                return sink.output().lines().anyMatch(READY::equals);
            });
        } catch (RuntimeException e) {
            sink.close();
            throw e;
        }
        return sink;
    }

    int smtpPort() {
        return smtpPort;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** The SMTP settings scheduling-service reads (CLINIC_SMTP_*). */
    Map<String, String> smtpEnvironment() {
        return Map.of("CLINIC_SMTP_HOST", "127.0.0.1", "CLINIC_SMTP_PORT", String.valueOf(smtpPort));
    }

    /** Every message the sink holds for this recipient, oldest first. */
    List<Mail> messagesTo(String address) {
        List<Map<String, Object>> messages = given().baseUri(baseUrl()).queryParam("to", address).get("/api/messages")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return messages.stream().map(m -> new Mail((String) m.get("to"), (String) m.get("from"),
                (String) m.get("subject"), (String) m.get("text"), (String) m.get("receivedAt"))).toList();
    }

    private String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
