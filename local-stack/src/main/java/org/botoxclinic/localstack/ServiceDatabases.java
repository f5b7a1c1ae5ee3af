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
 * One database and two logins per service: the owner ({@code <name>_owner}), which owns the database and runs the
 * service's migrations, and the runtime login ({@code <name>}) the service connects with, which the migrations
 * grant what it may do (never to change or empty the audit trail). Only these two (besides the admin) may connect.
 * For the local run the login's name is its password (referral/referral, referral_owner/referral_owner):
 * convenient and predictable, and not meant for anything but a developer's machine. A database from before the
 * owner role existed (owned by the runtime login) is handed to the owner.
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
                ensureLogin(connection, owner(name));
                ensureDatabase(connection, name, superuser);
                handOverToOwner(server, connection, name, superuser);
            }
        }
    }

    /** The role that owns a service's database and runs its migrations. */
    static String owner(String name) {
        return name + "_owner";
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
            execute(connection, "grant " + owner(name) + " to current_user");
        }
        execute(connection, "create database " + name + " owner " + owner(name));
        // PostgreSQL lets every login connect to a new database; a service must only ever reach its own.
        execute(connection, "revoke connect, temporary on database " + name + " from public");
        execute(connection, "grant connect, temporary on database " + name + " to " + name);
    }

    /**
     * A database created before the owner role existed belongs to the runtime login, which could then do anything to
     * its audit trail: the database and everything in it go to the owner, and the service's next start grants the
     * runtime login its privileges back (platform migration V0_7).
     */
    private static void handOverToOwner(PostgresTarget server, Connection admin, String name, boolean superuser)
            throws SQLException {
        // The runtime login shares the database's name.
        if (!exists(admin, "select 1 from pg_database d join pg_roles r on r.oid = d.datdba"
                + " where d.datname = r.rolname and r.rolname = ?", name)) {
            return;
        }
        if (!superuser) {
            execute(admin, "grant " + name + ", " + owner(name) + " to current_user");
        }
        try (Connection database = DriverManager.getConnection(server.jdbcUrl(name), server.adminUser(),
                server.adminPassword())) {
            execute(database, "reassign owned by " + name + " to " + owner(name));
        }
        execute(admin, "alter database " + name + " owner to " + owner(name));
        execute(admin, "grant connect, temporary on database " + name + " to " + name);
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
