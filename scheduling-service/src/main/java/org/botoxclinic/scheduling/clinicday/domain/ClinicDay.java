package org.botoxclinic.scheduling.clinicday.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.botoxclinic.platform.domain.ConflictException;
import org.botoxclinic.platform.domain.IllegalTransitionException;
import org.botoxclinic.platform.domain.RuleRefusedException;

/** One day the clinic treats, with its chair minutes; the row bookings lock so that capacity is never exceeded. */
@Entity
@Table(name = "clinic_day")
public class ClinicDay {

    static final String RESOURCE = "clinic day";
    public static final String CLINIC_DAY_EXISTS = "CLINIC_DAY_EXISTS";
    public static final String CLINIC_DAY_HAS_BOOKINGS = "CLINIC_DAY_HAS_BOOKINGS";
    public static final String CAPACITY_BELOW_BOOKINGS = "CAPACITY_BELOW_BOOKINGS";

    /** Where a clinic day came from: the monthly rule or a member of staff. */
    public enum Origin { RULE, STAFF }

    @Id
    private LocalDate date;
    @Enumerated(EnumType.STRING)
    private ClinicDayStatus status;
    @Column(name = "capacity_minutes")
    private int capacityMinutes;
    @Enumerated(EnumType.STRING)
    private Origin origin;
    @Column(name = "closed_reason")
    private String closedReason;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

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

    /** Never below the minutes already booked: appointments are moved first. */
    public void changeCapacity(int capacityMinutes, int bookedMinutes, OffsetDateTime now) {
        if (!isOpen()) {
            throw new IllegalTransitionException(RESOURCE, status, "given a new capacity");
        }
        if (capacityMinutes < bookedMinutes) {
            throw new RuleRefusedException(CAPACITY_BELOW_BOOKINGS, date + " already has " + bookedMinutes
                    + " minutes booked; move appointments before reducing its capacity below that",
                    Map.of("bookedMinutes", bookedMinutes));
        }
        this.capacityMinutes = capacityMinutes;
        this.updatedAt = now;
    }

    /** Closing is refused while appointments are open on the day; the refusal lists them so staff can move them first. */
    public void close(String reason, List<OpenBooking> openBookings, OffsetDateTime now) {
        if (isOpen() && !openBookings.isEmpty()) {
            throw new ConflictException(CLINIC_DAY_HAS_BOOKINGS, date + " has " + openBookings.size()
                    + " open appointments; reschedule or cancel them first", Map.of("appointments", listed(openBookings)));
        }
        status = status.moveTo(ClinicDayStatus.CLOSED, RESOURCE, "closed");
        this.closedReason = reason;
        this.updatedAt = now;
    }

    /** Staff add a day that was closed again; adding a day that is already open is a conflict. */
    public void reopen(int capacityMinutes, OffsetDateTime now) {
        if (isOpen()) {
            throw new ConflictException(CLINIC_DAY_EXISTS, date + " is already an open clinic day",
                    Map.of("date", date.toString()));
        }
        status = status.moveTo(ClinicDayStatus.OPEN, RESOURCE, "reopened");
        this.capacityMinutes = capacityMinutes;
        this.closedReason = null;
        this.origin = Origin.STAFF;
        this.updatedAt = now;
    }

    public boolean isOpen() {
        return status == ClinicDayStatus.OPEN;
    }

    private static List<Map<String, Object>> listed(List<OpenBooking> bookings) {
        return bookings.stream().map(b -> {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("id", b.id().toString());
            a.put("referralId", b.referralId().toString());
            a.put("durationMinutes", b.durationMinutes());
            a.put("status", b.status());
            return a;
        }).toList();
    }

    public LocalDate date() { return date; }
    public ClinicDayStatus status() { return status; }
    public int capacityMinutes() { return capacityMinutes; }
    public Origin origin() { return origin; }
    public String closedReason() { return closedReason; }
}
