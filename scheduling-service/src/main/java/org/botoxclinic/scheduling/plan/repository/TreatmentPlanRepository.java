package org.botoxclinic.scheduling.plan.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.botoxclinic.scheduling.plan.domain.PlanStatus;
import org.botoxclinic.scheduling.plan.domain.TreatmentCadence;
import org.botoxclinic.scheduling.plan.domain.TreatmentPlan;

/** Treatment plans, one per referral, and the scheduler's queues over them. */
@ApplicationScoped
public class TreatmentPlanRepository implements PanacheRepositoryBase<TreatmentPlan, UUID> {

    /**
     * A plan's next eligible date in SQL, as {@link TreatmentCadence#nextEligibleDate} computes it: today, the
     * start of the window and the cadence after the last treatment, whichever is latest (greatest skips nulls).
     */
    private static final String NEXT_ELIGIBLE = "greatest(cast(:today as date), p.valid_from, p.last_treatment_date + :cadence)";

    /** Where a page of a queue ended: the sort key and the referral, which breaks ties. */
    public record After<K>(K key, UUID referralId) {
    }

    /** Locks the referral's plan for the rest of the transaction; every change to a plan or its appointments takes it first. */
    public Optional<TreatmentPlan> locked(UUID referralId) {
        return findByIdOptional(referralId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Authorized plans with visits left and nothing booked, whose next eligible date falls inside the window and
     * not after {@code eligibleBy} (when given), soonest eligible first.
     */
    @SuppressWarnings("unchecked")
    public List<TreatmentPlan> readyToSchedule(LocalDate today, LocalDate eligibleBy, After<LocalDate> after, int count) {
        StringBuilder sql = new StringBuilder("""
                select p.* from treatment_plan p
                where p.status = :ready and p.approved_visits > p.visits_used
                and %1$s <= p.valid_to""".formatted(NEXT_ELIGIBLE));
        if (eligibleBy != null) {
            sql.append(" and ").append(NEXT_ELIGIBLE).append(" <= cast(:eligibleBy as date)");
        }
        if (after != null) {
            sql.append(" and (").append(NEXT_ELIGIBLE).append(", p.referral_id) > (cast(:afterDate as date), cast(:afterId as uuid))");
        }
        sql.append(" order by ").append(NEXT_ELIGIBLE).append(", p.referral_id limit :count");
        var query = getEntityManager().createNativeQuery(sql.toString(), TreatmentPlan.class)
                .setParameter("ready", PlanStatus.READY_TO_SCHEDULE.name())
                .setParameter("today", today)
                .setParameter("cadence", TreatmentCadence.MINIMUM_DAYS_BETWEEN_TREATMENTS)
                .setParameter("count", count);
        if (eligibleBy != null) {
            query.setParameter("eligibleBy", eligibleBy);
        }
        if (after != null) {
            query.setParameter("afterDate", after.key()).setParameter("afterId", after.referralId());
        }
        return query.getResultList();
    }

    /** Bookable plans whose window ends between the two dates while visits are still unused, soonest end first. */
    public List<TreatmentPlan> authorizationEnding(LocalDate from, LocalDate until, After<LocalDate> after, int count) {
        String query = "status in :bookable and approvedVisits > visitsUsed and validTo between :from and :until";
        Parameters parameters = Parameters.with("bookable", PlanStatus.BOOKABLE).and("from", from).and("until", until);
        if (after != null) {
            query += " and (validTo > :afterDate or (validTo = :afterDate and referralId > :afterId))";
            parameters.and("afterDate", after.key()).and("afterId", after.referralId());
        }
        return find(query, Sort.by("validTo").and("referralId"), parameters).range(0, count - 1).list();
    }
}
