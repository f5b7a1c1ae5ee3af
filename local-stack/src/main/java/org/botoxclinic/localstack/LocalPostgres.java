package org.botoxclinic.localstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.botoxclinic.testkit.PostgresLogging;

/** PostgreSQL 15 from the zonky Maven artifacts, keeping its data in a directory that survives restarts. */
final class LocalPostgres implements AutoCloseable {

    static final String SUPERUSER = "postgres";

    /**
     * The superuser keeps zonky's password-less access (its readiness probe logs in as it, over TCP), but only from
     * this machine; every other user needs its password, so a wrong DB_PASSWORD fails here as it would in production.
     */
    private static final List<String> CLIENT_AUTHENTICATION = List.of(
            "# Written by the local stack on every start; edits are overwritten.",
            "local all all trust",
            "host all " + SUPERUSER + " 127.0.0.1/32 trust",
            "host all " + SUPERUSER + " ::1/128 trust",
            "host all all 127.0.0.1/32 scram-sha-256",
            "host all all ::1/128 scram-sha-256");

    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static LocalPostgres start(Path dataDirectory, int port, Path logFile) throws IOException {
        Path data = dataDirectory.toAbsolutePath();
        Files.createDirectories(data);
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        refuseIfAnotherServerOwns(data);
        File log = logFile.toFile();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                // zonky 2.2.2 runs initdb when this flag is set or postgresql.conf is missing, and deletes the
                // directory on close when it is set: off, an existing cluster is started as it is and kept.
                .setCleanDataDirectory(false)
                // The server outlives the start command and is stopped by ./clinic through its postmaster pid,
                // after the services and Kafka; zonky's own hook would stop it when the start command exits.
                .setRegisterShutdownHook(false)
                .setPort(port)
                // zonky turns fsync off for throw-away test clusters; this one keeps a developer's data, and an
                // OS crash without fsync can corrupt it. Losing the last commits (synchronous_commit stays off) is
                // acceptable here, a cluster that no longer starts is not.
                .setServerConfig("fsync", "on")
                .setDataDirectoryCustomizer(LocalPostgres::writeClientAuthentication)
                // pg_ctl leaves the server running detached; a file, unlike a pipe to this JVM, stays writable
                // for it whatever happens to us.
                .setOutputRedirector(Redirect.appendTo(log))
                .setErrorRedirector(Redirect.appendTo(log))
                .setPGStartupWait(Duration.ofSeconds(60));
        // The server's log holds no row values: terse errors, never the statement or its parameters.
        PostgresLogging.WITHOUT_ROW_VALUES.forEach(builder::setServerConfig);
        return new LocalPostgres(builder.start());
    }

    PostgresTarget adminTarget() {
        return new PostgresTarget("127.0.0.1", postgres.getPort(), SUPERUSER, "");
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    /**
     * A server left behind by a killed launcher still holds the directory; starting over it would fail with a
     * confusing pg_ctl message, so say what is going on and how to clean up.
     */
    private static void refuseIfAnotherServerOwns(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            throw new IllegalStateException("a PostgreSQL server (pid " + pid + ") from an earlier run still uses "
                    + data + "; stop it with ./clinic down");
        }
    }

    private static void writeClientAuthentication(File dataDirectory) {
        try {
            Files.write(dataDirectory.toPath().resolve("pg_hba.conf"), CLIENT_AUTHENTICATION, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write pg_hba.conf", e);
        }
    }
}
