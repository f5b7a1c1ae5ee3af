package org.botoxclinic.scheduling.waitlist.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * How long a patient has to answer an offer: the configured time (default 24 hours), but never past the offered start
 * time itself, so that an offer for tomorrow morning made tonight lapses in time for the next patient.
 */
public final class OfferExpiry {

    private OfferExpiry() {
    }

    public static OffsetDateTime of(OffsetDateTime now, Duration answerWithin, LocalDate date, LocalTime startTime,
                                    ZoneId zone) {
        OffsetDateTime byAnswerTime = now.plus(answerWithin);
        OffsetDateTime byStart = date.atTime(startTime == null ? LocalTime.MIDNIGHT : startTime).atZone(zone)
                .toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        return byStart.isBefore(byAnswerTime) ? byStart : byAnswerTime;
    }
}
