package org.botoxclinic.insurance.authorization.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.botoxclinic.platform.domain.RuleRefusedException;

/**
 * How and when the request reached the payer; an override of unmet checklist items is kept with its reason, so
 * that anyone can see later why the case went out incomplete.
 */
@Embeddable
public class Submission {

    public static final String REQUIREMENTS_UNMET = "REQUIREMENTS_UNMET";

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

    /**
     * The submission as the case keeps it, given the checklist's unmet required items: refused while any are unmet
     * unless overridden with a reason; with none unmet, there is nothing to override.
     */
    Submission against(List<String> unmet) {
        if (unmet.isEmpty()) {
            return new Submission(channel, payerReference, expedited(), submittedAt, null);
        }
        if (!overridden()) {
            throw new RuleRefusedException(REQUIREMENTS_UNMET, "required items are not met: " + String.join(", ", unmet)
                    + "; meet them or submit with override and a reason", Map.of("unmet", unmet));
        }
        return this;
    }

    /** How the submission reads in the case's status history. */
    String note() {
        return "via " + channel + (overridden() ? ", unmet requirements overridden: " + overrideReason : "");
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
