package org.botoxclinic.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPostgresTest {

    @TempDir
    Path home;

    @Test
    void serviceDataSurvivesARestartAndPasswordsAreChecked() throws Exception {
        int port = FreePort.next();
        Path data = home.resolve("postgres");
        Path log = home.resolve("postgres.log");

        try (LocalPostgres postgres = LocalPostgres.start(data, port, log)) {
            ServiceDatabases.ensure(postgres.adminTarget(), ServiceDatabases.LOCAL);
            // A second launcher start finds everything in place and must not fail on it.
            ServiceDatabases.ensure(postgres.adminTarget(), ServiceDatabases.LOCAL);
            // The owner login creates the tables (as the service's migrations do); the runtime login cannot.
            try (Connection owner = connect(port, "referral_owner", "referral_owner", "referral");
                 Statement statement = owner.createStatement()) {
                statement.execute("create table kept (note text)");
                statement.execute("insert into kept values ('still here')");
            }
            try (Connection runtime = connect(port, "referral", "referral");
                 Statement statement = runtime.createStatement()) {
                SQLException refused = assertThrows(SQLException.class, () -> statement.execute("create table mine (x int)"));
                assertEquals("42501", refused.getSQLState());
            }
            assertThrows(SQLException.class, () -> connect(port, "referral", "wrong").close());
            assertThrows(SQLException.class, () -> connect(port, "insurance", "insurance", "referral").close());
            assertThrows(SQLException.class, () -> connect(port, "insurance_owner", "insurance_owner", "referral").close());
        }
        assertFalse(Files.exists(data.resolve("postmaster.pid")), "the server is stopped, not abandoned");

        try (LocalPostgres postgres = LocalPostgres.start(data, port, log);
             Connection referral = connect(port, "referral_owner", "referral_owner", "referral");
             Statement statement = referral.createStatement();
             ResultSet rows = statement.executeQuery("select note from kept")) {
            rows.next();
            assertEquals("still here", rows.getString(1));
        }
    }

    @Test
    void aDatabaseOwnedByTheRuntimeLoginIsHandedToTheOwnerAndTheServerLogsNoRowValues() throws Exception {
        int port = FreePort.next();
        Path log = home.resolve("postgres.log");
        try (LocalPostgres postgres = LocalPostgres.start(home.resolve("postgres"), port, log)) {
            // As an earlier local stack left it: the runtime login owns its database and tables.
            try (Connection admin = connect(port, "postgres", "", "postgres"); Statement statement = admin.createStatement()) {
                statement.execute("create role referral login password 'referral'");
                statement.execute("create database referral owner referral");
            }
            try (Connection referral = connect(port, "referral", "referral"); Statement statement = referral.createStatement()) {
                statement.execute("create table audit_like (patient text not null, note text not null)");
            }
            ServiceDatabases.ensure(postgres.adminTarget(), ServiceDatabases.LOCAL);
            try (Connection admin = connect(port, "postgres", "", "referral"); Statement statement = admin.createStatement();
                 ResultSet owners = statement.executeQuery("""
                         select (select r.rolname from pg_database d join pg_roles r on r.oid = d.datdba
                                  where d.datname = 'referral'),
                                (select tableowner from pg_tables where tablename = 'audit_like')""")) {
                owners.next();
                assertEquals("referral_owner", owners.getString(1));
                assertEquals("referral_owner", owners.getString(2));
            }
            // A failing row full of a patient's data: the server logs the error, not the row.
            try (Connection owner = connect(port, "referral_owner", "referral_owner", "referral");
                 Statement statement = owner.createStatement()) {
                assertThrows(SQLException.class,
                        () -> statement.execute("insert into audit_like values ('Quillonia Vantreskova', null)"));
            }
        }
        String written = Files.readString(log);
        assertTrue(written.contains("violates not-null constraint"), written);
        assertFalse(written.contains("Vantreskova"), written);
    }

    private static Connection connect(int port, String user, String password) throws SQLException {
        return connect(port, user, password, user);
    }

    private static Connection connect(int port, String user, String password, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, user, password);
    }
}
