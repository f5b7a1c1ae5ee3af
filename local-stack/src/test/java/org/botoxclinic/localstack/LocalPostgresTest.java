package org.botoxclinic.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
            try (Connection referral = connect(port, "referral", "referral");
                 Statement statement = referral.createStatement()) {
                statement.execute("create table kept (note text)");
                statement.execute("insert into kept values ('still here')");
            }
            assertThrows(SQLException.class, () -> connect(port, "referral", "wrong").close());
            assertThrows(SQLException.class, () -> connect(port, "insurance", "insurance", "referral").close());
        }
        assertFalse(Files.exists(data.resolve("postmaster.pid")), "the server is stopped, not abandoned");

        try (LocalPostgres postgres = LocalPostgres.start(data, port, log);
             Connection referral = connect(port, "referral", "referral");
             Statement statement = referral.createStatement();
             ResultSet rows = statement.executeQuery("select note from kept")) {
            rows.next();
            assertEquals("still here", rows.getString(1));
        }
    }

    private static Connection connect(int port, String user, String password) throws SQLException {
        return connect(port, user, password, user);
    }

    private static Connection connect(int port, String user, String password, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, user, password);
    }
}
