package org.botoxclinic.insurance.authorization.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CaseStatusTest {

    private static final Map<CaseStatus, Set<CaseStatus>> LEGAL = Map.ofEntries(
            Map.entry(CaseStatus.PENDING_SUBMISSION, EnumSet.of(CaseStatus.SUBMITTED, CaseStatus.WITHDRAWN, CaseStatus.CANCELLED)),
            Map.entry(CaseStatus.SUBMITTED, EnumSet.of(CaseStatus.APPROVED, CaseStatus.PARTIALLY_APPROVED, CaseStatus.DENIED,
                    CaseStatus.PENDED, CaseStatus.WITHDRAWN, CaseStatus.CANCELLED)),
            Map.entry(CaseStatus.PENDED, EnumSet.of(CaseStatus.SUBMITTED, CaseStatus.WITHDRAWN, CaseStatus.CANCELLED)),
            Map.entry(CaseStatus.DENIED, EnumSet.of(CaseStatus.APPEALED, CaseStatus.CANCELLED)),
            Map.entry(CaseStatus.APPEALED, EnumSet.of(CaseStatus.APPROVED, CaseStatus.PARTIALLY_APPROVED, CaseStatus.DENIED,
                    CaseStatus.WITHDRAWN, CaseStatus.CANCELLED)),
            Map.entry(CaseStatus.APPROVED, EnumSet.of(CaseStatus.EXHAUSTED, CaseStatus.EXPIRED, CaseStatus.CANCELLED)),
            Map.entry(CaseStatus.PARTIALLY_APPROVED, EnumSet.of(CaseStatus.EXHAUSTED, CaseStatus.EXPIRED, CaseStatus.CANCELLED)),
            Map.entry(CaseStatus.EXHAUSTED, EnumSet.noneOf(CaseStatus.class)),
            Map.entry(CaseStatus.EXPIRED, EnumSet.noneOf(CaseStatus.class)),
            Map.entry(CaseStatus.WITHDRAWN, EnumSet.noneOf(CaseStatus.class)),
            Map.entry(CaseStatus.CANCELLED, EnumSet.noneOf(CaseStatus.class)));

    @ParameterizedTest
    @EnumSource(CaseStatus.class)
    void shouldAllowExactlyTheDocumentedMovesFromEveryStatus(CaseStatus from) {
        for (CaseStatus to : CaseStatus.values()) {
            assertEquals(LEGAL.get(from).contains(to), from.canBecome(to), from + " -> " + to);
        }
    }

    @Test
    void shouldRankTheQueueByWhoMustActNext() {
        assertEquals(0, QueuePosition.rank(CaseStatus.SUBMITTED));
        assertEquals(0, QueuePosition.rank(CaseStatus.APPEALED));
        assertEquals(1, QueuePosition.rank(CaseStatus.PENDED));
        assertEquals(2, QueuePosition.rank(CaseStatus.APPROVED));
        assertEquals(3, QueuePosition.rank(CaseStatus.CANCELLED));
    }

    @ParameterizedTest
    @EnumSource(CaseStatus.class)
    void shouldRefuseEveryMoveItDoesNotAllowNamingTheStatus(CaseStatus from) {
        for (CaseStatus to : CaseStatus.values()) {
            if (from.canBecome(to)) {
                assertEquals(to, from.moveTo(to, "authorization case", "moved"));
            } else {
                org.botoxclinic.platform.domain.IllegalTransitionException refused = org.junit.jupiter.api.Assertions.assertThrows(
                        org.botoxclinic.platform.domain.IllegalTransitionException.class,
                        () -> from.moveTo(to, "authorization case", "moved"));
                assertEquals(from.name(), refused.currentStatus());
            }
        }
    }

    @Test
    void shouldKeepTheChecklistEditableOnlyBeforeAPayerAnswerIsAwaited() {
        assertEquals(EnumSet.of(CaseStatus.PENDING_SUBMISSION, CaseStatus.PENDED, CaseStatus.DENIED),
                EnumSet.copyOf(java.util.Arrays.stream(CaseStatus.values()).filter(CaseStatus::checklistEditable).toList()));
    }
}
