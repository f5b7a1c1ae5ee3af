package org.botoxclinic.platform.audit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import javax.sql.DataSource;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The service refuses to start on a database login that could rewrite its own audit trail: one that owns
 * {@code audit_entry} (or is a member of its owner, or a superuser), or may update, delete or truncate it. Such a
 * login means the owner and runtime roles were mixed up (DB_USERNAME set to the migration owner).
 */
@ApplicationScoped
public class AuditTrailGuard {

    private static final Logger LOG = Logger.getLogger(AuditTrailGuard.class);

    private final DataSource dataSource;
    private final boolean required;

    public AuditTrailGuard(DataSource dataSource,
                           @ConfigProperty(name = "clinic.audit.require-append-only-login", defaultValue = "true") boolean required) {
        this.dataSource = dataSource;
        this.required = required;
    }

    void onStart(@Observes StartupEvent startup) throws SQLException {
        Optional<String> refusal;
        try (Connection connection = dataSource.getConnection()) {
            refusal = refusal(connection);
        }
        if (refusal.isEmpty()) {
            return;
        }
        String message = "the service's database login " + refusal.get() + ": run the service as its runtime login "
                + "(DB_USERNAME) and the migrations as the owner (DB_MIGRATION_USERNAME)";
        if (required) {
            throw new IllegalStateException(message);
        }
        LOG.warn(message + " (allowed by clinic.audit.require-append-only-login=false)");
    }

    /** Why this connection's login could change the audit trail, or empty when it can only add to it and read it. */
    public static Optional<String> refusal(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("""
                select current_user,
                       pg_has_role(current_user, c.relowner, 'USAGE') as owns,
                       has_table_privilege(c.oid, 'UPDATE') or has_table_privilege(c.oid, 'DELETE')
                           or has_table_privilege(c.oid, 'TRUNCATE') as changes
                  from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where c.relname = 'audit_entry' and n.nspname = current_schema()""")) {
            if (!rs.next()) {
                return Optional.of("finds no audit_entry table");
            }
            String login = rs.getString(1);
            if (rs.getBoolean(2)) {
                return Optional.of(login + " owns the audit trail (or is a member of its owner, or a superuser)");
            }
            if (rs.getBoolean(3)) {
                return Optional.of(login + " may update, delete or truncate the audit trail");
            }
            return Optional.empty();
        }
    }
}
