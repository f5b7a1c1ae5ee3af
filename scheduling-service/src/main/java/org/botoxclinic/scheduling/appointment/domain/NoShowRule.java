package org.botoxclinic.scheduling.appointment.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A booked patient who never arrived becomes a no-show once their clinic day and a grace period are over. */
public final class NoShowRule {

    private NoShowRule() {
    }

    /** The instant from which an appointment still BOOKED counts as missed: the end of its day (clinic time) plus the grace. */
    public static Instant missedFrom(LocalDate date, ZoneId zone, Duration grace) {
        return date.plusDays(1).atStartOfDay(zone).toInstant().plus(grace);
    }

    public static boolean isMissed(LocalDate date, Instant now, ZoneId zone, Duration grace) {
        return !now.isBefore(missedFrom(date, zone, grace));
    }

    /** The latest clinic date whose BOOKED appointments count as missed at {@code now}. */
    public static LocalDate lastMissedDate(Instant now, ZoneId zone, Duration grace) {
        return now.minus(grace).atZone(zone).toLocalDate().minusDays(1);
    }
}
