package org.botoxclinic.scheduling.waitlist.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.botoxclinic.scheduling.clinicday.domain.Slot;
import org.hibernate.annotations.BatchSize;

/**
 * Freed time offered to one waiting patient: a chair and an injector on a clinic day from a start time, held for the
 * patient until the offer ends, with the patients ahead in the queue whom a rule excluded, and why.
 */
@Entity
@Table(name = "waitlist_offer")
public class WaitlistOffer {

    public static final String RESOURCE = "waitlist offer";

    @Id
    private UUID id;
    @Column(name = "entry_id")
    private UUID entryId;
    @Column(name = "referral_id")
    private UUID referralId;
    @Column(name = "clinic_date")
    private LocalDate date;
    @Column(name = "start_time")
    private LocalTime startTime;
    @Column(name = "end_time")
    private LocalTime endTime;
    private String chair;
    @Column(name = "provider_id")
    private String providerId;
    @Column(name = "duration_minutes")
    private int durationMinutes;
    @Enumerated(EnumType.STRING)
    private OfferStatus status;
    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;
    /** Why a STALE offer could not be booked: the refusing rule's code and its sentence. */
    @Column(name = "stale_rule")
    private String staleRule;
    @Column(name = "stale_detail")
    private String staleDetail;
    @Column(name = "appointment_id")
    private UUID appointmentId;
    @ElementCollection(fetch = FetchType.LAZY)
    @BatchSize(size = 100)
    @CollectionTable(name = "waitlist_offer_skip", joinColumns = @JoinColumn(name = "offer_id"))
    @OrderColumn(name = "position")
    private List<SkippedPatient> skipped = new ArrayList<>();
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;
    @Version
    private int version;

    protected WaitlistOffer() {
    }

    /** The time offered to the entry's patient, open until {@code expiresAt}. */
    public static WaitlistOffer make(WaitlistEntry entry, LocalDate date, LocalTime startTime, LocalTime endTime,
                                     String chair, String providerId, int durationMinutes, OffsetDateTime expiresAt,
                                     List<SkippedPatient> skipped, OffsetDateTime now) {
        WaitlistOffer offer = new WaitlistOffer();
        offer.id = UUID.randomUUID();
        offer.entryId = entry.id();
        offer.referralId = entry.referralId();
        offer.date = date;
        offer.startTime = startTime;
        offer.endTime = endTime;
        offer.chair = chair;
        offer.providerId = providerId;
        offer.durationMinutes = durationMinutes;
        offer.status = OfferStatus.OPEN;
        offer.expiresAt = expiresAt;
        offer.skipped = new ArrayList<>(skipped);
        offer.createdAt = now;
        return offer;
    }

    public boolean isOpen() {
        return status == OfferStatus.OPEN;
    }

    /** Whether an open offer's time to answer is over at {@code now}. */
    public boolean isDue(OffsetDateTime now) {
        return isOpen() && !now.isBefore(expiresAt);
    }

    public void accept(UUID appointmentId, OffsetDateTime now) {
        end(OfferStatus.ACCEPTED, "accepted", now);
        this.appointmentId = appointmentId;
    }

    public void decline(OffsetDateTime now) {
        end(OfferStatus.DECLINED, "declined", now);
    }

    public void expire(OffsetDateTime now) {
        end(OfferStatus.EXPIRED, "expired", now);
    }

    /** A booking rule refused the offer when it was accepted, or the time was taken meanwhile. */
    public void stale(String rule, String detail, OffsetDateTime now) {
        end(OfferStatus.STALE, "made stale", now);
        this.staleRule = rule;
        this.staleDetail = detail;
    }

    /** The patient left the waitlist. */
    public void withdraw(OffsetDateTime now) {
        end(OfferStatus.WITHDRAWN, "withdrawn", now);
    }

    private void end(OfferStatus next, String action, OffsetDateTime now) {
        status = status.moveTo(next, RESOURCE, action);
        this.decidedAt = now;
    }

    public UUID id() { return id; }
    public UUID entryId() { return entryId; }
    public UUID referralId() { return referralId; }
    public LocalDate date() { return date; }
    /** The time this offer held, which passes to the next waiting patient first when the offer is not taken. */
    public Slot slot() {
        return new Slot(date, startTime, endTime, chair, providerId);
    }

    public LocalTime startTime() { return startTime; }
    public LocalTime endTime() { return endTime; }
    public String chair() { return chair; }
    public String providerId() { return providerId; }
    public int durationMinutes() { return durationMinutes; }
    public OfferStatus status() { return status; }
    public OffsetDateTime expiresAt() { return expiresAt; }
    public String staleRule() { return staleRule; }
    public String staleDetail() { return staleDetail; }
    public UUID appointmentId() { return appointmentId; }
    public List<SkippedPatient> skipped() { return List.copyOf(skipped); }
    public OffsetDateTime createdAt() { return createdAt; }
    public OffsetDateTime decidedAt() { return decidedAt; }
}
