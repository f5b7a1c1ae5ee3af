package org.botoxclinic.scheduling.appointment.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.botoxclinic.platform.domain.RuleRefusedException;
import org.botoxclinic.scheduling.clinicday.domain.Slot;

/** A patient's seat on a clinic day, from booking to treatment, cancellation or no-show. */
@Entity
@Table(name = "appointment")
public class Appointment {

    static final String RESOURCE = "appointment";
    public static final String BEFORE_APPOINTMENT_DATE = "BEFORE_APPOINTMENT_DATE";

    @Id
    private UUID id;
    @Column(name = "referral_id")
    private UUID referralId;
    @Column(name = "clinic_date")
    private LocalDate date;
    @Column(name = "duration_minutes")
    private int durationMinutes;
    @Column(name = "start_time")
    private LocalTime startTime;
    private String chair;
    @Column(name = "provider_id")
    private String providerId;
    @Enumerated(EnumType.STRING)
    private AppointmentStatus status;
    @Column(name = "authorization_id")
    private UUID authorizationId;
    @Column(name = "units_administered")
    private Integer unitsAdministered;
    @Column(name = "units_wasted")
    private Integer unitsWasted;
    @Column(name = "injection_sites")
    private Integer injectionSites;
    private String notes;
    @Column(name = "cancel_reason")
    private String cancelReason;
    @Enumerated(EnumType.STRING)
    @Column(name = "cancelled_by")
    private CancelledBy cancelledBy;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;
    @Column(name = "checked_in_at")
    private OffsetDateTime checkedInAt;
    @Column(name = "completed_at")
    private OffsetDateTime completedAt;
    @Column(name = "cancelled_at")
    private OffsetDateTime cancelledAt;
    @Column(name = "no_show_at")
    private OffsetDateTime noShowAt;
    @Version
    private int version;

    protected Appointment() {
    }

    /**
     * A new booking in a free slot; the caller has run the booking rules and found the slot under the plan's and the
     * day's locks.
     */
    public static Appointment book(UUID referralId, Slot slot, int durationMinutes, UUID authorizationId,
                                   OffsetDateTime now) {
        Appointment a = new Appointment();
        a.id = UUID.randomUUID();
        a.referralId = referralId;
        a.date = slot.date();
        a.startTime = slot.startTime();
        a.chair = slot.chair();
        a.providerId = slot.providerId();
        a.durationMinutes = durationMinutes;
        a.authorizationId = authorizationId;
        a.status = AppointmentStatus.BOOKED;
        a.createdAt = now;
        a.updatedAt = now;
        return a;
    }

    /** Only a BOOKED appointment may move: refused (409) before anything else is looked at. */
    public void requireReschedulable() {
        status.moveTo(AppointmentStatus.BOOKED, RESOURCE, "rescheduled");
    }

    /**
     * Checks a move to the request's date: another day must pass the same rules as a booking (a move within the day
     * it is on needs only a free slot). The slot is then taken with {@link #moveTo}.
     */
    public void requireMayMoveTo(BookingRequest to) {
        requireReschedulable();
        if (!to.date().equals(date)) {
            BookingRules.requirePasses(to);
        }
    }

    /** Takes the given free slot (on another day, or at another time or place on the same day). */
    public void moveTo(Slot slot, OffsetDateTime now) {
        requireReschedulable();
        this.date = slot.date();
        this.startTime = slot.startTime();
        this.chair = slot.chair();
        this.providerId = slot.providerId();
        this.updatedAt = now;
    }

    public void cancel(String reason, CancelledBy by, OffsetDateTime now) {
        status = status.moveTo(AppointmentStatus.CANCELLED, RESOURCE, "cancelled");
        this.cancelReason = reason;
        this.cancelledBy = by;
        this.cancelledAt = now;
        this.updatedAt = now;
    }

    /** The patient arrived; not before the appointment's day. */
    public void checkIn(LocalDate today, OffsetDateTime now) {
        AppointmentStatus next = status.moveTo(AppointmentStatus.CHECKED_IN, RESOURCE, "checked in");
        requireDateReached(today, "checked in");
        status = next;
        this.checkedInAt = now;
        this.updatedAt = now;
    }

    /** Records the treatment given: not before the appointment's day, and never beyond the patient's dose limit. */
    public void complete(Treatment treatment, LocalDate today, DoseLimit doseLimit, OffsetDateTime now) {
        AppointmentStatus next = status.moveTo(AppointmentStatus.FULFILLED, RESOURCE, "completed");
        requireDateReached(today, "completed");
        doseLimit.requireAllows(date, treatment.unitsAdministered());
        status = next;
        this.unitsAdministered = treatment.unitsAdministered();
        this.unitsWasted = treatment.unitsWasted();
        this.injectionSites = treatment.injectionSites();
        this.notes = treatment.notes();
        this.completedAt = now;
        this.updatedAt = now;
    }

    /** The patient did not come; known only once the appointment's day has come. */
    public void noShow(LocalDate today, OffsetDateTime now) {
        AppointmentStatus next = status.moveTo(AppointmentStatus.NOSHOW, RESOURCE, "marked a no-show");
        requireDateReached(today, "marked a no-show");
        status = next;
        this.noShowAt = now;
        this.updatedAt = now;
    }

    /** Checking in, completing or marking a no-show needs the appointment's day to have come. */
    private void requireDateReached(LocalDate today, String action) {
        if (today.isBefore(date)) {
            throw new RuleRefusedException(BEFORE_APPOINTMENT_DATE, "the appointment on " + date + " cannot be "
                    + action + " before its date", Map.of("date", date.toString()));
        }
    }

    public UUID id() { return id; }
    public UUID referralId() { return referralId; }
    public LocalDate date() { return date; }
    public int durationMinutes() { return durationMinutes; }
    public LocalTime startTime() { return startTime; }
    /** The start plus the duration. */
    public LocalTime endTime() { return startTime.plusMinutes(durationMinutes); }
    public String chair() { return chair; }
    public String providerId() { return providerId; }
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
