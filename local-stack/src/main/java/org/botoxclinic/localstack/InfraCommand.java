package org.botoxclinic.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;

/**
 * {@code infra [root]}: brings up PostgreSQL (with the service databases) and Kafka for the local run, prints
 * {@value #READY} once both serve, and stops them, Kafka first, when the process is told to stop.
 * {@code CLINIC_PG_HOST} and {@code CLINIC_KAFKA_BOOTSTRAP} point at existing servers instead.
 */
final class InfraCommand {

    /** The launcher waits for exactly this line; keep the two in step. */
    static final String READY = "CLINIC-INFRA-READY";

    static final int POSTGRES_PORT = 55432;
    static final int KAFKA_PORT = 59092;
    static final int KAFKA_CONTROLLER_PORT = 59093;

    private InfraCommand() {
    }

    /** Returns only when the start failed or nothing needed to keep running; otherwise runs until the JVM stops. */
    static int run(List<String> args, Map<String, String> env) {
        ClinicHome home = ClinicHome.at(rootDirectory(args));
        Lifecycle lifecycle = new Lifecycle();
        Runtime.getRuntime().addShutdownHook(new Thread(lifecycle::stopAll, "clinic-infra-stop"));
        long started = System.nanoTime();
        try {
            // Kafka starts on its own thread: it and PostgreSQL take a few seconds each and need nothing from
            // each other, so the launcher waits for the slower one only.
            CompletableFuture<String> kafka = startKafka(env, home, lifecycle);
            PostgresTarget postgres = startPostgres(env, home, lifecycle);
            ServiceDatabases.ensure(postgres, ServiceDatabases.LOCAL);
            System.out.println("PostgreSQL ready on " + postgres.host() + ":" + postgres.port() + ", databases "
                    + String.join(", ", ServiceDatabases.LOCAL));
            System.out.println("Kafka ready on " + kafka.get());
        } catch (Exception e) {
            if (lifecycle.stopping()) {
                // Told to stop while starting: the failure is the interruption itself, not worth a stack trace.
                System.out.println("start interrupted; stopping");
                return 1;
            }
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            System.err.println("infrastructure failed to start: " + cause);
            cause.printStackTrace();
            lifecycle.stopAll();
            return 1;
        }
        System.out.printf(Locale.ROOT, "infrastructure ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
        System.out.println(READY);
        System.out.flush();
        if (!lifecycle.anythingRunning()) {
            return 0;
        }
        awaitShutdown();
        return 0;
    }

    private static Path rootDirectory(List<String> args) {
        if (!args.isEmpty()) {
            return Path.of(args.get(0));
        }
        return Path.of(System.getProperty("clinic.root", System.getProperty("user.dir")));
    }

    private static PostgresTarget startPostgres(Map<String, String> env, ClinicHome home, Lifecycle lifecycle)
            throws Exception {
        String host = env.get("CLINIC_PG_HOST");
        if (host != null && !host.isBlank()) {
            return new PostgresTarget(host, Integer.parseInt(env.getOrDefault("CLINIC_PG_PORT", "5432")),
                    env.getOrDefault("CLINIC_PG_ADMIN_USER", "postgres"),
                    env.getOrDefault("CLINIC_PG_ADMIN_PASSWORD", ""));
        }
        return lifecycle.start(Lifecycle.Component.POSTGRES, () -> LocalPostgres.start(home.postgresData(),
                POSTGRES_PORT, home.logs().resolve("postgres.log"))).adminTarget();
    }

    private static CompletableFuture<String> startKafka(Map<String, String> env, ClinicHome home,
            Lifecycle lifecycle) {
        String external = env.get("CLINIC_KAFKA_BOOTSTRAP");
        if (external != null && !external.isBlank()) {
            return CompletableFuture.completedFuture(external);
        }
        CompletableFuture<String> bootstrap = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                bootstrap.complete(lifecycle.start(Lifecycle.Component.KAFKA,
                        () -> LocalKafka.start(home.kafkaData(), KAFKA_PORT, KAFKA_CONTROLLER_PORT))
                        .bootstrapServers());
            } catch (Throwable e) {
                bootstrap.completeExceptionally(e);
            }
        }, "kafka-start");
        starter.start();
        return bootstrap;
    }

    private static void awaitShutdown() {
        try {
            // Nothing counts this down: the servers run until a signal ends the JVM and the shutdown hook stops them.
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
