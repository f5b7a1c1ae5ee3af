package org.botoxclinic.insurance.authorization.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class DecisionClockTest {

    private static final ZoneId CLINIC = ZoneId.of("America/New_York");
    private static final DecisionClock CMS = new DecisionClock(Duration.ofHours(72), Duration.ofDays(7), Duration.ofDays(30));

    @Test
    void shouldGiveSeventyTwoHoursExpeditedAndSevenCalendarDaysStandard() {
        OffsetDateTime submitted = OffsetDateTime.parse("2026-11-24T09:00:00Z");
        assertEquals(OffsetDateTime.parse("2026-11-27T09:00:00Z"), CMS.decisionDueAt(submitted, true, CLINIC));
        assertEquals(OffsetDateTime.parse("2026-12-01T09:00:00Z"), CMS.decisionDueAt(submitted, false, CLINIC));
        assertEquals(OffsetDateTime.parse("2026-12-24T09:00:00Z"), CMS.appealDueAt(submitted, CLINIC));
    }

    @Test
    void shouldCountCalendarDaysAcrossTheEndOfDaylightSavingButHoursWhenExpedited() {
        // New York falls back on 2026-11-01: seven calendar days are 169 hours, 72 hours stay 72 hours.
        OffsetDateTime submitted = OffsetDateTime.parse("2026-10-29T13:00:00Z");
        assertEquals(OffsetDateTime.parse("2026-11-05T14:00:00Z"), CMS.decisionDueAt(submitted, false, CLINIC));
        assertEquals(OffsetDateTime.parse("2026-11-01T13:00:00Z"), CMS.decisionDueAt(submitted, true, CLINIC));
    }

    @Test
    void shouldUseAPayerClockInHoursAsGiven() {
        DecisionClock payer = new DecisionClock(Duration.ofHours(24), Duration.ofHours(100), Duration.ofHours(36));
        OffsetDateTime submitted = OffsetDateTime.parse("2026-11-24T09:00:00Z");
        assertEquals(OffsetDateTime.parse("2026-11-28T13:00:00Z"), payer.decisionDueAt(submitted, false, CLINIC));
        assertEquals(OffsetDateTime.parse("2026-11-25T21:00:00Z"), payer.appealDueAt(submitted, CLINIC));
    }

    @Test
    void shouldBeOnTimeUntilTheDueMinuteHasPassed() {
        OffsetDateTime due = OffsetDateTime.parse("2026-11-27T09:00:00Z");
        assertFalse(DecisionClock.overdue(due, due.minusMinutes(1)));
        assertFalse(DecisionClock.overdue(due, due));
        assertTrue(DecisionClock.overdue(due, due.plusMinutes(1)));
        assertFalse(DecisionClock.overdue(null, due));
    }
}
