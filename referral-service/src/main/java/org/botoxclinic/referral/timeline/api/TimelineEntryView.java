package org.botoxclinic.referral.timeline.api;

import java.time.OffsetDateTime;

import org.botoxclinic.referral.timeline.domain.TimelineEntry;

/** One timeline entry as the referring PCP reads it. */
public record TimelineEntryView(long id, OffsetDateTime at, String type, String detail) {

    static TimelineEntryView of(TimelineEntry entry) {
        return new TimelineEntryView(entry.id(), entry.at(), entry.type().name(), entry.detail());
    }
}
