package org.botoxclinic.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.botoxclinic.testkit.ClinicKafkaAccess;

/**
 * {@code postgres [root] [port]}, {@code kafka [root] [port] [controller-port]} and
 * {@code mail [root] [smtp-port] [http-port]}: each brings up one server of the local run, prints {@value #READY}
 * once it serves, and is stopped on its own, so an operator (or the fault suite) can stop, restart, pause or kill
 * the broker without touching the database. PostgreSQL runs detached (pg_ctl starts it), so its command exits once
 * the server and the service databases are ready; Kafka and the mail sink live in their command's JVM until that
 * JVM is told to stop. {@code CLINIC_PG_HOST} and {@code CLINIC_KAFKA_BOOTSTRAP} point at existing servers instead.
 */
final class InfraCommand {

    /** The launcher waits for exactly this line; keep the two in step. */
    static final String READY = "CLINIC-INFRA-READY";

    static final int POSTGRES_PORT = 55432;
    static final int KAFKA_PORT = 59092;
    static final int KAFKA_CONTROLLER_PORT = 59093;
    static final int MAIL_SMTP_PORT = 2525;
    static final int MAIL_HTTP_PORT = 8025;

    private InfraCommand() {
    }

    /** Returns once PostgreSQL serves the service databases (left running) or its start failed. */
    static int postgres(List<String> args, Map<String, String> env) {
        ClinicHome home = home(args, env);
        Lifecycle lifecycle = new Lifecycle();
        // Told to stop while starting: a half-started server must not outlive the start command.
        Thread stopOnSignal = new Thread(lifecycle::stopAll, "clinic-postgres-stop");
        Runtime.getRuntime().addShutdownHook(stopOnSignal);
        long started = System.nanoTime();
        try {
            PostgresTarget postgres = externalPostgres(env);
            if (postgres == null) {
                int port = port(args, 1, POSTGRES_PORT);
                postgres = lifecycle.start(Lifecycle.Component.POSTGRES, () -> LocalPostgres.start(
                        home.postgresData(), port, home.logs().resolve("postgres.log"))).adminTarget();
            }
            ServiceDatabases.ensure(postgres, ServiceDatabases.LOCAL);
            System.out.println("PostgreSQL ready on " + postgres.host() + ":" + postgres.port() + ", databases "
                    + String.join(", ", ServiceDatabases.LOCAL) + serverPid(home.postgresData()));
        } catch (Exception e) {
            return failed("PostgreSQL", e, lifecycle);
        }
        // From here on the server runs on its own; ./clinic stops it through its postmaster pid.
        lifecycle.release(Lifecycle.Component.POSTGRES);
        ready(started);
        return 0;
    }

    /** Returns only when the start failed or the broker is external; otherwise runs until the JVM stops. */
    static int kafka(List<String> args, Map<String, String> env) {
        ClinicHome home = home(args, env);
        String external = env.get("CLINIC_KAFKA_BOOTSTRAP");
        if (external != null && !external.isBlank()) {
            System.out.println("Kafka is external: " + external);
            return 0;
        }
        Lifecycle lifecycle = new Lifecycle();
        Runtime.getRuntime().addShutdownHook(new Thread(lifecycle::stopAll, "clinic-kafka-stop"));
        long started = System.nanoTime();
        try {
            int port = port(args, 1, KAFKA_PORT);
            int controllerPort = port(args, 2, KAFKA_CONTROLLER_PORT);
            KafkaUsers users = KafkaUsers.loadOrCreate(home.kafkaUsers());
            Duration retention = deadLetterRetention(env);
            String bootstrap = lifecycle.start(Lifecycle.Component.KAFKA,
                    () -> LocalKafka.start(home.kafkaData(), users, port, controllerPort, retention)).bootstrapServers();
            System.out.println("Kafka ready on " + bootstrap + " (SASL/SCRAM, logins in " + home.kafkaUsers()
                    + ", dead-letter retention " + retention + "), pid " + ProcessHandle.current().pid());
        } catch (Exception e) {
            return failed("Kafka", e, lifecycle);
        }
        ready(started);
        awaitShutdown();
        return 0;
    }

