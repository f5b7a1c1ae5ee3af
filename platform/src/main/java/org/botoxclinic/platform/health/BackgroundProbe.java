package org.botoxclinic.platform.health;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.jboss.logging.Logger;

/**
 * Asks another system a question on its own thread and keeps the last answer, so that a health check reads a
 * cached state and answers at once even while that system hangs; a probe that has not succeeded for longer than
 * {@code staleAfter} (because it failed or because it is still waiting) reads as DOWN.
 * <p>
 * Asked on demand: a probe runs when the state is read (a health check, a metrics scrape) and the last one started
 * {@code every} or longer ago, so a replica nobody watches asks nobody anything. A read that starts a probe waits
 * for its answer up to {@code answerWait} (well under a second), so the first read after a quiet spell answers with
 * a fresh state rather than an old one; a probe still running after that reads as before: UP while the last success
 * is younger than {@code staleAfter}, DOWN after.
 */
final class BackgroundProbe {

    private static final Logger LOG = Logger.getLogger(BackgroundProbe.class);

    /** One question to the other system; throws when it does not answer properly. */
    interface Question {
        void ask() throws Exception;
    }

    /**
     * The cached answer: up or not, since when (the last change between up and down, null before the first probe),
     * how old the last success is, and for a DOWN state a stable reason code ({@link Reason}), never an exception's
     * text, a host name or a statement.
     */
    record State(boolean up, Instant since, long lastSuccessAgeMillis, Reason reason) {
    }

    /** Why a probe reads as DOWN. */
    enum Reason {
        /** The first probe has not finished yet. */
        NOT_PROBED_YET,
        /** The last probe ran out of time (the other system hangs). */
        TIMEOUT,
        /** The other system could not be reached (connection refused, reset, unknown host). */
        UNREACHABLE,
        /** The other system refused this service's login. */
        LOGIN_REFUSED,
        /** The other system answered with an error. */
        ERROR,
        /** No probe has succeeded for longer than the staleness limit (one still waiting counts as failed). */
        NO_RECENT_ANSWER
    }

    private final String name;
    private final Question question;
    private final Duration every;
    private final Duration staleAfter;
    private final AtomicReference<Instant> lastSuccess = new AtomicReference<>();
    private final AtomicReference<Reason> lastFailure = new AtomicReference<>(Reason.NOT_PROBED_YET);
    private final AtomicReference<Instant> upSince = new AtomicReference<>();
    private final AtomicReference<Instant> downSince = new AtomicReference<>();
    private final Duration answerWait;
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile long lastStartNanos;
    private volatile boolean failing;
    private volatile ScheduledExecutorService executor;

    BackgroundProbe(String name, Question question, Duration every, Duration staleAfter, Duration answerWait) {
        this.name = name;
        this.question = question;
        this.every = every;
        this.staleAfter = staleAfter;
        this.answerWait = answerWait;
    }

    /** Ready to probe, and probes once at once, so that the first read finds an answer. */
    synchronized void start() {
        start(Duration.ZERO);
    }

    /**
     * Ready to probe, and probes once {@code firstProbeAfter} from now unless a read has made it probe before: a
     * probe that no read is waiting for keeps out of the way of the service's start-up.
     */
    synchronized void start(Duration firstProbeAfter) {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "health-probe-" + name);
                thread.setDaemon(true);
                return thread;
            });
            if (firstProbeAfter.isZero() || firstProbeAfter.isNegative()) {
                probeIfDue();
            } else {
                executor.schedule(this::probeIfDue, firstProbeAfter.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    State state() {
        Future<?> started = probeIfDue();
        if (started != null) {
            try {
                started.get(answerWait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException | java.util.concurrent.CancellationException e) {
                // Still waiting (or stopped): the state below says what is known.
            }
        }
        return cached();
    }

    /** Starts a probe unless one is running or the last one started less than {@code every} ago. */
    private Future<?> probeIfDue() {
        ExecutorService current = executor;
        if (current == null || (lastStartNanos != 0 && System.nanoTime() - lastStartNanos < every.toNanos())
                || !probing.compareAndSet(false, true)) {
            return null;
        }
        lastStartNanos = System.nanoTime();
        try {
            return current.submit(() -> {
                try {
                    probeOnce();
                } finally {
                    probing.set(false);
                }
            });
        } catch (RejectedExecutionException e) {
            probing.set(false);
            return null;
        }
    }

    private State cached() {
        Instant success = lastSuccess.get();
        long age = success == null ? -1 : Duration.between(success, Instant.now()).toMillis();
        if (failing || success == null) {
            return new State(false, downSince.get(), age, lastFailure.get());
        }
        if (age > staleAfter.toMillis()) {
            return new State(false, success.plus(staleAfter), age, Reason.NO_RECENT_ANSWER);
        }
        return new State(true, upSince.get(), age, null);
    }

    private void probeOnce() {
        try {
            question.ask();
            Instant now = Instant.now();
            lastSuccess.set(now);
            if (failing) {
                LOG.infof("%s answers again", name);
            }
            if (failing || upSince.get() == null) {
                upSince.set(now);
            }
            failing = false;
        } catch (Exception e) {
            lastFailure.set(reason(e));
            if (!failing) {
                downSince.set(Instant.now());
                LOG.warnf("%s does not answer: %s", name, kind(e));
            }
            failing = true;
        }
    }

    static Reason reason(Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SQLTimeoutException || t instanceof TimeoutException
                    || t instanceof java.net.SocketTimeoutException
                    || t instanceof org.apache.kafka.common.errors.TimeoutException) {
                return Reason.TIMEOUT;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                if (sql.getSQLState().startsWith("28")) {
                    return Reason.LOGIN_REFUSED;
                }
                if (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")) {
                    return Reason.UNREACHABLE;
                }
            }
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException) {
                return Reason.UNREACHABLE;
            }
        }
        return Reason.ERROR;
    }

    /** The failure's kind and SQL state for the log, never its message (which may quote data). */
    private static String kind(Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        String kind = cause.getClass().getSimpleName();
        if (cause instanceof SQLException sql && sql.getSQLState() != null) {
            return kind + " (SQL state " + sql.getSQLState() + ")";
        }
        return kind;
    }
}
