package org.botoxclinic.scheduling.clinicday.domain;

import java.time.LocalTime;

/** A chair (a room) or an injector (a provider) on a clinic day, and the hours it is there: [opensAt, closesAt). */
public record ResourceHours(String id, LocalTime opensAt, LocalTime closesAt) {

    public int opensMinute() {
        return DaySlots.minuteOf(opensAt);
    }

    public int closesMinute() {
        return DaySlots.minuteOf(closesAt);
    }

    public int minutes() {
        return closesMinute() - opensMinute();
    }

    /** Whether the resource is there for the whole of [start, end): an appointment may end exactly at closing time. */
    public boolean covers(int startMinute, int endMinute) {
        return startMinute >= opensMinute() && endMinute <= closesMinute();
    }
}
