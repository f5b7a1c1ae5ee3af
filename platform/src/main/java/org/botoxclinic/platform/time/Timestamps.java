package org.botoxclinic.platform.time;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Instants are stored and shown in UTC at the database's precision, so a value reads back as it was written. */
public final class Timestamps {

    private Timestamps() {
    }

    public static OffsetDateTime now(Clock clock) {
        return utc(OffsetDateTime.now(clock));
    }

    public static OffsetDateTime utc(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
