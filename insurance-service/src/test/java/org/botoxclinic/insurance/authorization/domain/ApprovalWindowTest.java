package org.botoxclinic.insurance.authorization.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ApprovalWindowTest {

    private static final LocalDate FROM = LocalDate.of(2026, 12, 1);
    private static final LocalDate TO = LocalDate.of(2027, 5, 31);

    @Test
    void shouldCoverBothEndsOfTheWindowAndNothingOutside() {
        assertFalse(ApprovalWindow.covers(FROM, TO, FROM.minusDays(1)));
        assertTrue(ApprovalWindow.covers(FROM, TO, FROM));
        assertTrue(ApprovalWindow.covers(FROM, TO, TO));
        assertFalse(ApprovalWindow.covers(FROM, TO, TO.plusDays(1)));
        assertFalse(ApprovalWindow.covers(null, null, FROM));
    }

    @Test
    void shouldExpireTheDayAfterValidToNotOnIt() {
        assertFalse(ApprovalWindow.expired(TO, TO));
        assertTrue(ApprovalWindow.expired(TO, TO.plusDays(1)));
    }

    @Test
    void shouldAskForReauthorizationWhenATreatedApprovalEndsWithinTheLeadDays() {
        assertEquals(Optional.of(ReauthorizationReason.WINDOW_ENDING),
                ApprovalWindow.reauthorizationDue(CaseStatus.APPROVED, 1, TO, TO.minusDays(30), 30));
        assertEquals(Optional.empty(), ApprovalWindow.reauthorizationDue(CaseStatus.APPROVED, 1, TO, TO.minusDays(31), 30));
        assertEquals(Optional.of(ReauthorizationReason.WINDOW_ENDING),
                ApprovalWindow.reauthorizationDue(CaseStatus.PARTIALLY_APPROVED, 1, TO, TO, 30));
        assertEquals(Optional.empty(), ApprovalWindow.reauthorizationDue(CaseStatus.APPROVED, 1, TO, TO.plusDays(1), 30));
    }

    @Test
    void shouldNotAskWhileThePatientHasNotBeenTreatedUnderTheApproval() {
        assertEquals(Optional.empty(), ApprovalWindow.reauthorizationDue(CaseStatus.APPROVED, 0, TO, TO.minusDays(5), 30));
    }

    @Test
    void shouldAskWhenTheApprovalIsUsedUp() {
        assertEquals(Optional.of(ReauthorizationReason.VISITS_USED_UP),
                ApprovalWindow.reauthorizationDue(CaseStatus.EXHAUSTED, 2, TO, FROM, 30));
        assertEquals(Optional.empty(), ApprovalWindow.reauthorizationDue(CaseStatus.CANCELLED, 2, TO, TO.minusDays(1), 30));
    }
}
