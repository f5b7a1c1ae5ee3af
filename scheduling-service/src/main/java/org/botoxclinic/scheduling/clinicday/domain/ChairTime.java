package org.botoxclinic.scheduling.clinicday.domain;

/** Capacity is chair minutes: an appointment fits only if the minutes left cover all of it. */
public final class ChairTime {

    private ChairTime() {
    }

    public static int available(int capacityMinutes, int bookedMinutes) {
        return Math.max(0, capacityMinutes - bookedMinutes);
    }

    /** A day filled exactly to capacity has no room left for anything. */
    public static boolean fits(int capacityMinutes, int bookedMinutes, int durationMinutes) {
        return bookedMinutes + durationMinutes <= capacityMinutes;
    }
}
