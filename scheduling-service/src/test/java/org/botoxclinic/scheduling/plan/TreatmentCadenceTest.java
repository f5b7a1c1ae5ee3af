package org.botoxclinic.scheduling.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.botoxclinic.scheduling.plan.domain.Authorization;
import org.botoxclinic.scheduling.plan.domain.TreatmentCadence;
import org.junit.jupiter.api.Test;

class TreatmentCadenceTest {

    private static final LocalDate LAST = LocalDate.of(2026, 9, 16);

    @Test
    void shouldRefuse83DaysAndAllow84() {
        assertFalse(TreatmentCadence.isLongEnoughSince(LAST, LAST.plusDays(83)));
        assertTrue(TreatmentCadence.isLongEnoughSince(LAST, LAST.plusDays(84)));
        assertTrue(TreatmentCadence.isLongEnoughSince(null, LAST));
    }

    @Test
    void shouldMakeTheNextEligibleDateTheLatestOfCadenceWindowAndToday() {
        LocalDate today = LocalDate.of(2026, 11, 24);
        assertEquals(LAST.plusDays(84), TreatmentCadence.nextEligibleDate(LAST, LocalDate.of(2026, 6, 1), today));
        assertEquals(LocalDate.of(2027, 1, 1), TreatmentCadence.nextEligibleDate(LAST, LocalDate.of(2027, 1, 1), today));
        assertEquals(today, TreatmentCadence.nextEligibleDate(null, LocalDate.of(2026, 6, 1), today));
    }

    @Test
    void shouldRunFromTheLaterOfThePlansOwnAndThePatientsLatestTreatmentForTheIndication() {
        assertEquals(LAST, TreatmentCadence.latest(LAST, null));
        assertEquals(LAST, TreatmentCadence.latest(null, LAST));
        assertEquals(LAST, TreatmentCadence.latest(LAST.minusDays(91), LAST));
        assertEquals(LAST, TreatmentCadence.latest(LAST, LAST.minusDays(91)));
        assertEquals(null, TreatmentCadence.latest(null, null));
    }

    @Test
    void shouldCoverBothEdgesOfTheAuthorizationWindow() {
        Authorization a = new Authorization(null, "A", LocalDate.of(2026, 12, 1), LocalDate.of(2027, 5, 31), 2, 310);
        assertFalse(a.covers(LocalDate.of(2026, 11, 30)));
        assertTrue(a.covers(LocalDate.of(2026, 12, 1)));
        assertTrue(a.covers(LocalDate.of(2027, 5, 31)));
        assertFalse(a.covers(LocalDate.of(2027, 6, 1)));
    }
}
