package org.botoxclinic.platform.health;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.jboss.logging.Logger;

/**
 * Asks another system a question on its own thread and keeps the last answer, so that a health check reads a
 * cached state and answers at once even while that system hangs; a probe that has not succeeded for longer than
 * {@code staleAfter} (because it failed or because it is still waiting) reads as DOWN.
 */
final class BackgroundProbe {

    private static final Logger LOG = Logger.getLogger(BackgroundProbe.class);

    /** One question to the other system; throws when it does not answer properly. */
    interface Question {
        void ask() throws Exception;
    }

    /** The cached answer: up or not, how old the last success is, and the last failure's kind (never a payload). */
    record State(boolean up, long lastSuccessAgeMillis, String lastFailure) {
    }

    private final String name;
    private final Question question;
    private final Duration every;
    private final Duration staleAfter;
    private final AtomicReference<Instant> lastSuccess = new AtomicReference<>();
    private final AtomicReference<String> lastFailure = new AtomicReference<>("not probed yet");
    private volatile boolean failing;
    private ScheduledExecutorService executor;

    BackgroundProbe(String name, Question question, Duration every, Duration staleAfter) {
        this.name = name;
        this.question = question;
        this.every = every;
        this.staleAfter = staleAfter;
    }

    synchronized void start() {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "health-probe-" + name);
                thread.setDaemon(true);
                return thread;
            });
            executor.scheduleWithFixedDelay(this::probeOnce, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    State state() {
        Instant success = lastSuccess.get();
        long age = success == null ? -1 : Duration.between(success, Instant.now()).toMillis();
        if (failing || success == null) {
            return new State(false, age, lastFailure.get());
        }
        if (age > staleAfter.toMillis()) {
            return new State(false, age, "no answer for " + age + " ms");
        }
        return new State(true, age, null);
    }

    private void probeOnce() {
        try {
            question.ask();
            lastSuccess.set(Instant.now());
            if (failing) {
                LOG.infof("%s answers again", name);
            }
            failing = false;
        } catch (Exception e) {
            lastFailure.set(describe(e));
            if (!failing) {
                LOG.warnf("%s does not answer: %s", name, lastFailure.get());
            }
            failing = true;
        }
    }

    /** The failure's kind and SQL state, never its message (which may quote data). */
    private static String describe(Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        String kind = cause.getClass().getSimpleName();
        if (cause instanceof SQLException sql && sql.getSQLState() != null) {
            return kind + " (SQL state " + sql.getSQLState() + ")";
        }
        return kind;
    }
}
