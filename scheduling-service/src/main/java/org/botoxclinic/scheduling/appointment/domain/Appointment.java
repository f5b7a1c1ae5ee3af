package org.botoxclinic.scheduling.appointment.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.botoxclinic.platform.domain.IllegalTransitionException;

/** A patient's seat on a clinic day, from booking to treatment, cancellation or no-show. */
@Entity
@Table(name = "appointment")
public class Appointment {

    @Id
    UUID id;
    @Column(name = "referral_id")
    UUID referralId;
    @Column(name = "clinic_date")
    LocalDate date;
    @Column(name = "duration_minutes")
    int durationMinutes;
    @Enumerated(EnumType.STRING)
    AppointmentStatus status;
    @Column(name = "authorization_id")
    UUID authorizationId;
    @Column(name = "units_administered")
    Integer unitsAdministered;
    @Column(name = "units_wasted")
    Integer unitsWasted;
    @Column(name = "injection_sites")
    Integer injectionSites;
    String notes;
    @Column(name = "cancel_reason")
    String cancelReason;
    @Enumerated(EnumType.STRING)
    @Column(name = "cancelled_by")
    CancelledBy cancelledBy;
    @Column(name = "created_at")
    OffsetDateTime createdAt;
    @Column(name = "updated_at")
    OffsetDateTime updatedAt;
    @Column(name = "checked_in_at")
    OffsetDateTime checkedInAt;
    @Column(name = "completed_at")
    OffsetDateTime completedAt;
    @Column(name = "cancelled_at")
    OffsetDateTime cancelledAt;
    @Column(name = "no_show_at")
    OffsetDateTime noShowAt;
    @Version
    int version;

    protected Appointment() {
    }

    public static Appointment book(UUID referralId, LocalDate date, int durationMinutes, UUID authorizationId,
                                   OffsetDateTime now) {
        Appointment a = new Appointment();
        a.id = UUID.randomUUID();
        a.referralId = referralId;
        a.date = date;
        a.durationMinutes = durationMinutes;
        a.authorizationId = authorizationId;
        a.status = AppointmentStatus.BOOKED;
        a.createdAt = now;
        a.updatedAt = now;
        return a;
    }

    public LocalDate reschedule(LocalDate newDate, OffsetDateTime now) {
        if (status != AppointmentStatus.BOOKED) {
            throw new IllegalTransitionException("appointment", status, "rescheduled");
        }
        LocalDate previous = date;
        this.date = newDate;
        this.updatedAt = now;
        return previous;
    }

    public void cancel(String reason, CancelledBy by, OffsetDateTime now) {
        move(AppointmentStatus.CANCELLED, "cancelled");
        this.cancelReason = reason;
        this.cancelledBy = by;
        this.cancelledAt = now;
        this.updatedAt = now;
    }

    public void checkIn(OffsetDateTime now) {
        move(AppointmentStatus.CHECKED_IN, "checked in");
        this.checkedInAt = now;
        this.updatedAt = now;
    }

    public void complete(int unitsAdministered, int unitsWasted, Integer injectionSites, String notes, OffsetDateTime now) {
        move(AppointmentStatus.FULFILLED, "completed");
        this.unitsAdministered = unitsAdministered;
        this.unitsWasted = unitsWasted;
        this.injectionSites = injectionSites;
        this.notes = notes;
        this.completedAt = now;
        this.updatedAt = now;
    }

    public void noShow(OffsetDateTime now) {
        move(AppointmentStatus.NOSHOW, "marked a no-show");
        this.noShowAt = now;
        this.updatedAt = now;
    }

    /** Checks the move before any field changes, so a refused action leaves the appointment as it was. */
    public void requireCanBecome(AppointmentStatus next, String action) {
        if (!status.canBecome(next)) {
            throw new IllegalTransitionException("appointment", status, action);
        }
    }

    private void move(AppointmentStatus next, String action) {
        requireCanBecome(next, action);
        this.status = next;
    }

    public UUID id() { return id; }
    public UUID referralId() { return referralId; }
    public LocalDate date() { return date; }
    public int durationMinutes() { return durationMinutes; }
    public AppointmentStatus status() { return status; }
    public UUID authorizationId() { return authorizationId; }
    public Integer unitsAdministered() { return unitsAdministered; }
    public Integer unitsWasted() { return unitsWasted; }
    public Integer injectionSites() { return injectionSites; }
    public String notes() { return notes; }
    public String cancelReason() { return cancelReason; }
    public CancelledBy cancelledBy() { return cancelledBy; }
    public OffsetDateTime createdAt() { return createdAt; }
}
