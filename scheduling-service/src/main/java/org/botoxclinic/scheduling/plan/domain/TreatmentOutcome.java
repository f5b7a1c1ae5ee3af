package org.botoxclinic.scheduling.plan.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One assessment of a plan's patient on one outcome scale, as staff recorded it; never changed afterwards. */
@Entity
@Table(name = "treatment_outcome")
public class TreatmentOutcome {

    @Id
    private UUID id;
    @Column(name = "referral_id")
    private UUID referralId;
    @Enumerated(EnumType.STRING)
    private OutcomeMeasure measure;
    private BigDecimal value;
    @Column(name = "assessed_on")
    private LocalDate assessedOn;
    @Column(name = "recorded_at")
    private OffsetDateTime recordedAt;

    protected TreatmentOutcome() {
    }

    static TreatmentOutcome of(UUID referralId, Measurement measurement, LocalDate assessedOn, OffsetDateTime recordedAt) {
        TreatmentOutcome outcome = new TreatmentOutcome();
        outcome.id = UUID.randomUUID();
        outcome.referralId = referralId;
        outcome.measure = measurement.measure();
        outcome.value = measurement.value();
        outcome.assessedOn = assessedOn;
        outcome.recordedAt = recordedAt;
        return outcome;
    }

    /** The same assessment sent again: same scale, day and value. */
    public boolean sameAs(Measurement measurement, LocalDate assessedOn) {
        return measure == measurement.measure() && value.compareTo(measurement.value()) == 0
                && this.assessedOn.equals(assessedOn);
    }

    public UUID id() { return id; }
    public UUID referralId() { return referralId; }
    public Measurement measurement() { return new Measurement(measure, value); }
    public OutcomeMeasure measure() { return measure; }
    public BigDecimal value() { return Measurement.plain(value); }
    public LocalDate assessedOn() { return assessedOn; }
    public OffsetDateTime recordedAt() { return recordedAt; }
}
