package org.botoxclinic.console;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.EmbeddedKafkaBroker;
import org.botoxclinic.testkit.EmbeddedPostgresServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import static org.awaitility.Awaitility.await;

/**
 * The real referral-service for the console's browser tests: its packaged application (built before this module)
 * runs as its own process on the test kit's PostgreSQL and Kafka, in development mode, and the console is pointed at
 * it ({@code quarkus.rest-client.referral-service.url}). Referrals are submitted through its public API, as a partner.
 */
public class RealReferralService implements QuarkusTestResourceLifecycleManager {

    /** The partner the test referrals come from. */
    static final String PARTNER = "pcp-north";

    private Process process;
    private static String baseUrl;

    @Override
    public Map<String, String> start() {
        try {
            Path root = Path.of(System.getProperty("clinic.root", ".."));
            Path jar = root.resolve("referral-service/target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: build referral-service first (-am does)");
            }
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.get();
            String kafka = EmbeddedKafkaBroker.bootstrapServers();
            Path publicKey = Files.createTempFile("dev-jwt", ".pem");
            try (InputStream key = getClass().getClassLoader().getResourceAsStream("dev-jwt/publicKey.pem")) {
                Files.copy(key, publicKey, StandardCopyOption.REPLACE_EXISTING);
            }
            Map<String, String> env = new HashMap<>(postgres.createServiceDatabase("referral").environment());
            env.putAll(EmbeddedKafkaBroker.serviceEnvironment("referral-service"));
            env.putAll(Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", kafka,
                    "CLINIC_DEV_MODE", "true",
                    "JWT_PUBLIC_KEY_LOCATION", publicKey.toString(),
                    "JWT_ISSUER", DevTokens.ISSUER,
                    "JWT_AUDIENCE", DevTokens.AUDIENCE,
                    "CLINIC_WEBHOOKS_SECRET_KEY", randomKey()));
            int port = freePort();
            int managementPort = freePort();
            env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
            Path log = Path.of("target/referral-service.log");
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            builder.environment().putAll(env);
            process = builder.start();
            Process started = process;
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, "referral-service-reaper"));
            HttpClient client = HttpClient.newHttpClient();
            URI ready = URI.create("http://localhost:" + managementPort + "/q/health/ready");
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!started.isAlive()) {
                    throw new IllegalStateException("referral-service exited during startup; see " + log.toAbsolutePath());
                }
                try {
                    return client.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (IOException e) {
                    return false;
                }
            });
            baseUrl = "http://localhost:" + port;
            return Map.of("quarkus.rest-client.referral-service.url", baseUrl);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start referral-service", e);
        }
    }

    /** Submits a referral as the partner through referral-service's public API; its id. */
    static String submit(String json) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/api/referrals"))
                        .header("Authorization", "Bearer " + DevTokens.forPartner(PARTNER))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("submission refused: " + response.statusCode() + " " + response.body());
        }
        String body = response.body();
        int at = body.indexOf("\"id\":\"") + 6;
        return body.substring(at, body.indexOf('"', at));
    }

    @Override
    public void stop() {
        if (process != null) {
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
