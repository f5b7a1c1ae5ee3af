package org.botoxclinic.insurance.authorization.domain;

import java.util.EnumSet;
import java.util.Set;

/** A pre-authorization case's life; the allowed moves live here and nowhere else. */
public enum CaseStatus {
    PENDING_SUBMISSION,
    SUBMITTED,
    PENDED,
    APPROVED,
    PARTIALLY_APPROVED,
    DENIED,
    APPEALED,
    EXHAUSTED,
    EXPIRED,
    WITHDRAWN,
    CANCELLED;

    public Set<CaseStatus> next() {
        return switch (this) {
            case PENDING_SUBMISSION -> EnumSet.of(SUBMITTED, WITHDRAWN, CANCELLED);
            case SUBMITTED -> EnumSet.of(APPROVED, PARTIALLY_APPROVED, DENIED, PENDED, WITHDRAWN, CANCELLED);
            case PENDED -> EnumSet.of(SUBMITTED, WITHDRAWN, CANCELLED);
            case DENIED -> EnumSet.of(APPEALED, CANCELLED);
            case APPEALED -> EnumSet.of(APPROVED, PARTIALLY_APPROVED, DENIED, WITHDRAWN, CANCELLED);
            case APPROVED, PARTIALLY_APPROVED -> EnumSet.of(EXHAUSTED, EXPIRED, CANCELLED);
            case EXHAUSTED, EXPIRED, WITHDRAWN, CANCELLED -> EnumSet.noneOf(CaseStatus.class);
        };
    }

    public boolean canMoveTo(CaseStatus target) {
        return next().contains(target);
    }

    /** The payer owes an answer: the decision clock runs. */
    public boolean awaitsDecision() {
        return this == SUBMITTED || this == APPEALED;
    }

    /** Treatment may be given under the case. */
    public boolean grants() {
        return this == APPROVED || this == PARTIALLY_APPROVED;
    }

    /** Staff may still change the checklist: before a submission, when the payer asks for more, or to prepare an appeal. */
    public boolean checklistEditable() {
        return this == PENDING_SUBMISSION || this == PENDED || this == DENIED;
    }

    /**
     * The work queue's order, most urgent first: answers the payer owes (by due time), then cases waiting on staff,
     * then running approvals (by end of window), then closed cases.
     */
    public int queueRank() {
        return switch (this) {
            case SUBMITTED, APPEALED -> 0;
            case PENDING_SUBMISSION, PENDED, DENIED -> 1;
            case APPROVED, PARTIALLY_APPROVED -> 2;
            case EXHAUSTED, EXPIRED, WITHDRAWN, CANCELLED -> 3;
        };
    }
}
