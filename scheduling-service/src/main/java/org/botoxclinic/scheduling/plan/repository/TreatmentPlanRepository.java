package org.botoxclinic.scheduling.plan.repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.botoxclinic.scheduling.plan.domain.PlanStatus;
import org.botoxclinic.scheduling.plan.domain.TreatmentPlan;

/** Treatment plans, one per referral, and the scheduler's queues over them. */
@ApplicationScoped
public class TreatmentPlanRepository implements PanacheRepositoryBase<TreatmentPlan, UUID> {

    /** Plans ready to be booked that have visits left (parameter ready). */
    private static final String READY = "status = :ready and approvedVisits > visitsUsed";

    /** Where a page of a queue ended: the sort key and the referral, which breaks ties. */
    public record After<K>(K key, UUID referralId) {
    }

    /** Locks the referral's plan for the rest of the transaction; every change to a plan or its appointments takes it first. */
    public Optional<TreatmentPlan> locked(UUID referralId) {
        return findByIdOptional(referralId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The referrals' plans, by referral id, in one query. */
    public Map<UUID, TreatmentPlan> byReferral(List<UUID> referralIds) {
        if (referralIds.isEmpty()) {
            return Map.of();
        }
        return list("referralId in ?1", referralIds).stream()
                .collect(Collectors.toMap(TreatmentPlan::referralId, Function.identity()));
    }

    /**
     * Authorized plans with visits left and nothing booked, whose next eligible date falls inside the window and
     * not after {@code eligibleBy} (when given), soonest eligible first, then by referral.
     * <p>
     * The next eligible date is today or the stored {@code eligible_from}, whichever is later. So the queue is two runs
     * read one after the other, each in the order of an index: the plans eligible today (eligible_from today or
     * earlier), by referral; then those eligible later, by eligible_from and referral.
     */
    public List<TreatmentPlan> readyToSchedule(LocalDate today, LocalDate eligibleBy, After<LocalDate> after, int count) {
        List<TreatmentPlan> found = new ArrayList<>();
        boolean todayInRange = eligibleBy == null || !today.isAfter(eligibleBy);
        if (todayInRange && (after == null || !after.key().isAfter(today))) {
            found.addAll(eligibleToday(today, after != null && after.key().isEqual(today) ? after.referralId() : null,
                    count));
        }
        if (found.size() < count) {
            found.addAll(eligibleLater(today, eligibleBy, after, count - found.size()));
        }
        return found;
    }

    private List<TreatmentPlan> eligibleToday(LocalDate today, UUID afterReferral, int count) {
        String query = READY + " and (eligibleFrom is null or eligibleFrom <= :today) and validTo >= :today";
        Parameters parameters = Parameters.with("ready", PlanStatus.READY_TO_SCHEDULE).and("today", today);
        if (afterReferral != null) {
            query += " and referralId > :afterId";
            parameters.and("afterId", afterReferral);
        }
        return find(query, Sort.by("referralId"), parameters).range(0, count - 1).list();
    }

    private List<TreatmentPlan> eligibleLater(LocalDate today, LocalDate eligibleBy, After<LocalDate> after, int count) {
        String query = READY + " and eligibleFrom > :today and eligibleFrom <= validTo";
        Parameters parameters = Parameters.with("ready", PlanStatus.READY_TO_SCHEDULE).and("today", today);
        if (eligibleBy != null) {
            query += " and eligibleFrom <= :eligibleBy";
            parameters.and("eligibleBy", eligibleBy);
        }
        if (after != null) {
            query += " and (eligibleFrom, referralId) > (:afterDate, :afterId)";
            parameters.and("afterDate", after.key()).and("afterId", after.referralId());
        }
        return find(query, Sort.by("eligibleFrom").and("referralId"), parameters).range(0, count - 1).list();
    }

    /** Bookable plans whose window ends between the two dates while visits are still unused, soonest end first. */
    public List<TreatmentPlan> authorizationEnding(LocalDate from, LocalDate until, After<LocalDate> after, int count) {
        String query = "status in :bookable and approvedVisits > visitsUsed and validTo between :from and :until";
        Parameters parameters = Parameters.with("bookable", PlanStatus.BOOKABLE).and("from", from).and("until", until);
        if (after != null) {
            query += " and (validTo, referralId) > (:afterDate, :afterId)";
            parameters.and("afterDate", after.key()).and("afterId", after.referralId());
        }
        return find(query, Sort.by("validTo").and("referralId"), parameters).range(0, count - 1).list();
    }

    /**
     * Plans judged after two treatments whose improvement is below the given percentage, the least improved first,
     * then by referral; not cancelled ones (ResponseAfterTwoTreatments).
     */
    public List<TreatmentPlan> nonResponders(BigDecimal belowPercent, After<BigDecimal> after, int count) {
        String query = "improvementAfterSecondTreatment < :below and status <> :cancelled";
        Parameters parameters = Parameters.with("below", belowPercent).and("cancelled", PlanStatus.CANCELLED);
        if (after != null) {
            query += " and (improvementAfterSecondTreatment, referralId) > (:afterImprovement, :afterId)";
            parameters.and("afterImprovement", after.key()).and("afterId", after.referralId());
        }
        return find(query, Sort.by("improvementAfterSecondTreatment").and("referralId"), parameters).range(0, count - 1).list();
    }
}
