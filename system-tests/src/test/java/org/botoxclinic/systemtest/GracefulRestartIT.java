package org.botoxclinic.systemtest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.EmbeddedKafkaBroker;
import org.botoxclinic.testkit.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;

/**
 * referral-service is stopped with SIGTERM and started again while partners keep posting: every submission is
 * either answered 2xx and stored, or refused and not stored (resending it then creates it, 201), never done
 * without a 2xx (a resend that finds it, 200). Prints the figures.
 */
class GracefulRestartIT {

    private static final int CLIENTS = 4;

    /** One submission as the client saw it: its body, and the status, or -1 when the connection failed. */
    record Attempt(String externalId, String body, int status) {
    }

    @Test
    void restartUnderLoadLosesNothingAndHalfDoesNothing() throws Exception {
        Path root = Path.of(System.getProperty("clinic.root", ".."));
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.get();
        EmbeddedPostgresServer.ServiceDatabase serviceDatabase = postgres.createServiceDatabase("restart");
        String database = serviceDatabase.url();
        Path publicKey = DevTokens.publicKeyFile();
        Map<String, String> env = new java.util.HashMap<>(serviceDatabase.environment());
        env.putAll(Map.of("KAFKA_BOOTSTRAP_SERVERS", EmbeddedKafkaBroker.bootstrapServers(),
                "CLINIC_DEV_MODE", "true", "JWT_PUBLIC_KEY_LOCATION", publicKey.toString(), "JWT_ISSUER", DevTokens.ISSUER,
                "JWT_AUDIENCE", DevTokens.AUDIENCE, "CLINIC_INTAKE_RATE_LIMIT_REQUESTS", "1000000",
                "CLINIC_WEBHOOKS_SECRET_KEY", ServiceProcess.randomWebhookKey()));
        env.putAll(EmbeddedKafkaBroker.serviceEnvironment("referral-service"));

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String token = DevTokens.forPartner("pcp-restart");
        ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        AtomicBoolean posting = new AtomicBoolean(true);
        String[] baseUrl = new String[1];
        ServiceProcess service = ServiceProcess.start(root, "referral-service", env);
        baseUrl[0] = service.baseUrl();

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            clients.submit(() -> {
                while (posting.get()) {
                    String externalId = "EXT-" + UUID.randomUUID();
                    String body = submission(externalId);
                    int status = post(http, baseUrl[0], token, body);
                    attempts.add(new Attempt(externalId, body, status));
                    if (status < 0) {
                        // The service is down: pace the reconnects instead of spinning.
                        LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
                    }
                }
                return null;
            });
        }
        // The clients are being answered before the restart...
        await().atMost(Duration.ofSeconds(30)).until(() -> answered(attempts) >= 50);
        long stopping = System.nanoTime();
        service.close();
        long stoppedMillis = (System.nanoTime() - stopping) / 1_000_000;
        service = ServiceProcess.start(root, "referral-service", env);
        baseUrl[0] = service.baseUrl();
        // ...and again after it.
        long answeredBefore = answered(attempts);
        await().atMost(Duration.ofSeconds(30)).until(() -> answered(attempts) >= answeredBefore + 50);
        posting.set(false);
        clients.shutdown();
        assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));

        try {
            List<Attempt> answered = attempts.stream().filter(a -> a.status() >= 200 && a.status() < 300).toList();
            List<Attempt> refused = attempts.stream().filter(a -> a.status() < 200 || a.status() >= 300).toList();
            long stored = answered.stream().filter(a -> stored(postgres, database, a.externalId())).count();
            int createdOnResend = 0;
            int foundOnResend = 0;
            Map<Integer, Integer> refusedBy = new java.util.TreeMap<>();
            for (Attempt attempt : refused) {
                refusedBy.merge(attempt.status(), 1, Integer::sum);
                int again = post(http, service.baseUrl(), token, attempt.body());
                if (again == 201) {
                    createdOnResend++;
                } else if (again == 200) {
                    foundOnResend++;
                    System.out.printf("half-done: %s was answered %d, yet stored%n", attempt.externalId(), attempt.status());
                }
            }
            System.out.println("refused or cut, by status (-1: no answer): " + refusedBy);
            System.out.printf("graceful restart: %d submissions, %d answered 2xx (%d stored), %d refused or cut "
                            + "(%d created on resend, %d already stored = half-done); SIGTERM to exit %d ms%n",
                    attempts.size(), answered.size(), stored, refused.size(), createdOnResend, foundOnResend, stoppedMillis);
            assertEquals(answered.size(), stored, "every 2xx answer is stored");
            assertEquals(0, foundOnResend, "a submission refused or cut off was nevertheless stored");
            assertEquals(refused.size(), createdOnResend, "every refused submission is accepted when resent");
            assertTrue(answered.size() > 0, "the clients got answers before and after the restart");
        } finally {
            service.close();
        }
    }

    private static int post(HttpClient http, String baseUrl, String token, String body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/referrals"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static boolean stored(EmbeddedPostgresServer postgres, String database, String externalId) {
        try (Connection connection = DriverManager.getConnection(database, postgres.user(), postgres.password());
             PreparedStatement statement = connection.prepareStatement(
                     "select count(*) from referral where external_referral_id = ?")) {
            statement.setString(1, externalId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String submission(String externalId) {
        return """
                {"externalReferralId":"%s",
                 "patient":{"firstName":"Alex","lastName":"Rivera","dateOfBirth":"%s","sex":"female","phone":"555-0100",
                            "address":{"line1":"12 Elm St","city":"Springfield","state":"IL","postalCode":"62701"}},
                 "referringProvider":{"npi":"1234567893","name":"Dr. Lee","practice":"North Family Practice"},
                 "indication":"CHRONIC_MIGRAINE","diagnosisCodes":["G43.709"],
                 "insurance":{"payerId":"AETNA","payerName":"Aetna","memberId":"W123456789"},
                 "urgency":"ROUTINE"}
                """.formatted(externalId, LocalDate.now().minusYears(40));
    }

    private static long answered(ConcurrentLinkedQueue<Attempt> attempts) {
        return attempts.stream().filter(a -> a.status() >= 200 && a.status() < 300).count();
    }
}
