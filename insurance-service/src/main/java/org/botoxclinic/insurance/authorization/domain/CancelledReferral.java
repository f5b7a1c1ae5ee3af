package org.botoxclinic.insurance.authorization.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A referral this service learnt was cancelled: remembered for good, so that an acceptance of it that arrives later
 * (replayed, redelivered, or overtaken on the way) never opens a case.
 */
@Entity
@Table(name = "cancelled_referral")
public class CancelledReferral {

    @Id
    @Column(name = "referral_id")
    private UUID referralId;
    @Column(name = "recorded_at")
    private OffsetDateTime recordedAt;

    protected CancelledReferral() {
    }

    public UUID referralId() {
        return referralId;
    }

    public OffsetDateTime recordedAt() {
        return recordedAt;
    }
}
