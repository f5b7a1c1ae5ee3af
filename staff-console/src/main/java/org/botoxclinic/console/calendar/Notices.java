package org.botoxclinic.console.calendar;

import java.util.Map;

/** The sentence a page shows after a write succeeded ({@code ?done=...}). */
final class Notices {

    private static final Map<String, String> SENTENCES = Map.of(
            "day-added", "Clinic day added.",
            "booked", "Appointment booked.",
            "rescheduled", "Appointment moved.",
            "cancelled", "Appointment cancelled.",
            "checked-in", "Patient checked in.",
            "completed", "Treatment recorded.",
            "no-show", "Marked as a no-show.");

    private Notices() {
    }

    static String of(String done) {
        return done == null ? null : SENTENCES.get(done);
    }
}