    /**
     * The development SMTP sink ({@link MailSink}); returns only when the start failed, otherwise runs until the JVM
     * stops. It keeps nothing on disk, so the root argument is only there to match the other commands.
     */
    static int mail(List<String> args) {
        Lifecycle lifecycle = new Lifecycle();
        Runtime.getRuntime().addShutdownHook(new Thread(lifecycle::stopAll, "clinic-mail-stop"));
        long started = System.nanoTime();
        try {
            int smtpPort = port(args, 1, MAIL_SMTP_PORT);
            int httpPort = port(args, 2, MAIL_HTTP_PORT);
            MailSink sink = lifecycle.start(Lifecycle.Component.MAIL,
                    () -> MailSink.start(smtpPort, httpPort, Clock.systemUTC()));
            System.out.println("Mail sink ready: SMTP 127.0.0.1:" + sink.smtpPort() + " (any sender, any recipient, no"
                    + " login checked, nothing delivered onwards), messages http://127.0.0.1:" + sink.httpPort()
                    + MailSink.PATH + " (GET; DELETE empties it; the newest " + MailSink.KEPT + " are kept), pid "
                    + ProcessHandle.current().pid());
        } catch (Exception e) {
            return failed("The mail sink", e, lifecycle);
        }
        ready(started);
        awaitShutdown();
        return 0;
    }

    /** {@code CLINIC_KAFKA_DLQ_RETENTION}: an ISO-8601 duration ({@code P14D}) or a number of days; default 14 days. */
    static Duration deadLetterRetention(Map<String, String> env) {
        String value = env.get("CLINIC_KAFKA_DLQ_RETENTION");
        if (value == null || value.isBlank()) {
            return ClinicKafkaAccess.DEFAULT_DEAD_LETTER_RETENTION;
        }
        Duration retention = value.matches("\\d+") ? Duration.ofDays(Long.parseLong(value)) : Duration.parse(value);
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("CLINIC_KAFKA_DLQ_RETENTION must be positive: " + value);
        }
        return retention;
    }

    private static PostgresTarget externalPostgres(Map<String, String> env) {
        String host = env.get("CLINIC_PG_HOST");
        if (host == null || host.isBlank()) {
            return null;
        }
        return new PostgresTarget(host, Integer.parseInt(env.getOrDefault("CLINIC_PG_PORT", "5432")),
                env.getOrDefault("CLINIC_PG_ADMIN_USER", "postgres"), env.getOrDefault("CLINIC_PG_ADMIN_PASSWORD", ""));
    }

    private static int failed(String server, Exception e, Lifecycle lifecycle) {
        if (lifecycle.stopping()) {
            // Told to stop while starting: the failure is the interruption itself, not worth a stack trace.
            System.out.println("start interrupted; stopping");
            return 1;
        }
        System.err.println(server + " failed to start: " + e);
        e.printStackTrace();
        lifecycle.stopAll();
        return 1;
    }

    private static void ready(long started) {
        System.out.printf(Locale.ROOT, "ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
        System.out.println(READY);
        System.out.flush();
    }

    private static String serverPid(Path data) {
        try {
            return ", pid " + Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim();
        } catch (Exception e) {
            return "";
        }
    }

    private static int port(List<String> args, int index, int fallback) {
        return args.size() > index ? Integer.parseInt(args.get(index)) : fallback;
    }

    private static ClinicHome home(List<String> args, Map<String, String> env) {
        String home = env.get("CLINIC_HOME");
        return home == null || home.isBlank() ? ClinicHome.at(rootDirectory(args)) : ClinicHome.in(Path.of(home));
    }

    private static Path rootDirectory(List<String> args) {
        if (!args.isEmpty()) {
            return Path.of(args.get(0));
        }
        return Path.of(System.getProperty("clinic.root", System.getProperty("user.dir")));
    }

    private static void awaitShutdown() {
        try {
            // Nothing counts this down: the broker runs until a signal ends the JVM and the shutdown hook stops it.
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
