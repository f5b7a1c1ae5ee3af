package org.botoxclinic.platform.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether this replica's database answers, asked (at most every second, and only while someone reads the answer:
 * readiness, a scrape) on a connection of the probe's own with short connect, login and query timeouts, so
 * readiness never waits on a hung database or on the busy pool.
 */
@ApplicationScoped
public class DatabaseProbe {

    private final BackgroundProbe probe;
    private final String url;
    private final Properties login = new Properties();
    private final String query;
    private Connection connection;

    public DatabaseProbe(HealthConfig config, MeterRegistry meters,
                         @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                         @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                         @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        HealthConfig.Database database = config.database();
        int seconds = (int) Math.max(1, (database.timeout().toMillis() + 999) / 1000);
        this.url = url;
        this.query = database.probeQuery();
        user.ifPresent(value -> login.setProperty("user", value));
        password.ifPresent(value -> login.setProperty("password", value));
        login.setProperty("connectTimeout", String.valueOf(seconds));
        login.setProperty("loginTimeout", String.valueOf(seconds));
        login.setProperty("socketTimeout", String.valueOf(seconds + 1));
        login.setProperty("ApplicationName", "readiness-probe");
        this.probe = new BackgroundProbe("database", () -> ask(seconds), database.every(), database.staleAfter(), database.answerWait());
        meters.gauge("clinic.health.database.up", this, self -> self.state().up() ? 1 : 0);
    }

    void start(@Observes StartupEvent started) {
        probe.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        probe.stop();
        closeQuietly();
    }

    BackgroundProbe.State state() {
        return probe.state();
    }

    private void ask(int timeoutSeconds) throws SQLException {
        try {
            if (connection == null || connection.isClosed()) {
                connection = new org.postgresql.Driver().connect(url, login);
            }
            try (Statement statement = connection.createStatement()) {
                statement.setQueryTimeout(timeoutSeconds);
                statement.execute(query);
            }
        } catch (SQLException | RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    private void closeQuietly() {
        Connection stale = connection;
        connection = null;
        if (stale != null) {
            try {
                stale.close();
            } catch (SQLException ignored) {
                // The connection is being given up anyway.
            }
        }
    }
}
