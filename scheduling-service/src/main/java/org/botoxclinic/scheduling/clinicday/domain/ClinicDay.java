package org.botoxclinic.scheduling.clinicday.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.botoxclinic.platform.domain.IllegalTransitionException;

/** One day the clinic treats, with its chair minutes; the row bookings lock so that capacity is never exceeded. */
@Entity
@Table(name = "clinic_day")
public class ClinicDay {

    /** Where a clinic day came from: the monthly rule or a member of staff. */
    public enum Origin { RULE, STAFF }

    @Id
    LocalDate date;
    @Enumerated(EnumType.STRING)
    ClinicDayStatus status;
    @Column(name = "capacity_minutes")
    int capacityMinutes;
    @Enumerated(EnumType.STRING)
    Origin origin;
    @Column(name = "closed_reason")
    String closedReason;
    @Column(name = "created_at")
    OffsetDateTime createdAt;
    @Column(name = "updated_at")
    OffsetDateTime updatedAt;

    protected ClinicDay() {
    }

    public static ClinicDay open(LocalDate date, int capacityMinutes, Origin origin, OffsetDateTime now) {
        ClinicDay day = new ClinicDay();
        day.date = date;
        day.status = ClinicDayStatus.OPEN;
        day.capacityMinutes = capacityMinutes;
        day.origin = origin;
        day.createdAt = now;
        day.updatedAt = now;
        return day;
    }

    public void changeCapacity(int capacityMinutes, OffsetDateTime now) {
        if (status != ClinicDayStatus.OPEN) {
            throw new IllegalTransitionException("clinic day", status, "given a new capacity");
        }
        this.capacityMinutes = capacityMinutes;
        this.updatedAt = now;
    }

    public void close(String reason, OffsetDateTime now) {
        if (status != ClinicDayStatus.OPEN) {
            throw new IllegalTransitionException("clinic day", status, "closed");
        }
        this.status = ClinicDayStatus.CLOSED;
        this.closedReason = reason;
        this.updatedAt = now;
    }

    /** Staff add a day that was closed (or never existed) again. */
    public void reopen(int capacityMinutes, OffsetDateTime now) {
        this.status = ClinicDayStatus.OPEN;
        this.capacityMinutes = capacityMinutes;
        this.closedReason = null;
        this.origin = Origin.STAFF;
        this.updatedAt = now;
    }

    public boolean isOpen() {
        return status == ClinicDayStatus.OPEN;
    }

    public LocalDate date() { return date; }
    public ClinicDayStatus status() { return status; }
    public int capacityMinutes() { return capacityMinutes; }
    public Origin origin() { return origin; }
    public String closedReason() { return closedReason; }
}
