package org.botoxclinic.platform.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Wakes the relay when another transaction commits outbox rows: LISTENs on {@link #CHANNEL}, which platform
 * migration V0_9's trigger notifies on every commit that inserted into {@code outbox_event} (this replica's or any
 * other's). It holds one connection of its own (not one of the pool's) and blocks on it, so it costs nothing while
 * nothing happens. Every {@code check} it makes sure the connection still answers; when the connection is lost it
 * reconnects with back-off and, once listening again, wakes the relay for a sweep, since notifications sent while
 * it was away are gone. The relay's own safety poll covers the rest.
 */
final class OutboxListener {

    /** The channel platform migration V0_9 notifies. */
    static final String CHANNEL = "clinic_outbox";

    private static final Logger LOG = Logger.getLogger(OutboxListener.class);
    private static final Duration RECONNECT_MIN = Duration.ofMillis(500);
    private static final Duration RECONNECT_MAX = Duration.ofSeconds(30);

    /** Opens the listener's own connection. */
    interface Connections {
        Connection open() throws SQLException;
    }

    private final Connections connections;
    private final Runnable wake;
    private final Duration check;
    private final Object pause = new Object();
    private volatile boolean running;
    private volatile boolean listening;
    private volatile Connection connection;
    private Thread thread;

    OutboxListener(Connections connections, Runnable wake, Duration check) {
        this.connections = connections;
        this.wake = wake;
        this.check = check.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : check;
    }

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "outbox-listener");
        thread.setDaemon(true);
        thread.start();
    }

    synchronized void stop() {
        running = false;
        synchronized (pause) {
            pause.notifyAll();
        }
        abort(connection);
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    /** Whether the listener is connected and listening now. */
    boolean listening() {
        return listening;
    }

    /** Drops the listener's connection as a network fault would (tests); it reconnects and sweeps. */
    void dropConnection() {
        abort(connection);
    }

    private void run() {
        Duration backoff = RECONNECT_MIN;
        boolean failedBefore = false;
        while (running) {
            try (Connection c = connections.open()) {
                connection = c;
                c.setAutoCommit(true);
                try (Statement statement = c.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                listening = true;
                if (failedBefore) {
                    LOG.info("Outbox listener listening again");
                }
                failedBefore = false;
                backoff = RECONNECT_MIN;
                // Whatever was committed while nobody listened goes out now.
                wake.run();
                listenOn(c, pg);
            } catch (SQLException | RuntimeException e) {
                if (running && !failedBefore) {
                    LOG.warnf("Outbox listener lost its connection (%s); the relay polls until it is back",
                            e.getClass().getSimpleName());
                }
                failedBefore = true;
            } finally {
                listening = false;
                connection = null;
            }
            if (running) {
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(RECONNECT_MAX) > 0 ? RECONNECT_MAX : backoff.multipliedBy(2);
            }
        }
    }

    private void listenOn(Connection c, PGConnection pg) throws SQLException {
        int timeout = (int) Math.min(Integer.MAX_VALUE, check.toMillis());
        while (running) {
            PGNotification[] notifications = pg.getNotifications(timeout);
            if (notifications != null && notifications.length > 0) {
                wake.run();
            } else if (running) {
                // Quiet for a while: a silently dropped connection only shows when something is sent on it.
                try (Statement statement = c.createStatement()) {
                    statement.execute("select 1");
                }
            }
        }
    }

    private void pause(Duration duration) {
        synchronized (pause) {
            if (running) {
                try {
                    pause.wait(duration.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
    }

    /** Closes the socket under a thread blocked on it (a plain close would wait for that thread's read to end). */
    private static void abort(Connection c) {
        if (c != null) {
            try {
                c.abort(Runnable::run);
            } catch (SQLException | RuntimeException ignored) {
                // Being given up anyway.
            }
        }
    }
}
