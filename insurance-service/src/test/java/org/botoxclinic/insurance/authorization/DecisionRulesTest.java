package org.botoxclinic.insurance.authorization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Set;

import org.botoxclinic.insurance.authorization.domain.Decision;
import org.botoxclinic.insurance.authorization.domain.DecisionOutcome;
import org.botoxclinic.insurance.authorization.domain.DecisionRules;
import org.junit.jupiter.api.Test;

class DecisionRulesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    @Test
    void shouldAcceptAnApprovalWhoseWindowIsASingleDay() {
        assertTrue(DecisionRules.violations(new Decision(DecisionOutcome.APPROVED, "A-1", 155, 1, DAY, DAY, null, null)).isEmpty());
    }

    @Test
    void shouldRefuseAnApprovalWhoseWindowEndsBeforeItStarts() {
        var violations = DecisionRules.violations(
                new Decision(DecisionOutcome.APPROVED, "A-1", 155, 1, DAY, DAY.minusDays(1), null, null));
        assertEquals(Set.of("validTo"), violations.keySet());
    }

    @Test
    void shouldNameEveryMissingPartOfAnApproval() {
        var violations = DecisionRules.violations(
                new Decision(DecisionOutcome.PARTIALLY_APPROVED, " ", 0, null, null, null, null, null));
        assertEquals(Set.of("authorizationNumber", "approvedUnits", "approvedVisits", "validFrom", "validTo"), violations.keySet());
    }

    @Test
    void shouldRequireASpecificReasonForADenialButNotForAPend() {
        assertEquals(Set.of("denialReason"), DecisionRules.violations(
                new Decision(DecisionOutcome.DENIED, null, null, null, null, null, "", null)).keySet());
        assertTrue(DecisionRules.violations(
                new Decision(DecisionOutcome.DENIED, null, null, null, null, null, "step therapy not documented", null)).isEmpty());
        assertTrue(DecisionRules.violations(
                new Decision(DecisionOutcome.PENDED, null, null, null, null, null, null, "send diary")).isEmpty());
    }

    @Test
    void shouldApproveFromOneUnitAndOneVisitButNotZero() {
        assertTrue(DecisionRules.violations(new Decision(DecisionOutcome.APPROVED, "A-1", 1, 1, DAY, DAY, null, null)).isEmpty());
        assertEquals(Set.of("approvedUnits"), DecisionRules.violations(
                new Decision(DecisionOutcome.APPROVED, "A-1", 0, 1, DAY, DAY, null, null)).keySet());
        assertEquals(Set.of("approvedVisits"), DecisionRules.violations(
                new Decision(DecisionOutcome.PARTIALLY_APPROVED, "A-1", 1, 0, DAY, DAY, null, null)).keySet());
    }

    @Test
    void shouldNameAMissingOutcome() {
        assertEquals(Set.of("outcome"), DecisionRules.violations(new Decision(null, null, null, null, null, null, null, null)).keySet());
    }
}
