package org.botoxclinic.insurance.authorization.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One treatment given against a case: kept even when it went beyond the approval, so nothing is silently dropped. */
@Entity
@Table(name = "treatment_use")
public class TreatmentUse {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "appointment_id")
    private UUID appointmentId;
    @Column(name = "event_id")
    private UUID eventId;
    @Column(name = "treatment_date")
    private LocalDate treatmentDate;
    @Column(name = "units_administered")
    private int unitsAdministered;
    @Column(name = "units_wasted")
    private int unitsWasted;
    @Column(name = "beyond_approval")
    private boolean beyondApproval;
    @Column(name = "outside_window")
    private boolean outsideWindow;
    @Column(name = "recorded_at")
    private OffsetDateTime recordedAt;

    protected TreatmentUse() {
    }

    TreatmentUse(Treatment t, boolean beyondApproval, boolean outsideWindow, OffsetDateTime now) {
        this.appointmentId = t.appointmentId();
        this.eventId = t.eventId();
        this.treatmentDate = t.date();
        this.unitsAdministered = t.unitsAdministered();
        this.unitsWasted = t.unitsWasted();
        this.beyondApproval = beyondApproval;
        this.outsideWindow = outsideWindow;
        this.recordedAt = now;
    }

    public UUID appointmentId() { return appointmentId; }
    public LocalDate treatmentDate() { return treatmentDate; }
    public int unitsAdministered() { return unitsAdministered; }
    public int unitsWasted() { return unitsWasted; }
    public boolean beyondApproval() { return beyondApproval; }
    public boolean outsideWindow() { return outsideWindow; }
    public OffsetDateTime recordedAt() { return recordedAt; }
}
