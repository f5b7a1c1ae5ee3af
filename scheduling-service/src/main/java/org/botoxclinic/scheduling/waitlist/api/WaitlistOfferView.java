package org.botoxclinic.scheduling.waitlist.api;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.botoxclinic.scheduling.waitlist.domain.OfferStatus;
import org.botoxclinic.scheduling.waitlist.domain.SkippedPatient;
import org.botoxclinic.scheduling.waitlist.domain.WaitlistOffer;

/**
 * An offer of freed time as staff see it, with the waiting patients ahead in the queue whom a rule excluded and the
 * rule (NOT_AUTHORIZED, OUTSIDE_AUTHORIZATION_WINDOW, NO_VISITS_LEFT, TOO_SOON, NOT_A_CLINIC_DAY, CLINIC_DAY_FULL,
 * ALREADY_BOOKED, DOSE_LIMIT, OFFER_PENDING, OFFER_DECLINED, OFFER_EXPIRED).
 */
public record WaitlistOfferView(UUID id, UUID entryId, UUID referralId, LocalDate date, LocalTime startTime,
                                LocalTime endTime, String chair, String providerId, int durationMinutes,
                                OfferStatus status, OffsetDateTime expiresAt, OffsetDateTime createdAt,
                                OffsetDateTime decidedAt, UUID appointmentId, String staleRule, String staleDetail,
                                List<Skipped> skipped) {

    /** A waiting patient the offer passed over, and why. */
    public record Skipped(UUID entryId, UUID referralId, String rule, String detail) {

        static Skipped of(SkippedPatient s) {
            return new Skipped(s.entryId(), s.referralId(), s.rule(), s.detail());
        }
    }

    public static WaitlistOfferView of(WaitlistOffer o) {
        return new WaitlistOfferView(o.id(), o.entryId(), o.referralId(), o.date(), o.startTime(), o.endTime(), o.chair(),
                o.providerId(), o.durationMinutes(), o.status(), o.expiresAt(), o.createdAt(), o.decidedAt(),
                o.appointmentId(), o.staleRule(), o.staleDetail(), o.skipped().stream().map(Skipped::of).toList());
    }
}
