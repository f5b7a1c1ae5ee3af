package org.botoxclinic.testkit;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 15 for the test JVM: the embedded server from Maven artifacts, or the external one named by
 * {@code CLINIC_TEST_PG_URL} (a JDBC URL to a database the user {@code CLINIC_TEST_PG_USER} /
 * {@code CLINIC_TEST_PG_PASSWORD} may create databases and roles from). Each caller gets a database of its own.
 * The embedded server logs without row values ({@link PostgresLogging}) to {@code target/embedded-postgres.log} of the
 * module under test, so that tests can read what it logged.
 */
public final class EmbeddedPostgresServer {

    private static EmbeddedPostgresServer instance;

    private final String adminUrl;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;
    private final Path log;

    private EmbeddedPostgresServer(String adminUrl, String user, String password, EmbeddedPostgres embedded, Path log) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
        this.log = log;
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
                    env("CLINIC_TEST_PG_PASSWORD", "postgres"), null, null);
        }
        try {
            Path log = Path.of("target", "embedded-postgres.log").toAbsolutePath();
            Files.createDirectories(log.getParent());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setOutputRedirector(Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(Redirect.appendTo(log.toFile()));
            PostgresLogging.WITHOUT_ROW_VALUES.forEach(builder::setServerConfig);
            EmbeddedPostgres postgres = builder.start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres.getJdbcUrl("postgres", "postgres"),
                    "postgres", "postgres", postgres, log);
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
     * A service's database as in production: an empty database owned by an owner role that runs the migrations, and a
     * runtime login the service connects with (the migrations grant it what it may do). The names are fresh unless
     * {@code runtimeLogin} is given, e.g. for a test that takes that login away ({@link #refuseLogins}). An external
     * server's user needs CREATEROLE for this.
     */
    public ServiceDatabase createServiceDatabase(String prefix, String runtimeLogin) {
        String name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        String runtime = runtimeLogin == null ? name + "_app" : runtimeLogin;
        String owner = runtime + "_owner";
        String runtimePassword = UUID.randomUUID().toString();
        String ownerPassword = UUID.randomUUID().toString();
        asAdmin("create role " + identifier(owner) + " login password '" + ownerPassword + "'",
                "create role " + identifier(runtime) + " login password '" + runtimePassword + "'",
                "create database " + name + " owner " + identifier(owner));
        // Without the admin URL's parameters: the embedded server's carry user=postgres, which would win over the login.
        String url = withDatabase(adminUrl, name);
        url = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        return new ServiceDatabase(url, owner, ownerPassword, runtime, runtimePassword);
    }

    /** A service's database with fresh role names. */
    public ServiceDatabase createServiceDatabase(String prefix) {
        return createServiceDatabase(prefix, null);
    }

    /** A service database and its two logins: the owner runs the migrations, the service runs as the runtime login. */
    public record ServiceDatabase(String url, String owner, String ownerPassword, String runtime, String runtimePassword) {

        /** The Quarkus configuration of a service on this database. */
        public Map<String, String> quarkusConfig() {
            return Map.of(
                    "quarkus.datasource.jdbc.url", url,
                    "quarkus.datasource.username", runtime,
                    "quarkus.datasource.password", runtimePassword,
                    "quarkus.flyway.username", owner,
                    "quarkus.flyway.password", ownerPassword);
        }

        /** The environment of a packaged service on this database. */
        public Map<String, String> environment() {
            return Map.of(
                    "DB_URL", url,
                    "DB_USERNAME", runtime,
                    "DB_PASSWORD", runtimePassword,
                    "DB_MIGRATION_USERNAME", owner,
                    "DB_MIGRATION_PASSWORD", ownerPassword);
        }
    }

    /** Where the embedded server writes its log; empty for an external server. */
    public Optional<Path> log() {
        return Optional.ofNullable(log);
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
