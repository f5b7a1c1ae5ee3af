package org.botoxclinic.systemtest;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.EmbeddedKafkaBroker;
import org.botoxclinic.testkit.EmbeddedPostgresServer;
import org.botoxclinic.testkit.EmbeddedPostgresServer.ServiceDatabase;
import org.junit.jupiter.api.Test;

/**
 * The packaged service will not run with the roles mixed up: migrating and running as one login is refused by the
 * migration, and running as the owner of the audit trail once the schema exists by the start-up check. With the
 * roles apart it starts.
 */
class DatabaseRolesIT {

    @Test
    void shouldStartOnlyWithMigrationsAsTheOwnerAndTheServiceAsItsRuntimeLogin() throws Exception {
        Path root = Path.of(System.getProperty("clinic.root", ".."));
        ServiceDatabase database = EmbeddedPostgresServer.get().createServiceDatabase("roles");

        // One login for both: the owner would run the service (the runtime login could not even create a table).
        Map<String, String> sameLogin = environment(database);
        sameLogin.put("DB_USERNAME", database.owner());
        sameLogin.put("DB_PASSWORD", database.ownerPassword());
        assertThrows(IllegalStateException.class, () -> ServiceProcess.start(root, "referral-service", sameLogin).close());
        assertTrue(log(root).contains("migrations must run as the owner role"), "the migration refused");

        try (ServiceProcess service = ServiceProcess.start(root, "referral-service", environment(database))) {
            assertTrue(service.baseUrl().startsWith("http://"));
        }

        Map<String, String> asOwner = environment(database);
        asOwner.put("DB_USERNAME", database.owner());
        asOwner.put("DB_PASSWORD", database.ownerPassword());
        assertThrows(IllegalStateException.class, () -> ServiceProcess.start(root, "referral-service", asOwner).close());
        assertTrue(log(root).contains("owns the audit trail"), "the start-up check refused");
    }

    /** What the last start of the service logged (ServiceProcess starts each log afresh). */
    private static String log(Path root) throws java.io.IOException {
        return Files.readString(root.resolve("system-tests/target/referral-service.log"));
    }

    private static Map<String, String> environment(ServiceDatabase database) throws Exception {
        Path publicKey = DevTokens.publicKeyFile();
        Map<String, String> env = new HashMap<>(database.environment());
        env.putAll(EmbeddedKafkaBroker.serviceEnvironment("referral-service"));
        env.put("JWT_PUBLIC_KEY_LOCATION", publicKey.toString());
        env.put("JWT_ISSUER", DevTokens.ISSUER);
        env.put("JWT_AUDIENCE", DevTokens.AUDIENCE);
        env.put("CLINIC_DEV_MODE", "true");
        return env;
    }
}
