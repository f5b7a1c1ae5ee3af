package org.botoxclinic.insurance.authorization.domain;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** The payer's latest answer on a case as recorded: the outcome, a denial's reason, the payer's note, and when. */
@Embeddable
public class PayerDecision {

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome")
    private DecisionOutcome outcome;
    @Column(name = "denial_reason")
    private String denialReason;
    @Column(name = "payer_note")
    private String payerNote;
    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    protected PayerDecision() {
    }

    static PayerDecision of(Decision decision, OffsetDateTime decidedAt) {
        PayerDecision d = new PayerDecision();
        d.outcome = decision.outcome();
        d.denialReason = decision.outcome() == DecisionOutcome.DENIED ? decision.denialReason() : null;
        d.payerNote = decision.payerNote();
        d.decidedAt = decidedAt;
        return d;
    }

    public DecisionOutcome outcome() {
        return outcome;
    }

    public String denialReason() {
        return denialReason;
    }

    public String payerNote() {
        return payerNote;
    }

    public OffsetDateTime decidedAt() {
        return decidedAt;
    }
}
