package org.botoxclinic.localstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One database and one login per service, each login owning its database and the only one (besides the admin)
 * allowed to connect to it. For the local run the user name, the database name and the password are all the
 * service's short name (referral/referral, ...): convenient and predictable, and not meant for anything but a
 * developer's machine.
 */
final class ServiceDatabases {

    static final List<String> LOCAL = List.of("referral", "insurance", "scheduling");

    // Names go into DDL, where PostgreSQL accepts no bind parameters; only plain identifiers are allowed in.
    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");

    private ServiceDatabases() {
    }

    /** Creates what is missing; an existing user or database is left exactly as it is. */
    static void ensure(PostgresTarget server, List<String> names) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), server.adminUser(),
                server.adminPassword())) {
            boolean superuser = exists(connection, "select 1 from pg_roles where rolname = current_user and rolsuper",
                    null);
            for (String name : names) {
                if (!PLAIN_IDENTIFIER.matcher(name).matches()) {
                    throw new IllegalArgumentException("not a plain identifier: " + name);
                }
                ensureLogin(connection, name);
                ensureDatabase(connection, name, superuser);
            }
        }
    }

    private static void ensureLogin(Connection connection, String name) throws SQLException {
        if (!exists(connection, "select 1 from pg_roles where rolname = ?", name)) {
            execute(connection, "create role " + name + " login password '" + name + "'");
        }
    }

    private static void ensureDatabase(Connection connection, String name, boolean superuser) throws SQLException {
        if (exists(connection, "select 1 from pg_database where datname = ?", name)) {
            return;
        }
        if (!superuser) {
            // On an external server the admin may only have CREATEDB/CREATEROLE; PostgreSQL then lets it hand a
            // new database to a role only if it is a member of that role.
            execute(connection, "grant " + name + " to current_user");
        }
        execute(connection, "create database " + name + " owner " + name);
        // PostgreSQL lets every login connect to a new database; a service must only ever reach its own.
        execute(connection, "revoke connect, temporary on database " + name + " from public");
    }

    private static boolean exists(Connection connection, String query, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    private static void execute(Connection connection, String ddl) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(ddl);
        }
    }
}
