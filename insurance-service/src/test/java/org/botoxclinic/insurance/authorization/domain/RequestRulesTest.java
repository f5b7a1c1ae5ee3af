package org.botoxclinic.insurance.authorization.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RequestRulesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-24T12:00:00Z");
    private static final OffsetDateTime DENIED = OffsetDateTime.parse("2026-11-20T12:00:00Z");

    @Test
    void shouldAcceptASubmissionDatedNowButNotAMinuteLater() {
        assertTrue(RequestRules.submission(NOW, false, null, NOW).isEmpty());
        assertEquals(Set.of("submittedAt"), RequestRules.submission(NOW.plusMinutes(1), false, null, NOW).keySet());
    }

    @Test
    void shouldRequireAReasonToOverrideUnmetRequirements() {
        assertEquals(Set.of("overrideReason"), RequestRules.submission(NOW, true, " ", NOW).keySet());
        assertTrue(RequestRules.submission(NOW, true, "payer confirmed by phone", NOW).isEmpty());
        assertTrue(RequestRules.submission(NOW, false, null, NOW).isEmpty());
    }

    @Test
    void shouldAcceptAnAppealFiledBetweenTheDenialAndNow() {
        assertTrue(RequestRules.appeal(DENIED, "new diary", DENIED, NOW).isEmpty());
        assertTrue(RequestRules.appeal(NOW, "new diary", DENIED, NOW).isEmpty());
        assertEquals(Set.of("submittedAt"), RequestRules.appeal(DENIED.minusMinutes(1), "new diary", DENIED, NOW).keySet());
        assertEquals(Set.of("submittedAt"), RequestRules.appeal(NOW.plusMinutes(1), "new diary", DENIED, NOW).keySet());
    }

    @Test
    void shouldRequireTheAppealDateAndReason() {
        assertEquals(Set.of("submittedAt", "reason"), RequestRules.appeal(null, "", DENIED, NOW).keySet());
        assertEquals(Set.of("reason"), RequestRules.withdrawal(" ").keySet());
        assertTrue(RequestRules.withdrawal("patient chose another clinic").isEmpty());
    }
}
