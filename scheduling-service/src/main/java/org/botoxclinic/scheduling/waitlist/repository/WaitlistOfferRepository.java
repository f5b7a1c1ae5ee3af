package org.botoxclinic.scheduling.waitlist.repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.botoxclinic.scheduling.waitlist.domain.OfferStatus;
import org.botoxclinic.scheduling.waitlist.domain.WaitlistOffer;

/** Offers of freed time; "open" is {@link OfferStatus#OPEN}. */
@ApplicationScoped
public class WaitlistOfferRepository implements PanacheRepositoryBase<WaitlistOffer, UUID> {

    /** Namespace and key of the waitlist's turn (pg_advisory_xact_lock's two keys). */
    private static final int WAITLIST_TURN = 8_401;
    private static final int OFFERS = 1;

    /** Where a page of offers ended. */
    public record After(OffsetDateTime createdAt, UUID id) {
    }

    /**
     * Waits for the waitlist's turn and keeps it until the transaction ends. Every change to entries and offers takes it,
     * always as the last lock of its transaction (after any plan, appointment or clinic-day row lock, and holding none
     * of them it waits for afterwards), so that offers are made one transaction at a time, each seeing the offers and
     * bookings the previous one committed, and no transaction waits for it while holding what another waits for.
     */
    public void takeTurn() {
        getEntityManager().createNativeQuery("select count(pg_advisory_xact_lock(?1, ?2))")
                .setParameter(1, WAITLIST_TURN)
                .setParameter(2, OFFERS)
                .getSingleResult();
    }

    /** Re-reads the offer under a row lock (taken only under the waitlist's turn). */
    public WaitlistOffer lock(WaitlistOffer offer) {
        getEntityManager().refresh(offer, LockModeType.PESSIMISTIC_WRITE);
        return offer;
    }

    public List<WaitlistOffer> openOn(LocalDate date) {
        return list("date = ?1 and status = ?2", Sort.by("createdAt"), date, OfferStatus.OPEN);
    }

    public Optional<WaitlistOffer> openOf(UUID entryId) {
        return find("entryId = ?1 and status = ?2", entryId, OfferStatus.OPEN).firstResultOptional();
    }

    /** Of the given entries, those holding an open offer (on any date). */
    public Set<UUID> holdingOpenOffers(Collection<UUID> entryIds) {
        if (entryIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(getEntityManager().createQuery(
                        "select o.entryId from WaitlistOffer o where o.entryId in :entries and o.status = :open", UUID.class)
                .setParameter("entries", entryIds)
                .setParameter("open", OfferStatus.OPEN)
                .getResultList());
    }

    /** How the given entries answered earlier offers of the date: declined, or let expire (a decline wins). */
    public Map<UUID, OfferStatus> answersOn(LocalDate date, Collection<UUID> entryIds) {
        Map<UUID, OfferStatus> answers = new HashMap<>();
        if (entryIds.isEmpty()) {
            return answers;
        }
        List<Object[]> rows = getEntityManager().createQuery("""
                        select o.entryId, o.status from WaitlistOffer o
                        where o.date = :date and o.entryId in :entries and o.status in :answered""", Object[].class)
                .setParameter("date", date)
                .setParameter("entries", entryIds)
                .setParameter("answered", List.of(OfferStatus.DECLINED, OfferStatus.EXPIRED))
                .getResultList();
        for (Object[] row : rows) {
            answers.merge((UUID) row[0], (OfferStatus) row[1],
                    (a, b) -> a == OfferStatus.DECLINED || b == OfferStatus.DECLINED ? OfferStatus.DECLINED : a);
        }
        return answers;
    }

    /** Open offers whose time to answer is over, soonest first. */
    public List<WaitlistOffer> due(OffsetDateTime now, int count) {
        return find("status = ?1 and expiresAt <= ?2", Sort.by("expiresAt"), OfferStatus.OPEN, now)
                .range(0, count - 1).list();
    }

    /** Offers with the status, on the date and/or of the referral, oldest first. */
    public List<WaitlistOffer> page(OfferStatus status, LocalDate date, UUID referralId, After after, int count) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        if (date != null) {
            query.append(" and date = :date");
            parameters.and("date", date);
        }
        if (referralId != null) {
            query.append(" and referralId = :referralId");
            parameters.and("referralId", referralId);
        }
        if (after != null) {
            query.append(" and (createdAt > :afterCreated or (createdAt = :afterCreated and id > :afterId))");
            parameters.and("afterCreated", after.createdAt()).and("afterId", after.id());
        }
        return find(query.toString(), Sort.by("createdAt").and("id"), parameters).range(0, count - 1).list();
    }
}
