package org.botoxclinic.console.insurance;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The payer's decision clock as a person reads it: how long is left, or how long it is overdue. Whether a case is
 * overdue is the service's word ({@code overdue}); the console only says how far the due time is from now.
 */
public final class DecisionClockWords {

    private DecisionClockWords() {
    }

    /** @return null when there is no decision due */
    public static String of(OffsetDateTime dueAt, boolean overdue, Instant now) {
        if (dueAt == null) {
            return null;
        }
        Duration left = Duration.between(now, dueAt.toInstant());
        if (overdue || left.isNegative()) {
            return "Overdue by " + span(left.abs());
        }
        return "Due in " + span(left);
    }

    static String span(Duration d) {
        long days = d.toDays();
        if (days >= 2) {
            return days + " days";
        }
        long hours = d.toHours();
        if (hours >= 2) {
            return hours + " hours";
        }
        long minutes = Math.max(d.toMinutes(), 0);
        if (minutes >= 60) {
            return "1 hour " + (minutes - 60) + " minutes";
        }
        return minutes <= 1 ? (minutes == 1 ? "1 minute" : "less than a minute") : minutes + " minutes";
    }
}
