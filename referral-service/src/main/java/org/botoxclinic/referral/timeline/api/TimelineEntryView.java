package org.botoxclinic.referral.timeline.api;

import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.botoxclinic.referral.timeline.domain.TimelineEntry;

/**
 * One timeline entry as the referring PCP reads it; {@code details} (only on entries that carry figures, such as a
 * consult report or an added document) is what the PCP's system reads.
 */
public record TimelineEntryView(long id, OffsetDateTime at, String type, String detail,
                                @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> details) {

    static TimelineEntryView of(TimelineEntry entry) {
        return new TimelineEntryView(entry.id(), entry.at(), entry.type().name(), entry.detail(), entry.details());
    }
}
