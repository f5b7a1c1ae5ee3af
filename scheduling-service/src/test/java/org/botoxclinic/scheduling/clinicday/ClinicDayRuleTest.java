package org.botoxclinic.scheduling.clinicday;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.botoxclinic.scheduling.clinicday.domain.ChairTime;
import org.botoxclinic.scheduling.clinicday.domain.ClinicDayRule;
import org.junit.jupiter.api.Test;

class ClinicDayRuleTest {

    private static final ClinicDayRule THIRD_WEDNESDAY = new ClinicDayRule(DayOfWeek.WEDNESDAY, 3);

    @Test
    void shouldPickTheThirdWednesdayEvenInAMonthWithFiveWednesdays() {
        // December 2026 has five Wednesdays (2, 9, 16, 23, 30); the third is still the 16th.
        assertEquals(Optional.of(LocalDate.of(2026, 12, 16)), THIRD_WEDNESDAY.dayIn(YearMonth.of(2026, 12)));
        // April 2026 starts on a Wednesday: the third is the 15th.
        assertEquals(Optional.of(LocalDate.of(2026, 4, 15)), THIRD_WEDNESDAY.dayIn(YearMonth.of(2026, 4)));
    }

    @Test
    void shouldSkipAMonthWithoutTheOccurrenceTheRuleAsksFor() {
        ClinicDayRule fifthWednesday = new ClinicDayRule(DayOfWeek.WEDNESDAY, 5);
        assertEquals(Optional.of(LocalDate.of(2026, 12, 30)), fifthWednesday.dayIn(YearMonth.of(2026, 12)));
        assertEquals(Optional.empty(), fifthWednesday.dayIn(YearMonth.of(2027, 2)));
        assertThrows(IllegalArgumentException.class, () -> new ClinicDayRule(DayOfWeek.WEDNESDAY, 6));
    }

    @Test
    void shouldCarryOnFromDecemberIntoJanuaryOfTheNextYear() {
        List<LocalDate> days = THIRD_WEDNESDAY.daysFrom(LocalDate.of(2026, 11, 24), 3);
        assertEquals(List.of(LocalDate.of(2026, 12, 16), LocalDate.of(2027, 1, 20), LocalDate.of(2027, 2, 17)), days);
    }

    @Test
    void shouldGenerateOneDayAMonthOverTheHorizonWithBothEndsIncluded() {
        List<LocalDate> days = THIRD_WEDNESDAY.daysFrom(LocalDate.of(2026, 11, 18), 12);
        assertEquals(13, days.size());
        assertEquals(LocalDate.of(2026, 11, 18), days.get(0));
        assertEquals(LocalDate.of(2027, 11, 17), days.get(12));
        List<LocalDate> dayAfter = THIRD_WEDNESDAY.daysFrom(LocalDate.of(2026, 11, 19), 12);
        assertEquals(LocalDate.of(2026, 12, 16), dayAfter.get(0));
        assertEquals(12, dayAfter.size());
        assertTrue(days.stream().allMatch(d -> d.getDayOfWeek() == DayOfWeek.WEDNESDAY && d.getDayOfMonth() >= 15
                && d.getDayOfMonth() <= 21));
    }

    @Test
    void shouldMeasureCapacityInChairMinutes() {
        assertEquals(720, ClinicDayRule.capacityMinutes(2, 6));
        assertEquals(480, ClinicDayRule.capacityMinutes(1, 8));
    }

    @Test
    void shouldAcceptNoMoreOnADayFilledExactlyToCapacity() {
        assertTrue(ChairTime.fits(90, 60, 30));
        assertFalse(ChairTime.fits(90, 90, 15));
        assertFalse(ChairTime.fits(90, 61, 30));
        assertEquals(0, ChairTime.available(90, 90));
        assertEquals(0, ChairTime.available(60, 90));
    }
}
