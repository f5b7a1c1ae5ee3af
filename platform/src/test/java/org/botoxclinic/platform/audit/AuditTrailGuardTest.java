package org.botoxclinic.platform.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import org.botoxclinic.testkit.EmbeddedPostgresServer;
import org.botoxclinic.testkit.EmbeddedPostgresServer.ServiceDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The start-up check: a login that can only add to and read the audit trail passes, any other is refused. */
class AuditTrailGuardTest {

    private ServiceDatabase database;

    @BeforeEach
    void auditTrailOwnedByTheOwner() throws Exception {
        database = EmbeddedPostgresServer.get().createServiceDatabase("guard");
        try (InputStream sql = getClass().getResourceAsStream("/db/platform/V0_2__audit.sql");
             Connection owner = DriverManager.getConnection(database.url(), database.owner(), database.ownerPassword());
             Statement statement = owner.createStatement()) {
            statement.execute(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
            statement.execute("grant select, insert on audit_entry to " + database.runtime());
        }
    }

    @Test
    void shouldLetTheRuntimeLoginThatOnlyAddsAndReadsStart() throws SQLException {
        try (Connection runtime = runtime()) {
            assertEquals(Optional.empty(), AuditTrailGuard.refusal(runtime));
        }
    }

    @Test
    void shouldRefuseTheOwnerLogin() throws SQLException {
        try (Connection owner = DriverManager.getConnection(database.url(), database.owner(), database.ownerPassword())) {
            assertTrue(AuditTrailGuard.refusal(owner).orElseThrow().contains("owns the audit trail"));
        }
    }

    @Test
    void shouldRefuseARuntimeLoginThatMayTruncate() throws SQLException {
        try (Connection owner = DriverManager.getConnection(database.url(), database.owner(), database.ownerPassword());
             Statement statement = owner.createStatement()) {
            statement.execute("grant truncate on audit_entry to " + database.runtime());
        }
        try (Connection runtime = runtime()) {
            assertTrue(AuditTrailGuard.refusal(runtime).orElseThrow().contains("may update, delete or truncate"));
        }
    }

    private Connection runtime() throws SQLException {
        return DriverManager.getConnection(database.url(), database.runtime(), database.runtimePassword());
    }
}
