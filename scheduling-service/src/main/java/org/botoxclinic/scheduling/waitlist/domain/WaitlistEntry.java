package org.botoxclinic.scheduling.waitlist.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

import org.botoxclinic.platform.domain.InvalidInputException;

/**
 * A referral waiting for an earlier clinic day than it could get: any open day from {@code earliestDate} to
 * {@code latestDate} (both included). Patients are offered freed time in the order they joined.
 */
@Entity
@Table(name = "waitlist_entry")
public class WaitlistEntry {

    public static final String RESOURCE = "waitlist entry";
    /** The longest stretch of dates one entry may wait for. */
    public static final int MAX_WINDOW_DAYS = 400;

    @Id
    private UUID id;
    /** The place in the queue: the order of joining, from a database sequence (read back after the insert). */
    @Generated(event = EventType.INSERT)
    @Column(name = "queue_position", insertable = false, updatable = false)
    private Long position;
    @Column(name = "referral_id")
    private UUID referralId;
    @Column(name = "earliest_date")
    private LocalDate earliestDate;
    @Column(name = "latest_date")
    private LocalDate latestDate;
    @Enumerated(EnumType.STRING)
    private WaitlistStatus status;
    @Column(name = "appointment_id")
    private UUID appointmentId;
    @Column(name = "withdrawn_reason")
    private String withdrawnReason;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;
    @Version
    private int version;

    protected WaitlistEntry() {
    }

    /**
     * A new entry. The window must start today or later, end on or after its start, span at most
     * {@value #MAX_WINDOW_DAYS} days, and end before the referral's own appointment when it has one ({@code bookedOn}):
     * waiting is for an earlier day, and accepting an offer moves that appointment.
     */
    public static WaitlistEntry join(UUID referralId, LocalDate earliestDate, LocalDate latestDate, LocalDate today,
                                     LocalDate bookedOn, OffsetDateTime now) {
        requireValidWindow(earliestDate, latestDate, today, bookedOn);
        WaitlistEntry entry = new WaitlistEntry();
        entry.id = UUID.randomUUID();
        entry.referralId = referralId;
        entry.earliestDate = earliestDate;
        entry.latestDate = latestDate;
        entry.status = WaitlistStatus.WAITING;
        entry.createdAt = now;
        entry.updatedAt = now;
        return entry;
    }

    static void requireValidWindow(LocalDate earliestDate, LocalDate latestDate, LocalDate today, LocalDate bookedOn) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (earliestDate.isBefore(today)) {
            problems.put("earliestDate", "must be today (" + today + ") or later");
        }
        if (latestDate.isBefore(earliestDate)) {
            problems.put("latestDate", "must be on or after earliestDate");
        } else if (latestDate.isAfter(earliestDate.plusDays(MAX_WINDOW_DAYS))) {
            problems.put("latestDate", "must be at most " + MAX_WINDOW_DAYS + " days after earliestDate");
        } else if (bookedOn != null && !latestDate.isBefore(bookedOn)) {
            problems.put("latestDate", "must be before " + bookedOn
                    + ", the day the referral is already booked on (waiting is for an earlier day)");
        }
        InvalidInputException.throwIfAny(problems);
    }

    /** Whether the patient waits for this date. */
    public boolean wants(LocalDate date) {
        return status == WaitlistStatus.WAITING && !date.isBefore(earliestDate) && !date.isAfter(latestDate);
    }

    /** The same window asked for again: a retried request, answered with this entry. */
    public boolean sameWindow(LocalDate earliest, LocalDate latest) {
        return earliestDate.equals(earliest) && latestDate.equals(latest);
    }

    /** An accepted offer booked the patient. */
    public void booked(UUID appointmentId, OffsetDateTime now) {
        status = status.moveTo(WaitlistStatus.BOOKED, RESOURCE, "booked");
        this.appointmentId = appointmentId;
        this.updatedAt = now;
    }

    public void withdraw(String reason, OffsetDateTime now) {
        status = status.moveTo(WaitlistStatus.WITHDRAWN, RESOURCE, "withdrawn");
        this.withdrawnReason = reason;
        this.updatedAt = now;
    }

    /** The last wanted date has passed. */
    public void lapse(OffsetDateTime now) {
        status = status.moveTo(WaitlistStatus.LAPSED, RESOURCE, "lapsed");
        this.updatedAt = now;
    }

    public UUID id() { return id; }
    public Long position() { return position; }
    public UUID referralId() { return referralId; }
    public LocalDate earliestDate() { return earliestDate; }
    public LocalDate latestDate() { return latestDate; }
    public WaitlistStatus status() { return status; }
    public UUID appointmentId() { return appointmentId; }
    public String withdrawnReason() { return withdrawnReason; }
    public OffsetDateTime createdAt() { return createdAt; }
    public OffsetDateTime updatedAt() { return updatedAt; }
}
