package org.botoxclinic.insurance.outcome.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A treatment outcome scheduling-service recorded for a referral (OutcomeRecorded): one measure's value on a date and
 * its improvement over the referral's baseline. Kept by referral, so that an outcome recorded before the
 * reauthorization case opens still documents its benefit when it does.
 */
@Entity
@Table(name = "referral_outcome")
public class ReferralOutcome {

    @Id
    @Column(name = "outcome_id")
    private UUID outcomeId;
    @Column(name = "referral_id")
    private UUID referralId;
    private String indication;
    private String measure;
    private BigDecimal value;
    @Column(name = "baseline_value")
    private BigDecimal baselineValue;
    @Column(name = "improvement_percent")
    private BigDecimal improvementPercent;
    @Column(name = "assessed_on")
    private LocalDate assessedOn;
    @Column(name = "treatments_completed")
    private int treatmentsCompleted;
    @Column(name = "recorded_at")
    private OffsetDateTime recordedAt;

    protected ReferralOutcome() {
    }

    public ReferralOutcome(UUID outcomeId, UUID referralId, String indication, String measure, BigDecimal value,
                           BigDecimal baselineValue, BigDecimal improvementPercent, LocalDate assessedOn,
                           int treatmentsCompleted, OffsetDateTime recordedAt) {
        this.outcomeId = outcomeId;
        this.referralId = referralId;
        this.indication = indication;
        this.measure = measure;
        this.value = value;
        this.baselineValue = baselineValue;
        this.improvementPercent = improvementPercent;
        this.assessedOn = assessedOn;
        this.treatmentsCompleted = treatmentsCompleted;
        this.recordedAt = recordedAt;
    }

    public UUID outcomeId() { return outcomeId; }
    public UUID referralId() { return referralId; }
    public String indication() { return indication; }
    public String measure() { return measure; }
    public BigDecimal value() { return value; }
    /** Null when the referral gave no baseline for the measure. */
    public BigDecimal baselineValue() { return baselineValue; }
    /** (baseline - value) / baseline * 100, one decimal, as scheduling-service computed it; null without a baseline. */
    public BigDecimal improvementPercent() { return improvementPercent; }
    public LocalDate assessedOn() { return assessedOn; }
    public int treatmentsCompleted() { return treatmentsCompleted; }
    public OffsetDateTime recordedAt() { return recordedAt; }
}
