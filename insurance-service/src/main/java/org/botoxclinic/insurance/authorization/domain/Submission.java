package org.botoxclinic.insurance.authorization.domain;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * How and when the request reached the payer; an override of unmet checklist items is kept with its reason, so
 * that anyone can see later why the case went out incomplete.
 */
@Embeddable
public class Submission {

    @Enumerated(EnumType.STRING)
    @Column(name = "submission_channel")
    private SubmissionChannel channel;
    @Column(name = "payer_reference")
    private String payerReference;
    @Column(name = "expedited")
    private Boolean expedited;
    @Column(name = "submitted_at")
    private OffsetDateTime submittedAt;
    @Column(name = "submission_override")
    private String overrideReason;

    protected Submission() {
    }

    /** @param overrideReason why unmet items are overridden; null when the specialist does not override */
    public Submission(SubmissionChannel channel, String payerReference, boolean expedited, OffsetDateTime submittedAt,
                      String overrideReason) {
        this.channel = channel;
        this.payerReference = payerReference;
        this.expedited = expedited;
        this.submittedAt = submittedAt;
        this.overrideReason = overrideReason == null || overrideReason.isBlank() ? null : overrideReason.strip();
    }

    /** The same submission as sent with nothing overridden (when every required item is met). */
    Submission complete() {
        return new Submission(channel, payerReference, expedited(), submittedAt, null);
    }

    public SubmissionChannel channel() {
        return channel;
    }

    public String payerReference() {
        return payerReference;
    }

    public boolean expedited() {
        return Boolean.TRUE.equals(expedited);
    }

    public OffsetDateTime submittedAt() {
        return submittedAt;
    }

    public String overrideReason() {
        return overrideReason;
    }

    public boolean overridden() {
        return overrideReason != null;
    }
}
