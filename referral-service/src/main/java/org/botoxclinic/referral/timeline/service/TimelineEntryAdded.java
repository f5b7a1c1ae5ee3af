package org.botoxclinic.referral.timeline.service;

import org.botoxclinic.referral.referral.domain.Referral;
import org.botoxclinic.referral.timeline.domain.TimelineEntry;

/**
 * Announces, synchronously and in the same transaction, a new entry on a referral's timeline, so that whoever
 * passes entries on (the partner's webhook) does so without the timeline knowing it.
 */
public record TimelineEntryAdded(Referral referral, TimelineEntry entry) {
}
