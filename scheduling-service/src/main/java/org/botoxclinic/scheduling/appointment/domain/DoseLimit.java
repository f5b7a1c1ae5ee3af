package org.botoxclinic.scheduling.appointment.domain;

import java.time.LocalDate;
import java.util.List;

/** Payers cap the total dose: at most 400 units (configurable) within 84 days, across all indications. */
public final class DoseLimit {

    public static final int WINDOW_DAYS = 84;

    /** A dose already given to the same patient. */
    public record GivenDose(LocalDate date, int units) {
    }

    private DoseLimit() {
    }

    /** Units still allowed on {@code date}: doses in the 84 days up to and including it count, one 84 days earlier does not. */
    public static int unitsAllowed(int maxUnits, List<GivenDose> history, LocalDate date) {
        LocalDate firstCounted = date.minusDays(WINDOW_DAYS - 1L);
        int given = history.stream()
                .filter(d -> !d.date().isBefore(firstCounted) && !d.date().isAfter(date))
                .mapToInt(GivenDose::units)
                .sum();
        return Math.max(0, maxUnits - given);
    }

    public static boolean allows(int maxUnits, List<GivenDose> history, LocalDate date, int units) {
        return units <= unitsAllowed(maxUnits, history, date);
    }
}
