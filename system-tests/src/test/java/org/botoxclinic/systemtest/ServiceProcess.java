package org.botoxclinic.systemtest;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One packaged service (target/quarkus-app/quarkus-run.jar) running as its own process, as in production. */
final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final int port;
    private final int managementPort;
    private final ProcessBuilder builder;
    private final Path log;
    private Process process;

    /**
     * Every process any test started: a test that fails before it closes its service (an await that times out, say)
     * must not leave the service running after the test JVM, so the JVM ends whatever is still alive as it exits.
     */
    private static final java.util.Set<Process> STARTED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTED.forEach(Process::destroyForcibly),
                "system-test-services-reaper"));
    }

    /** Registers a process of the run (a service, the mail sink) to be ended when the test JVM exits. */
    static Process started(Process process) {
        STARTED.add(process);
        process.onExit().thenAccept(STARTED::remove);
        return process;
    }

    private ServiceProcess(String name, int port, int managementPort, ProcessBuilder builder, Path log) throws IOException {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.builder = builder;
        this.log = log;
        this.process = started(builder.start());
    }

    /** A key for sealing webhook secrets (base64 of 32 random bytes), as production configures one. */
    static String randomWebhookKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    static ServiceProcess start(Path root, String module, Map<String, String> env) throws IOException {
        ServiceProcess service = launch(root, module, module, env);
        service.awaitReady(Duration.ofSeconds(90));
        return service;
    }

    /** Starts a service that is expected to refuse to start; its log is {@code <logName>.log}. */
    static ServiceProcess launch(Path root, String module, String logName, Map<String, String> env) throws IOException {
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw verify does)");
        }
        int port = freePort();
        int managementPort = freePort();
        Path log = root.resolve("system-tests/target").resolve(logName + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString()));
        Files.deleteIfExists(log);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        return new ServiceProcess(module, port, managementPort, builder, log);
    }

    /** Waits for the process to end by itself; its exit status, or empty if it is still running at the timeout. */
    java.util.OptionalInt awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                ? java.util.OptionalInt.of(process.exitValue()) : java.util.OptionalInt.empty();
    }

    List<String> logLines() throws IOException {
        return Files.readAllLines(log);
    }

    /** SIGKILL, as a crash or an OOM killer would: no shutdown hook, no offset commit, nothing finished. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Starts the service again on the same port, database and broker, and waits until it is ready. */
    void startAgain() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        process = started(builder.start());
        awaitReady(Duration.ofSeconds(90));
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Health, metrics and the API documents: the management interface, not the API port. */
    String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    private void awaitReady(Duration timeout) throws IOException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during startup:\n" + tail());
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            process.onExit().completeOnTimeout(process, 250, java.util.concurrent.TimeUnit.MILLISECONDS).join();
        }
        throw new IllegalStateException(name + " not ready within " + timeout + ":\n" + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
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
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
