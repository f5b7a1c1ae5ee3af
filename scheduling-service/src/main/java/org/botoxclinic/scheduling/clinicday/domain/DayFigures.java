package org.botoxclinic.scheduling.clinicday.domain;

/**
 * How a clinic day went (or is going): the appointments of each outcome on it.
 *
 * @param noShows       appointments marked NOSHOW
 * @param cancellations appointments CANCELLED (they hold no time)
 * @param fulfilled     appointments FULFILLED
 */
public record DayFigures(int noShows, int cancellations, int fulfilled) {

    public static final DayFigures NONE = new DayFigures(0, 0, 0);

    /** Booked minutes against capacity, rounded to three decimals; 0 for a day without capacity. */
    public static double utilisation(int bookedMinutes, int capacityMinutes) {
        if (capacityMinutes <= 0) {
            return 0;
        }
        return Math.round(bookedMinutes * 1000.0 / capacityMinutes) / 1000.0;
    }
}
