package org.botoxclinic.scheduling.appointment.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.botoxclinic.platform.domain.RuleRefusedException;

/**
 * Payers cap the total dose: at most 400 units (configurable) within 84 days, across all indications. An instance
 * is the limit for one patient, with the doses they were already given.
 */
public record DoseLimit(int maxUnits, List<GivenDose> history) {

    public static final int WINDOW_DAYS = 84;
    public static final String DOSE_LIMIT_EXCEEDED = "DOSE_LIMIT_EXCEEDED";

    /** A dose already given to the same patient. */
    public record GivenDose(LocalDate date, int units) {
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

    /** @throws RuleRefusedException DOSE_LIMIT_EXCEEDED, with the units still allowed, when the dose is too much */
    public void requireAllows(LocalDate date, int units) {
        if (!allows(maxUnits, history, date, units)) {
            int allowed = unitsAllowed(maxUnits, history, date);
            throw new RuleRefusedException(DOSE_LIMIT_EXCEEDED, "at most " + maxUnits + " units within " + WINDOW_DAYS
                    + " days across indications; " + allowed + " units are allowed on " + date,
                    Map.of("unitsAllowed", allowed));
        }
    }
}
