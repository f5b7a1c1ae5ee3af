package org.botoxclinic.testkit;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 15 for the test JVM: the embedded server from Maven artifacts, or the external one named by
 * {@code CLINIC_TEST_PG_URL} (a JDBC URL to a database the user {@code CLINIC_TEST_PG_USER} /
 * {@code CLINIC_TEST_PG_PASSWORD} may create databases from). Each caller gets a database of its own.
 */
public final class EmbeddedPostgresServer {

    private static EmbeddedPostgresServer instance;

    private final String adminUrl;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;

    private EmbeddedPostgresServer(String adminUrl, String user, String password, EmbeddedPostgres embedded) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    /** The one server of this JVM, started on first use and stopped when the JVM exits. */
    public static synchronized EmbeddedPostgresServer get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static EmbeddedPostgresServer start() {
        String external = System.getenv("CLINIC_TEST_PG_URL");
        if (external != null && !external.isBlank()) {
            return new EmbeddedPostgresServer(external, env("CLINIC_TEST_PG_USER", "postgres"),
                    env("CLINIC_TEST_PG_PASSWORD", "postgres"), null);
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres.getJdbcUrl("postgres", "postgres"),
                    "postgres", "postgres", postgres);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-postgres-stop"));
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("could not start embedded PostgreSQL", e);
        }
    }

    /** Creates an empty database and returns its JDBC URL; the credentials are {@link #user()} / {@link #password()}. */
    public String createDatabase(String prefix) {
        String name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return withDatabase(adminUrl, name);
    }

    /**
     * Creates an empty database owned by a login of its own and returns its JDBC URL, for tests that take that login
     * away while the service runs ({@link #refuseLogins}); an external server's user needs CREATEROLE for this.
     */
    public String createDatabaseWithOwnLogin(String prefix, String login, String loginPassword) {
        String name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        asAdmin("create role " + identifier(login) + " login password '" + loginPassword.replace("'", "''") + "'",
                "create database " + name + " owner " + identifier(login));
        // Without the admin URL's parameters: the embedded server's carry user=postgres, which would win over the login.
        String url = withDatabase(adminUrl, name);
        return url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    }

    /** The database server turns the login away: its sessions end and new ones are refused, as in a fail-over. */
    public void refuseLogins(String login) {
        asAdmin("alter role " + identifier(login) + " nologin",
                "select pg_terminate_backend(pid) from pg_stat_activity where usename = '" + login.replace("'", "''") + "'");
    }

    /** The login is admitted again. */
    public void allowLogins(String login) {
        asAdmin("alter role " + identifier(login) + " login");
    }

    private void asAdmin(String... statements) {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("administrative statement failed: " + e.getMessage(), e);
        }
    }

    private static String identifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain identifier: " + name);
        }
        return name;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    static String withDatabase(String jdbcUrl, String database) {
        int slash = jdbcUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = jdbcUrl.indexOf('?', slash);
        return jdbcUrl.substring(0, slash + 1) + database + (query < 0 ? "" : jdbcUrl.substring(query));
    }

    private void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                // the JVM is exiting; the server's own process exits with it
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
