package org.botoxclinic.referral.referral.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import org.botoxclinic.platform.paging.Cursor;
import org.botoxclinic.referral.referral.domain.Referral;
import org.botoxclinic.referral.referral.domain.ReferralQuery;

/** Referrals: found by id, by a partner's idempotency key or own id, and as the intake work queue. */
@ApplicationScoped
public class ReferralRepository implements PanacheRepositoryBase<Referral, UUID> {

    /** The work queue's cursors carry the queue order: urgency rank, received time, id. */
    public static final String QUEUE = "referrals";

    /** The referral stored under an Idempotency-Key; phone referrals (no partner) share one key space. */
    public Optional<Referral> findByIdempotencyKey(String partnerId, String key) {
        return partnerId == null
                ? find("partnerId is null and idempotencyKey = ?1", key).firstResultOptional()
                : find("partnerId = ?1 and idempotencyKey = ?2", partnerId, key).firstResultOptional();
    }

    /**
     * The patient a referral is about now (a merge changes it), read without loading the referral; empty for an
     * unknown referral.
     */
    public Optional<UUID> patientIdOf(UUID referralId) {
        return getEntityManager().createNativeQuery("select patient_id from referral where id = ?1", UUID.class)
                .setParameter(1, referralId)
                .getResultStream().findFirst().map(UUID.class::cast);
    }

    public Optional<Referral> findByExternalId(String partnerId, String externalReferralId) {
        return find("partnerId = ?1 and externalReferralId = ?2", partnerId, externalReferralId).firstResultOptional();
    }

    /**
     * The intake work queue, filtered: urgent first, then oldest first, by keyset after the cursor so that pages
     * never shift.
     */
    public List<Referral> queue(ReferralQuery q, Cursor after, int fetch) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (q.partnerId() != null) {
            where.add("partnerId = :partner");
            parameters.and("partner", q.partnerId());
        }
        if (q.status() != null) {
            where.add("status = :status");
            parameters.and("status", q.status());
        }
        if (q.indication() != null) {
            where.add("indication = :indication");
            parameters.and("indication", q.indication());
        }
        if (q.triage() != null) {
            where.add("triageOutcome = :triage");
            parameters.and("triage", q.triage());
        }
        if (q.receivedFrom() != null) {
            where.add("createdAt >= :from");
            parameters.and("from", q.receivedFrom());
        }
        if (q.receivedBefore() != null) {
            where.add("createdAt < :before");
            parameters.and("before", q.receivedBefore());
        }
        if (after != null) {
            // One row-value comparison in the order of the queue indexes, so the scan starts right after the cursor.
            where.add("(urgencyRank, createdAt, id) > (:rank, :created, :id)");
            parameters.and("rank", (short) after.integer(0)).and("created", after.time(1)).and("id", after.uuid(2));
        }
        Sort queueOrder = Sort.by("urgencyRank").and("createdAt").and("id");
        return (where.isEmpty() ? findAll(queueOrder) : find(String.join(" and ", where), queueOrder, parameters))
                .page(0, fetch).list();
    }

    /** Where a queue page ending at this referral ends. */
    public static Cursor queueCursor(Referral last) {
        return Cursor.of(QUEUE, last.urgencyRank(), last.createdAt(), last.id());
    }
}
