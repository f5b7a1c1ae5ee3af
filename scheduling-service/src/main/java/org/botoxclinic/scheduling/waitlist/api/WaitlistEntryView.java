package org.botoxclinic.scheduling.waitlist.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.botoxclinic.scheduling.waitlist.domain.WaitlistEntry;
import org.botoxclinic.scheduling.waitlist.domain.WaitlistStatus;

/** A waitlist entry as staff see it. */
public record WaitlistEntryView(UUID id, UUID referralId, LocalDate earliestDate, LocalDate latestDate,
                                WaitlistStatus status, UUID appointmentId, String withdrawnReason,
                                OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public static WaitlistEntryView of(WaitlistEntry e) {
        return new WaitlistEntryView(e.id(), e.referralId(), e.earliestDate(), e.latestDate(), e.status(),
                e.appointmentId(), e.withdrawnReason(), e.createdAt(), e.updatedAt());
    }
}
