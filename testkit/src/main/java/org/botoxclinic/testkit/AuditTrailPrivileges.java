package org.botoxclinic.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What a service's runtime login may do to its database, tried for real: on the audit trail only INSERT and SELECT
 * (every change, removal, truncation, and any attempt to drop or disable its trigger or alter the table is refused
 * by PostgreSQL), and full DML on every other table of the service.
 */
public final class AuditTrailPrivileges {

    /** PostgreSQL's insufficient_privilege, also raised for "must be owner of table". */
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private static final List<String> REFUSED = List.of(
            "truncate audit_entry",
            "update audit_entry set action = 'CHANGED'",
            "delete from audit_entry",
            "drop trigger audit_entry_no_update_or_delete on audit_entry",
            "alter table audit_entry disable trigger audit_entry_no_update_or_delete",
            "alter table audit_entry drop column outcome",
            "drop table audit_entry",
            "create table audit_entry_copy (id bigint)");

    private AuditTrailPrivileges() {
    }

    /** Fails unless the login can add and read audit entries, do everything else, and nothing more to the trail. */
    public static void assertHeldFor(String url, String user, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.setAutoCommit(false);
            for (String sql : REFUSED) {
                assertRefused(connection, sql);
            }
            try (Statement statement = connection.createStatement()) {
                int added = statement.executeUpdate("""
                        insert into audit_entry (at, actor, actor_groups, action, resource_type, resource_id)
                        values (now(), 'privilege-test', '', 'TEST', 'audit-trail', 'privilege-test')""");
                assertEquals(1, added, "the runtime login adds an audit entry");
                try (ResultSet rs = statement.executeQuery("select count(*) from audit_entry where actor = 'privilege-test'")) {
                    assertTrue(rs.next() && rs.getLong(1) == 1, "the runtime login reads the audit trail");
                }
            }
            connection.rollback();
            List<String> lacking = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("""
                    select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                     where n.nspname = 'public' and c.relkind in ('r', 'p')
                       and c.relname not in ('audit_entry', 'flyway_schema_history')
                       and not has_table_privilege(?, c.oid, 'select,insert,update,delete')""")) {
                query.setString(1, user);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        lacking.add(rs.getString(1));
                    }
                }
            }
            assertEquals(List.of(), lacking, "tables on which the runtime login lacks full DML");
        }
    }

    private static void assertRefused(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
            fail("the runtime login was allowed: " + sql);
        } catch (SQLException e) {
            assertEquals(INSUFFICIENT_PRIVILEGE, e.getSQLState(), sql + " refused for another reason: " + e.getMessage());
        } finally {
            connection.rollback();
        }
    }
}
