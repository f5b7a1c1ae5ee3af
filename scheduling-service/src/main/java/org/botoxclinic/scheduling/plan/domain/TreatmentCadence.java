package org.botoxclinic.scheduling.plan.domain;

import java.time.LocalDate;

/**
 * Payers allow a treatment no more often than every 12 weeks: at least 84 days between two treatments of the same
 * patient for the same indication, whichever of the patient's referrals they were given under (another indication
 * runs its own 84 days; the dose limit then decides).
 */
public final class TreatmentCadence {

    public static final int MINIMUM_DAYS_BETWEEN_TREATMENTS = 84;

    private TreatmentCadence() {
    }

    /** The first day a treatment is allowed: 84 days after the last one, never before today or the window. */
    public static LocalDate nextEligibleDate(LocalDate lastTreatment, LocalDate validFrom, LocalDate today) {
        LocalDate earliest = today;
        if (lastTreatment != null) {
            earliest = later(earliest, lastTreatment.plusDays(MINIMUM_DAYS_BETWEEN_TREATMENTS));
        }
        if (validFrom != null) {
            earliest = later(earliest, validFrom);
        }
        return earliest;
    }

    /** The first date a treatment is allowed after the given one. */
    public static LocalDate earliestAfter(LocalDate lastTreatment) {
        return lastTreatment.plusDays(MINIMUM_DAYS_BETWEEN_TREATMENTS);
    }

    public static boolean isLongEnoughSince(LocalDate lastTreatment, LocalDate date) {
        return lastTreatment == null || !date.isBefore(lastTreatment.plusDays(MINIMUM_DAYS_BETWEEN_TREATMENTS));
    }

    /** The later of two treatment dates, either of which may be unknown (null). */
    public static LocalDate latest(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : later(a, b);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
