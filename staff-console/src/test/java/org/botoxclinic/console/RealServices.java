package org.botoxclinic.console;

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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.EmbeddedKafkaBroker;
import org.botoxclinic.testkit.EmbeddedPostgresServer;
import org.botoxclinic.testkit.SmtpSink;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import static org.awaitility.Awaitility.await;

/**
 * The real services for the console's browser tests: referral-, insurance- and scheduling-service, each its packaged
 * application (built before this module) running as its own process on the test kit's PostgreSQL (a database each),
 * Kafka and SMTP sink, in development mode. The console is pointed at them ({@code quarkus.rest-client.*.url}).
 * Started once for the module's tests: every browser test class names this resource with the same arguments, so
 * Quarkus keeps one console and one set of services for all of them.
 */
public class RealServices implements QuarkusTestResourceLifecycleManager {

    /** The partner the test referrals come from. */
    static final String PARTNER = "pcp-north";
    static final List<String> SERVICES = List.of("referral-service", "insurance-service", "scheduling-service");

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, String> BASE_URLS = new LinkedHashMap<>();
    private final List<Process> processes = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        try {
            Path root = Path.of(System.getProperty("clinic.root", ".."));
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.get();
            String kafka = EmbeddedKafkaBroker.bootstrapServers();
            SmtpSink smtp = SmtpSink.shared();
            Path publicKey = DevTokens.publicKeyFile();
            Map<String, String> config = new HashMap<>();
            Map<String, Integer> managementPorts = new LinkedHashMap<>();
            for (String service : SERVICES) {
                Path jar = root.resolve(service + "/target/quarkus-app/quarkus-run.jar");
                if (!Files.exists(jar)) {
                    throw new IllegalStateException(jar + " is missing: build " + service + " first (-am does)");
                }
                Map<String, String> env = new HashMap<>(
                        postgres.createServiceDatabase(service.substring(0, service.indexOf('-'))).environment());
                env.putAll(EmbeddedKafkaBroker.serviceEnvironment(service));
                env.putAll(Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", kafka,
                        "CLINIC_DEV_MODE", "true",
                        "JWT_PUBLIC_KEY_LOCATION", publicKey.toString(),
                        "JWT_ISSUER", DevTokens.ISSUER,
                        "JWT_AUDIENCE", DevTokens.AUDIENCE,
                        "CLINIC_WEBHOOKS_SECRET_KEY", randomKey(),
                        "CLINIC_INTAKE_RATE_LIMIT_REQUESTS", "1000000",
                        "CLINIC_SMTP_HOST", smtp.host(),
                        "CLINIC_SMTP_PORT", String.valueOf(smtp.port())));
                int port = freePort();
                int managementPort = freePort();
                if ("scheduling-service".equals(service)) {
                    // Reminders planned and sent every second; their links open this run's own confirmation page.
                    env.put("CLINIC_NOTIFICATIONS_CHECK_EVERY", "1s");
                    env.put("CLINIC_NOTIFICATIONS_CONFIRM_PAGE_URL", "http://localhost:" + port + "/confirm.html");
                }
                env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
                env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
                Path log = Path.of("target/" + service + ".log");
                Files.createDirectories(log.getParent());
                ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
                builder.environment().putAll(env);
                Process process = builder.start();
                processes.add(process);
                Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, service + "-reaper"));
                managementPorts.put(service, managementPort);
                BASE_URLS.put(service, "http://localhost:" + port);
                config.put("quarkus.rest-client." + service + ".url", "http://localhost:" + port);
            }
            // The three start side by side; each must be ready before the console's tests begin.
            for (Map.Entry<String, Integer> service : managementPorts.entrySet()) {
                Process process = processes.get(SERVICES.indexOf(service.getKey()));
                URI ready = URI.create("http://localhost:" + service.getValue() + "/q/health/ready");
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(service.getKey() + " exited during startup; see target/"
                                + service.getKey() + ".log");
                    }
                    try {
                        return HTTP.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (IOException e) {
                        return false;
                    }
                });
            }
            return config;
        } catch (IOException e) {
            stop();
            throw new IllegalStateException("cannot start the services", e);
        }
    }

    /** A service's base address, e.g. {@code http://localhost:41234}. */
    static String baseUrl(String service) {
        return BASE_URLS.get(service);
    }

    /** Submits a referral as the partner through referral-service's public API; its id. */
    static String submit(String json) throws IOException, InterruptedException {
        HttpResponse<String> response = send("referral-service", "POST", "/api/referrals", DevTokens.forPartner(PARTNER), json);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("submission refused: " + response.statusCode() + " " + response.body());
        }
        String body = response.body();
        int at = body.indexOf("\"id\":\"") + 6;
        return body.substring(at, body.indexOf('"', at));
    }

    /**
     * One call to a service's public API with a bearer token (e.g. {@code DevTokens.forGroup("admin")}), to arrange
     * what a test needs before the browser takes over; the body may be null.
     */
    static HttpResponse<String> send(String service, String method, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE_URLS.get(service) + path))
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void stop() {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        processes.clear();
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
