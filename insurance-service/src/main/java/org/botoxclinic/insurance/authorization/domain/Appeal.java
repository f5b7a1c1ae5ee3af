package org.botoxclinic.insurance.authorization.domain;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A denial contested with the payer: when the appeal was filed, and on what grounds. */
@Embeddable
public class Appeal {

    @Column(name = "appeal_submitted_at")
    private OffsetDateTime submittedAt;
    @Column(name = "appeal_reason")
    private String reason;

    protected Appeal() {
    }

    Appeal(OffsetDateTime submittedAt, String reason) {
        this.submittedAt = submittedAt;
        this.reason = reason;
    }

    public OffsetDateTime submittedAt() {
        return submittedAt;
    }

    public String reason() {
        return reason;
    }
}
