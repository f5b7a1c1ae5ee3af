package org.botoxclinic.referral.timeline.service;

import java.util.List;

import org.botoxclinic.referral.referral.domain.Referral;
import org.botoxclinic.referral.timeline.domain.TimelineEntry;

/**
 * Announces, synchronously and in the same transaction, new entries on a referral's timeline (those one change
 * added, in order), so that whoever passes entries on (the partner's webhook) does so without the timeline knowing
 * it. The entries have their ids but may not be written yet: the transaction writes them at its next flush.
 */
public record TimelineEntryAdded(Referral referral, List<TimelineEntry> entries) {

    public TimelineEntryAdded {
        entries = List.copyOf(entries);
    }
}
