package org.botoxclinic.localstack;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Tracks the servers a local-stack process starts so that the shutdown hook stops exactly what was started and not
 * yet released, in a fixed order, even when the signal arrives while a server is still starting.
 */
final class Lifecycle {

    /**
     * Stop order is declaration order: the database, which holds the record of everything (outboxes included), goes
     * last and takes its shutdown checkpoint once all else is quiet.
     */
    enum Component {
        MAIL, KAFKA, POSTGRES
    }

    @FunctionalInterface
    interface Starter<T extends AutoCloseable> {
        T start() throws Exception;
    }

    private static final long START_WAIT_MILLIS = TimeUnit.SECONDS.toMillis(90);

    private final Map<Component, AutoCloseable> running = new EnumMap<>(Component.class);
    private int starting;
    private boolean stopping;

    <T extends AutoCloseable> T start(Component component, Starter<T> starter) throws Exception {
        synchronized (this) {
            if (stopping) {
                throw new IllegalStateException("shutting down; not starting " + component);
            }
            starting++;
        }
        T started = null;
        try {
            started = starter.start();
            return started;
        } finally {
            synchronized (this) {
                starting--;
                if (started != null) {
                    running.put(component, started);
                }
                notifyAll();
            }
        }
    }

    /** The server now runs on its own (PostgreSQL under pg_ctl): stopping this process must leave it running. */
    synchronized void release(Component component) {
        running.remove(component);
    }

    synchronized boolean stopping() {
        return stopping;
    }

    /** Stops everything; a server still starting is waited for, because a half-started PostgreSQL would outlive us. */
    void stopAll() {
        Map<Component, AutoCloseable> toStop;
        synchronized (this) {
            stopping = true;
            long deadline = System.currentTimeMillis() + START_WAIT_MILLIS;
            while (starting > 0 && System.currentTimeMillis() < deadline) {
                try {
                    wait(Math.max(1, deadline - System.currentTimeMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            toStop = new EnumMap<>(running);
            running.clear();
        }
        toStop.forEach((component, server) -> {
            long stopping = System.nanoTime();
            try {
                server.close();
                System.out.printf(Locale.ROOT, "%s stopped in %.1f s%n", component.name().toLowerCase(Locale.ROOT),
                        (System.nanoTime() - stopping) / 1e9);
            } catch (Exception e) {
                System.err.println("could not stop " + component + ": " + e);
            }
        });
    }
}
