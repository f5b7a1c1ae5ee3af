package org.botoxclinic.scheduling.clinicday.domain;

import java.time.LocalTime;
import java.util.UUID;

/** The time an appointment holds on its day: a chair and an injector from its start for its duration. */
public record BookedSlot(UUID appointmentId, LocalTime startTime, int durationMinutes, String chair, String providerId) {

    public int startMinute() {
        return DaySlots.minuteOf(startTime);
    }

    public int endMinute() {
        return startMinute() + durationMinutes;
    }

    /** Whether it overlaps [start, end); an appointment ending exactly when another starts does not. */
    public boolean overlaps(int start, int end) {
        return startMinute() < end && start < endMinute();
    }
}
