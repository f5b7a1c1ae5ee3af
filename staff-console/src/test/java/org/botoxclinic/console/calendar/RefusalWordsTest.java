package org.botoxclinic.console.calendar;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.botoxclinic.console.scheduling.ClinicDay;
import org.botoxclinic.console.upstream.Problem;
import org.botoxclinic.console.upstream.UpstreamRefusal;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** scheduling-service's refusal codes read as one sentence each, with the facts the service gave; the month grid. */
class RefusalWordsTest {

    @Test
    void aTakenTimeOffersTheNearestFreeTimes() {
        assertEquals("This time is taken. Nearest free times: 10:15, 10:30.",
                RefusalWords.sentence(refusal(409, "SLOT_UNAVAILABLE", null, Map.of("nearestFreeTimes", List.of("10:15", "10:30")))));
        assertEquals("This time is taken, and no other time that day is free for this treatment.",
                RefusalWords.sentence(refusal(409, "SLOT_UNAVAILABLE", null, Map.of("nearestFreeTimes", List.of()))));
    }

    @Test
    void tooSoonNamesTheNextAllowedDate() {
        assertEquals("Too soon after the last treatment (Wednesday 4 November 2026): the next allowed date is "
                        + "Wednesday 27 January 2027.",
                RefusalWords.sentence(refusal(422, "TOO_SOON", null,
                        Map.of("earliestDate", "2027-01-27", "lastTreatmentDate", "2026-11-04"))));
    }

    @Test
    void theRulesReadAsSentences() {
        assertEquals("Outside the authorization's dates: choose a day the insurer approved.",
                RefusalWords.sentence(refusal(422, "OUTSIDE_AUTHORIZATION_WINDOW", null, Map.of())));
        assertEquals("No visits left on the authorization.", RefusalWords.sentence(refusal(422, "NO_VISITS_LEFT", null, Map.of())));
        assertEquals("The day is full: no chair and injector are free together for this treatment.",
                RefusalWords.sentence(refusal(422, "CLINIC_DAY_FULL", null, Map.of())));
        assertEquals("That is more than the patient may have within 84 days: at most 45 units are allowed on this date.",
                RefusalWords.sentence(refusal(422, "DOSE_LIMIT_EXCEEDED", null, Map.of("unitsAllowed", 45))));
        assertEquals("Not yet: this can only be done on the appointment's day (Monday 11 January 2027) or later.",
                RefusalWords.sentence(refusal(422, "BEFORE_APPOINTMENT_DATE", null, Map.of("date", "2027-01-11"))));
    }

    @Test
    void anIllegalStateChangeSaysWhereTheAppointmentStands() {
        assertEquals("This appointment is already completed, so this can no longer be done. Reload the page to see "
                + "where it stands.", RefusalWords.sentence(refusal(409, "ILLEGAL_TRANSITION", "FULFILLED", Map.of())));
    }

    @Test
    void anUnknownCodeFallsBackToTheServicesOwnWords() {
        assertEquals("the clinic day is closed", RefusalWords.sentence(refusal(409, "SOMETHING_NEW", null, Map.of())));
        assertEquals("the clinic day is closed", RefusalWords.sentence(new UpstreamRefusal("scheduling-service", 409,
                new Problem(null, "Conflict", 409, null, "the clinic day is closed", null, List.of()))));
    }

    @Test
    void aMonthRunsFromMondayToSundayWithItsClinicDays() {
        LocalDate day = LocalDate.of(2027, 1, 20);
        MonthView month = MonthView.of(YearMonth.of(2027, 1),
                List.of(new ClinicDay(day, "OPEN", 720, 90, 630, 3)), LocalDate.of(2027, 1, 5));
        assertEquals("January 2027", month.title());
        assertEquals("2026-12", month.previous());
        assertEquals("2027-02", month.next());
        assertEquals(5, month.weeks().size());
        MonthView.Cell first = month.weeks().get(0).days().get(0);
        assertEquals("2026-12-28", first.date());
        assertFalse(first.inMonth());
        MonthView.Cell clinicDay = month.weeks().get(3).days().get(2);
        assertEquals("2027-01-20", clinicDay.date());
        assertEquals(13, clinicDay.day().utilisationPercent());
        assertEquals("10 h 30 min", clinicDay.day().freeTime());
        assertTrue(month.weeks().get(1).days().get(1).today());
        assertNull(month.weeks().get(1).days().get(1).day());
    }

    private static UpstreamRefusal refusal(int status, String code, String currentStatus, Map<String, Object> facts) {
        return new UpstreamRefusal("scheduling-service", status, new Problem(null, null, status, code,
                "the clinic day is closed", currentStatus, List.of(), facts));
    }
}
