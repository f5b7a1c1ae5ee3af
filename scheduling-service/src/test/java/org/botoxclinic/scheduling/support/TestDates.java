package org.botoxclinic.scheduling.support;

import java.time.LocalDate;
import java.util.List;

import io.quarkus.arc.Arc;

import org.botoxclinic.scheduling.clinicday.domain.ClinicDayRule;
import org.botoxclinic.scheduling.clinicday.service.ClinicDayService;
import org.botoxclinic.testkit.TestClock;

/**
 * The dates the tests book and move to, all computed from the day the test clock starts on and the service's own
 * clinic-day rule, so that the suite means the same on any date ({@code -Dclinic.test.start=...}).
 */
public final class TestDates {

    private TestDates() {
    }

    /** The clinic-local day the test clock starts on (every test starts there again). */
    public static LocalDate startDay() {
        return LocalDate.ofInstant(TestClock.START, TestClock.ZONE);
    }

    /** The monthly clinic-day rule as the running service is configured. */
    public static ClinicDayRule rule() {
        return Arc.container().instance(ClinicDayService.class).get().rule();
    }

    /** The n-th clinic day from the rule strictly after the start day: 1 is the next one, 2 the one after. */
    public static LocalDate clinicDay(int n) {
        return clinicDaysAfter(startDay()).get(n - 1);
    }

    /** The first clinic day from the rule on or after the given date. */
    public static LocalDate firstClinicDayFrom(LocalDate date) {
        return rule().daysFrom(date, 2).get(0);
    }

    /** The first clinic day from the rule strictly after the given date. */
    public static LocalDate firstClinicDayAfter(LocalDate date) {
        return clinicDaysAfter(date).get(0);
    }

    /** The default authorization window of a test plan: it opens the day after the start day, for six months. */
    public static LocalDate validFrom() {
        return startDay().plusDays(1);
    }

    public static LocalDate validTo() {
        return validFrom().plusMonths(6).minusDays(1);
    }

    private static List<LocalDate> clinicDaysAfter(LocalDate date) {
        return rule().daysFrom(date.plusDays(1), 12);
    }
}
