package org.botoxclinic.platform.inbox;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.botoxclinic.platform.domain.DomainException;
import org.botoxclinic.platform.events.MalformedEventException;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Classifies a consumer's failure by everything in its cause chain, and says why it failed without quoting data:
 * drivers and the database put column values (patient data) into their messages, so only the messages the platform
 * itself writes (ids, rule codes) are kept, and of anything else only its class and SQLState.
 */
public final class Failures {

    /** SQLStates that pass: connection (08), insufficient resources (53), operator intervention, serialization, deadlock, locks, timeouts, logins refused. */
    private static final Set<String> TRANSIENT_STATES = Set.of(
            "57P01", "57P02", "57P03", "57P05", "57014", "40001", "40P01", "55P03", "28000", "28P01");
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53");
    private static final Set<String> TRANSIENT_TYPES = Set.of(
            "org.hibernate.exception.JDBCConnectionException",
            "org.hibernate.exception.LockAcquisitionException",
            "org.hibernate.exception.LockTimeoutException",
            "org.hibernate.exception.TransactionSerializationException",
            "org.hibernate.exception.AuthException",
            "org.hibernate.PessimisticLockException",
            "org.hibernate.QueryTimeoutException",
            "org.hibernate.StaleStateException",
            "jakarta.persistence.LockTimeoutException",
            "jakarta.persistence.PessimisticLockException",
            "jakarta.persistence.OptimisticLockException",
            "jakarta.persistence.QueryTimeoutException");
    private static final int MAX_DEPTH = 64;

    private Failures() {
    }

    public static FailureKind classify(Throwable failure) {
        boolean permanent = false;
        for (Throwable cause : chain(failure)) {
            if (isTransient(cause)) {
                return FailureKind.TRANSIENT;
            }
            permanent |= cause instanceof MalformedEventException || cause instanceof DomainException;
        }
        return permanent ? FailureKind.PERMANENT : FailureKind.UNKNOWN;
    }

    private static boolean isTransient(Throwable cause) {
        if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                || cause instanceof SocketException || cause instanceof SocketTimeoutException
                || cause instanceof UnknownHostException) {
            return true;
        }
        for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
            if (TRANSIENT_TYPES.contains(type.getName())) {
                return true;
            }
        }
        if (cause instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && state.length() == 5
                    && (TRANSIENT_STATES.contains(state) || TRANSIENT_CLASSES.contains(state.substring(0, 2)))) {
                return true;
            }
            // The connection pool's own: no connection could be had in time (e.g. every login refused).
            String message = sql.getMessage() == null ? "" : sql.getMessage().toLowerCase(Locale.ROOT);
            return message.contains("acquisition timeout") || message.contains("interrupted while acquiring");
        }
        return false;
    }

    /**
     * Why an attempt failed, fit for logs and the dead-letter table: the platform's own messages (ids and rule
     * codes), otherwise the chain of exception classes with SQLState and constraint name.
     */
    public static String reason(Throwable failure) {
        StringBuilder reason = new StringBuilder();
        for (Throwable cause : chain(failure)) {
            if (!reason.isEmpty()) {
                reason.append(" <- ");
            }
            reason.append(cause.getClass().getName());
            if (cause instanceof MalformedEventException || cause instanceof DomainException) {
                reason.append(": ").append(cause.getMessage());
                if (cause instanceof DomainException domain) {
                    reason.append(" [").append(domain.code()).append(']');
                }
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                reason.append(" [SQLState ").append(sql.getSQLState()).append(']');
            }
            if (cause instanceof ConstraintViolationException constraint && constraint.getConstraintName() != null) {
                reason.append(" [constraint ").append(constraint.getConstraintName()).append(']');
            }
        }
        return reason.length() > 2000 ? reason.substring(0, 2000) : reason.toString();
    }

    /** The failure and its causes, outermost first, each once (a cause chain may loop). */
    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause) && chain.size() < MAX_DEPTH; cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }
}
