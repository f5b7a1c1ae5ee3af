package org.botoxclinic.console.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.botoxclinic.console.scheduling.ClinicDay;

import io.quarkus.qute.TemplateData;

/** A month as the calendar shows it: weeks from Monday to Sunday, the clinic days in their cells. */
@TemplateData
public record MonthView(String title, String month, String previous, String next, List<Week> weeks,
                        List<ClinicDay> clinicDays) {

    private static final DateTimeFormatter TITLE = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter CELL = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

    @TemplateData
    public record Week(List<Cell> days) {
    }

    /** One date of the grid; {@code day} is its clinic day or null. */
    @TemplateData
    public record Cell(String date, int dayOfMonth, String label, boolean inMonth, boolean today, ClinicDay day) {
    }

    static MonthView of(YearMonth month, List<ClinicDay> days, LocalDate today) {
        Map<LocalDate, ClinicDay> byDate = days.stream().collect(Collectors.toMap(ClinicDay::date, Function.identity(), (a, b) -> a));
        LocalDate start = month.atDay(1).with(DayOfWeek.MONDAY);
        if (start.isAfter(month.atDay(1))) {
            start = start.minusWeeks(1);
        }
        List<Week> weeks = new ArrayList<>();
        for (LocalDate date = start; !date.isAfter(month.atEndOfMonth()); ) {
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < 7; i++, date = date.plusDays(1)) {
                boolean inMonth = YearMonth.from(date).equals(month);
                cells.add(new Cell(date.toString(), date.getDayOfMonth(), date.format(CELL), inMonth, date.equals(today),
                        inMonth ? byDate.get(date) : null));
            }
            weeks.add(new Week(cells));
        }
        return new MonthView(month.format(TITLE), month.toString(), month.minusMonths(1).toString(),
                month.plusMonths(1).toString(), weeks, days);
    }
}
