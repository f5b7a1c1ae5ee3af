package org.botoxclinic.insurance.authorization.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.botoxclinic.insurance.authorization.domain.AuthorizationCase;
import org.botoxclinic.insurance.authorization.domain.CaseStatus;
import org.botoxclinic.platform.time.Timestamps;

/** The authorization specialists' work queue: filtered, most urgent first, paged by an opaque cursor. */
@ApplicationScoped
public class CaseQueue {

    /** A page of cases, and the cursor for the next one when there is more. */
    public record Page(List<AuthorizationCase> cases, QueueCursor next) {
    }

    private final EntityManager em;
    private final CaseAudit audit;
    private final Clock clock;

    public CaseQueue(EntityManager em, CaseAudit audit, Clock clock) {
        this.em = em;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every case on the page is a read of that case, and is audited as one. */
    @Transactional
    public Page list(QueueFilter filter, int limit, QueueCursor after) {
        OffsetDateTime now = Timestamps.now(clock);
        LocalDate today = LocalDate.now(clock);
        StringBuilder jpql = new StringBuilder("from AuthorizationCase c where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            jpql.append(" and c.status in :statuses");
            params.put("statuses", filter.statuses());
        }
        if (filter.payerId() != null) {
            jpql.append(" and c.payerId = :payer");
            params.put("payer", filter.payerId());
        }
        if (filter.indication() != null) {
            jpql.append(" and c.indication = :indication");
            params.put("indication", filter.indication());
        }
        if (filter.referralId() != null) {
            jpql.append(" and c.referralId = :referral");
            params.put("referral", filter.referralId());
        }
        if (filter.overdue()) {
            jpql.append(" and c.status in :awaiting and c.decisionDueAt < :now");
            params.put("awaiting", List.of(CaseStatus.SUBMITTED, CaseStatus.APPEALED));
            params.put("now", now);
        }
        if (filter.expiringWithinDays() != null) {
            jpql.append(" and c.status in :granting and c.validTo >= :today and c.validTo <= :horizon");
            params.put("granting", List.of(CaseStatus.APPROVED, CaseStatus.PARTIALLY_APPROVED));
            params.put("today", today);
            params.put("horizon", today.plusDays(filter.expiringWithinDays()));
        }
        if (after != null) {
            jpql.append(" and (c.queueRank > :rank or (c.queueRank = :rank and (c.queueAt > :at")
                    .append(" or (c.queueAt = :at and c.id > :id))))");
            params.put("rank", after.rank());
            params.put("at", after.at());
            params.put("id", after.id());
        }
        jpql.append(" order by c.queueRank, c.queueAt, c.id");
        TypedQuery<AuthorizationCase> query = em.createQuery(jpql.toString(), AuthorizationCase.class)
                .setMaxResults(limit + 1);
        params.forEach(query::setParameter);
        List<AuthorizationCase> found = new ArrayList<>(query.getResultList());
        QueueCursor next = null;
        if (found.size() > limit) {
            found = new ArrayList<>(found.subList(0, limit));
            next = QueueCursor.after(found.get(limit - 1));
        }
        found.forEach(c -> audit.record("READ", c));
        return new Page(found, next);
    }
}
