package org.botoxclinic.insurance.authorization.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A case's place in the specialists' work queue, most urgent first: answers the payer owes (by due time), then
 * cases waiting on staff (by when they started waiting), then running approvals (by end of window), then closed
 * cases. The policy is here alone; the case takes a new position each time its status changes. A case awaiting a
 * decision always has a due time (a submission and an appeal set one as they move it), so its queue time is its due
 * time: the work queue's overdue filter is asked on the queue time alone.
 */
@Embeddable
public class QueuePosition {

    @Column(name = "queue_rank")
    private int rank;
    @Column(name = "queue_at")
    private OffsetDateTime at;

    protected QueuePosition() {
    }

    private QueuePosition(int rank, OffsetDateTime at) {
        this.rank = rank;
        this.at = at;
    }

    /**
     * @param status          the case's status from now on
     * @param decisionDueAt   when the payer's answer is due, for a case awaiting one
     * @param validTo         the approval's last good day, for a running approval
     * @param statusChangedAt when the case entered the status
     */
    public static QueuePosition of(CaseStatus status, OffsetDateTime decisionDueAt, LocalDate validTo,
                                   OffsetDateTime statusChangedAt) {
        int rank = rank(status);
        if (status.awaitsDecision() && decisionDueAt != null) {
            return new QueuePosition(rank, decisionDueAt);
        }
        if (status.grants() && validTo != null) {
            return new QueuePosition(rank, validTo.atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        return new QueuePosition(rank, statusChangedAt);
    }

    /** Who must act next: 0 the payer, 1 the clinic's staff, 2 nobody until the approval ends, 3 nobody any more. */
    public static int rank(CaseStatus status) {
        return switch (status) {
            case SUBMITTED, APPEALED -> 0;
            case PENDING_SUBMISSION, PENDED, DENIED -> 1;
            case APPROVED, PARTIALLY_APPROVED -> 2;
            case EXHAUSTED, EXPIRED, WITHDRAWN, CANCELLED -> 3;
        };
    }

    public int rank() {
        return rank;
    }

    public OffsetDateTime at() {
        return at;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueuePosition p && rank == p.rank && Objects.equals(at, p.at);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rank, at);
    }
}
