package org.botoxclinic.insurance.authorization.domain;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * When the payer's answer to a submission or an appeal is due, and since when the work queue has shown it as late.
 * Each submission or appeal starts a new one, so a flag never outlives the request it was raised on.
 */
@Embeddable
public class DecisionDue {

    @Column(name = "decision_due_at")
    private OffsetDateTime at;
    @Column(name = "overdue_flagged_at")
    private OffsetDateTime flaggedAt;

    protected DecisionDue() {
    }

    DecisionDue(OffsetDateTime at) {
        this.at = at;
    }

    /** Overdue once the due time has passed; an answer due exactly now is still on time. */
    boolean passed(OffsetDateTime now) {
        return DecisionClock.overdue(at, now);
    }

    /** Flags the lateness once; false when it is not late or already flagged. */
    boolean flag(OffsetDateTime now) {
        if (!passed(now) || flaggedAt != null) {
            return false;
        }
        flaggedAt = now;
        return true;
    }

    public OffsetDateTime at() {
        return at;
    }

    public OffsetDateTime flaggedAt() {
        return flaggedAt;
    }
}
