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
}
