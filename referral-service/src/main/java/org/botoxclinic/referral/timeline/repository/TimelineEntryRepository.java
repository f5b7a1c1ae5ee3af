package org.botoxclinic.referral.timeline.repository;

import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import org.botoxclinic.referral.timeline.domain.TimelineEntry;

/** Timeline entries, only ever added, read in the order things happened. */
@ApplicationScoped
public class TimelineEntryRepository implements PanacheRepositoryBase<TimelineEntry, Long> {

    /** A referral's entries by when they happened (ties in the order they were recorded). */
    public List<TimelineEntry> ofReferral(UUID referralId) {
        return list("referralId", Sort.by("at").and("id"), referralId);
    }
}
