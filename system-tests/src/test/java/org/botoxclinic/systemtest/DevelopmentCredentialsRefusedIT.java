package org.botoxclinic.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.EmbeddedKafkaBroker;
import org.botoxclinic.testkit.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service, started as an operator would without development mode, refuses the development key (a copy
 * under another name) and the development issuer: it exits with a non-zero status and one line naming the setting.
 */
class DevelopmentCredentialsRefusedIT {

    @TempDir
    Path dir;

    @Test
    void shouldRefuseToStartWithACopyOfTheDevelopmentKey() throws Exception {
        Path copy = dir.resolve("idp-public.pem");
        try (InputStream key = getClass().getClassLoader().getResourceAsStream("dev-jwt/publicKey.pem")) {
            Files.copy(key, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        Map<String, String> env = environment("refused-dev-key");
        env.put("JWT_PUBLIC_KEY_LOCATION", copy.toString());
        env.put("JWT_ISSUER", "https://idp.example.org/realms/clinic");

        String line = refusal("referral-service-dev-key", env);

        assertTrue(line.contains("mp.jwt.verify.publickey.location names the development public key"), line);
    }

    @Test
    void shouldRefuseToStartWithTheDevelopmentIssuer() throws Exception {
        Map<String, String> env = environment("refused-dev-issuer");
        env.put("JWT_PUBLIC_KEY_LOCATION", "https://idp.example.org/realms/clinic/protocol/openid-connect/certs");
        env.put("JWT_ISSUER", DevTokens.ISSUER);

        String line = refusal("referral-service-dev-issuer", env);

        assertTrue(line.contains("mp.jwt.verify.issuer is the development issuer urn:clinic:dev"), line);
    }

    /** Runs the service to its end and returns the refusal line it printed. */
    private static String refusal(String logName, Map<String, String> env) throws Exception {
        ServiceProcess service = ServiceProcess.launch(Path.of(System.getProperty("clinic.root", "..")),
                "referral-service", logName, env);
        try {
            OptionalInt status = service.awaitExit(Duration.ofSeconds(90));
            List<String> log = service.logLines();
            assertTrue(status.isPresent(), "still running:\n" + String.join("\n", log));
            assertNotEquals(0, status.getAsInt());
            List<String> refusals = log.stream().filter(l -> l.startsWith("Refusing to start: ")).toList();
            assertEquals(1, refusals.size(), String.join("\n", log));
            assertTrue(refusals.get(0).contains("clinic.dev-mode=true (CLINIC_DEV_MODE)"), refusals.get(0));
            return refusals.get(0);
        } finally {
            service.close();
        }
    }

    private static Map<String, String> environment(String database) {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.get();
        Map<String, String> env = new HashMap<>(postgres.createServiceDatabase(database.replace('-', '_')).environment());
        env.putAll(EmbeddedKafkaBroker.serviceEnvironment("referral-service"));
        env.put("JWT_AUDIENCE", DevTokens.AUDIENCE);
        env.put("CLINIC_DEV_MODE", "false");
        return env;
    }
}
