package org.botoxclinic.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;

import jakarta.persistence.PersistenceException;

import org.botoxclinic.platform.domain.IllegalTransitionException;
import org.botoxclinic.platform.domain.RuleRefusedException;
import org.botoxclinic.platform.events.MalformedEventException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FailuresTest {

    enum Status { CANCELLED }

    /** How a failure reaches the inbox: wrapped by Hibernate, JPA and the transaction interceptor. */
    private static RuntimeException wrapped(Throwable cause) {
        return new RuntimeException("transaction rolled back", new PersistenceException("could not execute statement", cause));
    }

    @ParameterizedTest
    @ValueSource(strings = {"08001", "08006", "08003", "53300", "53200", "57P01", "57P03", "40001", "40P01", "55P03",
            "57014", "28000", "28P01"})
    void shouldWaitOutSqlStatesThatPassWhereverTheyAreInTheChain(String state) {
        assertEquals(FailureKind.TRANSIENT, Failures.classify(wrapped(new SQLException("boom", state))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "23502", "22001", "42P01", "42703", "55000", "3D000"})
    void shouldNotWaitOutSqlStatesThatLast(String state) {
        assertEquals(FailureKind.UNKNOWN, Failures.classify(wrapped(new SQLException("boom", state))));
    }

    @Test
    void shouldWaitOutAnUnreachableDatabaseAndAPoolThatHasNoConnectionToGive() {
        assertEquals(FailureKind.TRANSIENT, Failures.classify(wrapped(new ConnectException("Connection refused"))));
        assertEquals(FailureKind.TRANSIENT, Failures.classify(wrapped(new SQLException("Acquisition timeout while waiting for new connection"))));
        assertEquals(FailureKind.TRANSIENT, Failures.classify(wrapped(new SQLException("Sorry, acquisition timeout!"))));
        assertEquals(FailureKind.TRANSIENT, Failures.classify(new SQLTransientConnectionException("no connection")));
        assertEquals(FailureKind.TRANSIENT, Failures.classify(
                new JDBCConnectionException("Unable to acquire JDBC Connection", new SQLException("x"))));
        assertEquals(FailureKind.TRANSIENT, Failures.classify(
                new LockAcquisitionException("deadlock", new SQLException("x"))));
        assertEquals(FailureKind.TRANSIENT, Failures.classify(wrapped(new jakarta.persistence.LockTimeoutException("lock"))));
        assertEquals(FailureKind.TRANSIENT, Failures.classify(wrapped(new jakarta.persistence.OptimisticLockException("changed"))));
    }

    @Test
    void shouldParkAtOnceWhatCanNeverBeApplied() {
        assertEquals(FailureKind.PERMANENT, Failures.classify(new MalformedEventException("event 1 lacks fields")));
        assertEquals(FailureKind.PERMANENT, Failures.classify(
                new RuleRefusedException("TOO_SOON", "too soon", Map.of())));
        assertEquals(FailureKind.PERMANENT, Failures.classify(wrapped(
                new IllegalTransitionException("referral", Status.CANCELLED, "accept"))));
    }

    @Test
    void shouldWaitOutATransientCauseEvenBehindARefusal() {
        RuntimeException refusedWhileAway = new MalformedEventException("event 1", new SQLException("gone", "08006"));
        assertEquals(FailureKind.TRANSIENT, Failures.classify(refusedWhileAway));
    }

    @Test
    void shouldLeaveAnythingElseUnknownSoItIsTriedAFewTimesThenParked() {
        assertEquals(FailureKind.UNKNOWN, Failures.classify(new IllegalArgumentException("No enum constant TENNIS_ELBOW")));
        assertEquals(FailureKind.UNKNOWN, Failures.classify(new NullPointerException()));
        assertEquals(FailureKind.UNKNOWN, Failures.classify(new SQLException("no state")));
    }

    @Test
    void shouldSurviveACauseChainThatLoops() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        assertEquals(FailureKind.UNKNOWN, Failures.classify(first));
        assertTrue(Failures.reason(first).contains("RuntimeException"));
    }

    @Test
    void shouldGiveTheReasonWithoutTheDataADriverQuotes() {
        SQLException sql = new SQLException("ERROR: duplicate key value violates unique constraint \"x\" "
                + "Detail: Key (member_id)=(W123456789) already exists.", "23505");
        String reason = Failures.reason(wrapped(new ConstraintViolationException("could not insert", sql, "authorization_case_referral_key")));

        assertFalse(reason.contains("W123456789"), reason);
        assertTrue(reason.contains("org.hibernate.exception.ConstraintViolationException"), reason);
        assertTrue(reason.contains("[constraint authorization_case_referral_key]"), reason);
        assertTrue(reason.contains("[SQLState 23505]"), reason);
    }

    @Test
    void shouldKeepThePlatformsOwnMessagesWhichCarryIdsOnly() {
        String reason = Failures.reason(new RuleRefusedException("TOO_SOON", "next treatment not before 84 days", Map.of()));

        assertEquals("org.botoxclinic.platform.domain.RuleRefusedException: next treatment not before 84 days [TOO_SOON]", reason);
    }
}
