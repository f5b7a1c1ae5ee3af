package org.botoxclinic.referral.referral.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.botoxclinic.platform.audit.AuditTrail;
import org.botoxclinic.referral.referral.domain.Referral;

/** The intake work queue: filtered, urgent first, then oldest first, paged by keyset so pages never shift. */
@ApplicationScoped
public class ReferralQueue {

    private static final String RESOURCE = "referral";

    private final EntityManager em;
    private final AuditTrail audit;

    public ReferralQueue(EntityManager em, AuditTrail audit) {
        this.em = em;
        this.audit = audit;
    }

    @Transactional
    public List<Referral> page(ReferralQuery q) {
        StringBuilder jpql = new StringBuilder("from Referral r where 1 = 1");
        if (q.partnerId() != null) {
            jpql.append(" and r.partnerId = :partner");
        }
        if (q.status() != null) {
            jpql.append(" and r.status = :status");
        }
        if (q.indication() != null) {
            jpql.append(" and r.indication = :indication");
        }
        if (q.triage() != null) {
            jpql.append(" and r.triageOutcome = :triage");
        }
        if (q.receivedFrom() != null) {
            jpql.append(" and r.createdAt >= :from");
        }
        if (q.receivedBefore() != null) {
            jpql.append(" and r.createdAt < :before");
        }
        if (q.after() != null) {
            jpql.append(" and (r.urgencyRank > :rank or (r.urgencyRank = :rank and (r.createdAt > :created"
                    + " or (r.createdAt = :created and r.id > :id))))");
        }
        jpql.append(" order by r.urgencyRank, r.createdAt, r.id");
        TypedQuery<Referral> query = em.createQuery(jpql.toString(), Referral.class).setMaxResults(q.limit());
        if (q.partnerId() != null) {
            query.setParameter("partner", q.partnerId());
        }
        if (q.status() != null) {
            query.setParameter("status", q.status());
        }
        if (q.indication() != null) {
            query.setParameter("indication", q.indication());
        }
        if (q.triage() != null) {
            query.setParameter("triage", q.triage());
        }
        if (q.receivedFrom() != null) {
            query.setParameter("from", q.receivedFrom());
        }
        if (q.receivedBefore() != null) {
            query.setParameter("before", q.receivedBefore());
        }
        if (q.after() != null) {
            query.setParameter("rank", q.after().urgencyRank());
            query.setParameter("created", q.after().createdAt());
            query.setParameter("id", q.after().id());
        }
        List<Referral> page = query.getResultList();
        page.forEach(r -> audit.record("LIST", RESOURCE, r.id(), r.id()));
        return page;
    }
}
