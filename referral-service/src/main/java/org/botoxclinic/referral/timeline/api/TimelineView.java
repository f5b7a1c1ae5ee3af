package org.botoxclinic.referral.timeline.api;

import java.util.List;
import java.util.UUID;

/** A referral's closed-loop timeline: where it stands and everything that led there, in order. */
public record TimelineView(UUID referralId, String status, String stage, List<TimelineEntryView> entries) {
}
