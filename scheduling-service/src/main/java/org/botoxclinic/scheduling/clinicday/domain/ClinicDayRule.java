package org.botoxclinic.scheduling.clinicday.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The practice treats on one calendar day a month, such as the third Wednesday; this says which dates those are. */
public record ClinicDayRule(DayOfWeek weekday, int weekOfMonth) {

    public ClinicDayRule {
        if (weekOfMonth < 1 || weekOfMonth > 5) {
            throw new IllegalArgumentException("week of month must be 1-5, was " + weekOfMonth);
        }
    }

    /** The clinic day of a month; empty when the month has no such occurrence (a fifth Wednesday, say). */
    public Optional<LocalDate> dayIn(YearMonth month) {
        LocalDate day = month.atDay(1).with(TemporalAdjusters.dayOfWeekInMonth(weekOfMonth, weekday));
        return YearMonth.from(day).equals(month) ? Optional.of(day) : Optional.empty();
    }

    /** Every clinic day from {@code from} for the given number of months, both ends included. */
    public List<LocalDate> daysFrom(LocalDate from, int months) {
        LocalDate until = from.plusMonths(months);
        List<LocalDate> days = new ArrayList<>();
        for (YearMonth month = YearMonth.from(from); !month.atDay(1).isAfter(until); month = month.plusMonths(1)) {
            dayIn(month).filter(d -> !d.isBefore(from) && !d.isAfter(until)).ifPresent(days::add);
        }
        return days;
    }

    /** Chair minutes of a day: chairs times hours. */
    public static int capacityMinutes(int chairs, int hours) {
        return Math.multiplyExact(chairs, hours * 60);
    }
}
