package org.botoxclinic.insurance.authorization.domain;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * How long a payer has to decide (CMS-0057-F: 72 hours expedited, 7 calendar days standard) and to settle an appeal.
 * The expedited clock counts hours; a standard or appeal clock in whole days counts calendar days in the clinic's
 * zone, so a daylight-saving change does not move it.
 */
public record DecisionClock(Duration expedited, Duration standard, Duration appeal) {

    public Duration forRequest(boolean isExpedited) {
        return isExpedited ? expedited : standard;
    }

    public OffsetDateTime decisionDueAt(OffsetDateTime submittedAt, boolean isExpedited, ZoneId zone) {
        return isExpedited ? dueAt(submittedAt, expedited, null) : dueAt(submittedAt, standard, zone);
    }

    public OffsetDateTime appealDueAt(OffsetDateTime appealedAt, ZoneId zone) {
        return dueAt(appealedAt, appeal, zone);
    }

    /** Overdue once the due time has passed; a decision due exactly now is still on time. */
    public static boolean overdue(OffsetDateTime dueAt, OffsetDateTime now) {
        return dueAt != null && now.isAfter(dueAt);
    }

    static OffsetDateTime dueAt(OffsetDateTime start, Duration clock, ZoneId zone) {
        if (zone != null && clock.toSeconds() % 86_400 == 0) {
            return start.atZoneSameInstant(zone).plusDays(clock.toDays()).toOffsetDateTime()
                    .withOffsetSameInstant(ZoneOffset.UTC);
        }
        return start.plus(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
