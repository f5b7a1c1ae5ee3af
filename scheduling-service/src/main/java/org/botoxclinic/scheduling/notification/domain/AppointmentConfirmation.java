package org.botoxclinic.scheduling.notification.domain;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The patient confirmed the appointment at one slot (through the link of a reminder). */
@Entity
@Table(name = "appointment_confirmation")
@IdClass(AppointmentConfirmation.Key.class)
public class AppointmentConfirmation {

    /** The confirmation's identity: the appointment and its slot. */
    public static class Key implements Serializable {
        private UUID appointmentId;
        private LocalDate slotDate;
        private LocalTime slotTime;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(appointmentId, k.appointmentId)
                    && java.util.Objects.equals(slotDate, k.slotDate) && java.util.Objects.equals(slotTime, k.slotTime);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(appointmentId, slotDate, slotTime);
        }
    }

    @Id
    @Column(name = "appointment_id")
    private UUID appointmentId;
    @Id
    @Column(name = "slot_date")
    private LocalDate slotDate;
    @Id
    @Column(name = "slot_time")
    private LocalTime slotTime;
    @Column(name = "confirmed_at")
    private OffsetDateTime confirmedAt;

    protected AppointmentConfirmation() {
    }

    public AppointmentConfirmation(UUID appointmentId, AppointmentSlot slot, OffsetDateTime now) {
        this.appointmentId = appointmentId;
        this.slotDate = slot.date();
        this.slotTime = slot.startTime();
        this.confirmedAt = now;
    }

    public UUID appointmentId() { return appointmentId; }
    public AppointmentSlot slot() { return new AppointmentSlot(slotDate, slotTime); }
    public OffsetDateTime confirmedAt() { return confirmedAt; }
}
