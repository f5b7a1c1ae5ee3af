package org.botoxclinic.insurance.authorization.repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import org.botoxclinic.insurance.authorization.domain.AuthorizationCase;
import org.botoxclinic.insurance.authorization.domain.CaseStatus;
import org.botoxclinic.insurance.authorization.domain.QueueFilter;
import org.botoxclinic.insurance.authorization.domain.QueuePosition;
import org.botoxclinic.platform.domain.NotFoundException;
import org.botoxclinic.platform.paging.Cursor;

/** Authorization cases as stored, and every question asked of them: the work queue and the clocks' candidates. */
@ApplicationScoped
public class AuthorizationCaseRepository implements PanacheRepositoryBase<AuthorizationCase, UUID> {

    /** The list name in the work queue's cursors: rank, time, id of the last case on a page. */
    public static final String QUEUE = "authorization-queue";

    /** A payer answer that is late: the case awaits one, and its due time has passed (parameters awaiting, now). */
    private static final String DECISION_OVERDUE = "c.status in :awaiting and c.due.at < :now";

    /** The case, locked until the transaction ends, so that concurrent changes to it queue up. */
    public AuthorizationCase lockedById(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFoundException(AuthorizationCase.RESOURCE, id));
    }

    public AuthorizationCase byId(UUID id) {
        return findByIdOptional(id).orElseThrow(() -> new NotFoundException(AuthorizationCase.RESOURCE, id));
    }

    /** The case opened for the referral itself, not a reauthorization. */
    public Optional<AuthorizationCase> initialCase(UUID referralId) {
        return find("referralId = ?1 and previousCaseId is null", referralId).firstResultOptional();
    }

    /** Every case of the referral, oldest first, locked. */
    public List<AuthorizationCase> ofReferralLocked(UUID referralId) {
        return find("referralId", Sort.by("createdAt"), referralId).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /**
     * The cases filed under a patient id that was merged away, and those of the referrals the merge moved (a case
     * opened before patient ids existed has none), locked.
     */
    public List<AuthorizationCase> ofMergedPatientLocked(UUID mergedPatientId, Collection<UUID> movedReferrals) {
        return find("patientId = ?1 or referralId in ?2", Sort.by("createdAt"), mergedPatientId,
                movedReferrals.isEmpty() ? List.of(mergedPatientId) : movedReferrals)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The reauthorization that follows the case, if one was opened. */
    public Optional<UUID> nextCaseId(UUID caseId) {
        return getEntityManager().createQuery("select c.id from AuthorizationCase c where c.previousCaseId = :id", UUID.class)
                .setParameter("id", caseId)
                .getResultStream()
                .findFirst();
    }

    /** Whether a treatment of this appointment was already counted on any case. */
    public boolean treatmentCounted(UUID appointmentId) {
        return getEntityManager().createQuery("select count(u) from TreatmentUse u where u.appointmentId = :appointment",
                        Long.class)
                .setParameter("appointment", appointmentId)
                .getSingleResult() > 0;
    }

    /**
     * Approvals without a successor that are used up, or whose window ends by the horizon: candidates for a
     * reauthorization, which {@code ApprovalWindow.reauthorizationDue} decides on.
     */
    public List<UUID> reauthorizationCandidates(LocalDate horizon) {
        return ids("select c.id from AuthorizationCase c where c.status in :statuses and (c.approval.validTo <= :horizon"
                + " or c.usage.visits >= c.approval.visits or c.usage.units >= c.approval.units)"
                + " and not exists (select n.id from AuthorizationCase n where n.previousCaseId = c.id)",
                Map.of("statuses", CaseStatus.APPROVAL_GIVEN, "horizon", horizon));
    }

    /** Running approvals whose last good day is before today. */
    public List<UUID> pastTheirWindow(LocalDate today) {
        return ids("select c.id from AuthorizationCase c where c.status in :statuses and c.approval.validTo < :today",
                Map.of("statuses", CaseStatus.GRANTING, "today", today));
    }

    /** Cases whose payer answer is late. */
    public List<UUID> decisionsOverdue(OffsetDateTime now) {
        return ids("select c.id from AuthorizationCase c where " + DECISION_OVERDUE,
                Map.of("awaiting", CaseStatus.AWAITING_DECISION, "now", now));
    }

    /**
     * One page of the work queue, most urgent first, with one case more than the limit when another page follows.
     *
     * @param after the cursor of the previous page's last case, or null for the first page
     */
    public List<AuthorizationCase> queue(QueueFilter filter, Cursor after, int limit, OffsetDateTime now, LocalDate today) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            where.add("c.status in :statuses");
            params.put("statuses", filter.statuses());
        }
        if (filter.payerId() != null) {
            where.add("c.coverage.payerId = :payer");
            params.put("payer", filter.payerId());
        }
        if (filter.indication() != null) {
            where.add("c.indication = :indication");
            params.put("indication", filter.indication());
        }
        if (filter.referralId() != null) {
            where.add("c.referralId = :referral");
            params.put("referral", filter.referralId());
        }
        if (filter.overdue()) {
            // Overdue is a place in the queue: a case awaiting a decision (rank 0, added below from ranksOf) stands at
            // its due time (QueuePosition.of; a submission and an appeal always set one), so its due time has passed
            // exactly when its queue time has. Asked that way, the page is a range of the work-queue index read in
            // order. Asked on decision_due_at, PostgreSQL multiplies the two conditions' estimates as if they were
            // independent, expects a handful of rows and fetches and sorts every overdue case (28 ms at 1M referrals
            // against 0.2 ms, bench/lists.sh).
            where.add("c.queue.at < :now");
            params.put("now", now);
        }
        if (filter.expiringWithinDays() != null) {
            where.add("c.status in :granting and c.approval.validTo >= :today and c.approval.validTo <= :horizon");
            params.put("granting", CaseStatus.GRANTING);
            params.put("today", today);
            params.put("horizon", today.plusDays(filter.expiringWithinDays()));
        }
        ranksOf(filter).ifPresent(ranks -> {
            // Implied by the statuses asked for (each status has one rank); on the leading column of the work-queue
            // index it lets the page be read in queue order from the index instead of sorting every match.
            if (ranks.isEmpty()) {
                where.add("1 = 0");   // the filters ask for statuses no case can be in at once
            } else if (ranks.size() == 1) {
                where.add("c.queue.rank = :onlyRank");
                params.put("onlyRank", ranks.first());
            } else {
                where.add("c.queue.rank between :minRank and :maxRank");
                params.put("minRank", ranks.first());
                params.put("maxRank", ranks.last());
            }
        });
        if (after != null) {
            // One row-value comparison in the work-queue index's column order: the scan starts right after the cursor.
            where.add("(c.queue.rank, c.queue.at, c.id) > (:rank, :at, :id)");
            params.put("rank", after.integer(0));
            params.put("at", after.time(1));
            params.put("id", after.uuid(2));
        }
        String jpql = "from AuthorizationCase c" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by c.queue.rank, c.queue.at, c.id";
        TypedQuery<AuthorizationCase> query = getEntityManager().createQuery(jpql, AuthorizationCase.class)
                .setMaxResults(limit + 1);
        params.forEach(query::setParameter);
        return new ArrayList<>(query.getResultList());
    }

    /** The queue ranks the filter's statuses can be in (none when they exclude each other), when it narrows them at all. */
    private static Optional<TreeSet<Integer>> ranksOf(QueueFilter filter) {
        List<Collection<CaseStatus>> narrowing = new ArrayList<>();
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            narrowing.add(filter.statuses());
        }
        if (filter.overdue()) {
            narrowing.add(CaseStatus.AWAITING_DECISION);
        }
        if (filter.expiringWithinDays() != null) {
            narrowing.add(CaseStatus.GRANTING);
        }
        if (narrowing.isEmpty()) {
            return Optional.empty();
        }
        TreeSet<Integer> ranks = null;
        for (Collection<CaseStatus> statuses : narrowing) {
            TreeSet<Integer> these = statuses.stream().map(QueuePosition::rank).collect(Collectors.toCollection(TreeSet::new));
            if (ranks == null) {
                ranks = these;
            } else {
                ranks.retainAll(these);
            }
        }
        return Optional.of(ranks);
    }

    /** Where a page of the work queue ended, for the next page's query. */
    public static Cursor cursorAfter(AuthorizationCase c) {
        return Cursor.of(QUEUE, c.queue().rank(), c.queue().at(), c.id());
    }

    private List<UUID> ids(String jpql, Map<String, Object> params) {
        TypedQuery<UUID> query = getEntityManager().createQuery(jpql, UUID.class);
        params.forEach(query::setParameter);
        return query.getResultList();
    }
}
