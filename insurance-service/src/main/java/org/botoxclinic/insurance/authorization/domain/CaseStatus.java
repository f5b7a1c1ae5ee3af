package org.botoxclinic.insurance.authorization.domain;

import java.util.EnumSet;
import java.util.Set;

import org.botoxclinic.platform.domain.StatusFlow;

/** A pre-authorization case's life; the allowed moves, and which statuses mean what, live here and nowhere else. */
public enum CaseStatus implements StatusFlow<CaseStatus> {
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

    /** The payer owes an answer: the decision clock runs. */
    public static final Set<CaseStatus> AWAITING_DECISION = EnumSet.of(SUBMITTED, APPEALED);
    /** Treatment may be given under the case: a running approval. */
    public static final Set<CaseStatus> GRANTING = EnumSet.of(APPROVED, PARTIALLY_APPROVED);
    /** An approval that was given, running or used up: the ones a reauthorization may follow. */
    public static final Set<CaseStatus> APPROVAL_GIVEN = EnumSet.of(APPROVED, PARTIALLY_APPROVED, EXHAUSTED);

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

    @Override
    public boolean canBecome(CaseStatus next) {
        return next().contains(next);
    }

    /** The payer owes an answer: the decision clock runs. */
    public boolean awaitsDecision() {
        return AWAITING_DECISION.contains(this);
    }

    /** Treatment may be given under the case. */
    public boolean grants() {
        return GRANTING.contains(this);
    }

    /** Staff may still change the checklist: before a submission, when the payer asks for more, or to prepare an appeal. */
    public boolean checklistEditable() {
        return this == PENDING_SUBMISSION || this == PENDED || this == DENIED;
    }
}
