package org.botoxclinic.scheduling.plan.repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
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

    /** Namespace of the per-patient turns (the first of pg_advisory_xact_lock's two keys). */
    private static final int PATIENT_TURN = 8_400;

    /**
     * The text a plan's patient is recognised by without a patient id: first and last name ignoring case, and the birth
     * date ({@code SamePatient}); null when any of them is missing.
     */
    private static final String NAME_KEY =
            "lower(patient_first_name) || '|' || lower(patient_last_name) || '|' || patient_date_of_birth";

    /** Where a page of a queue ended: the sort key and the referral, which breaks ties. */
    public record After<K>(K key, UUID referralId) {
    }

    /** Locks the referral's plan for the rest of the transaction; every change to a plan or its appointments takes it first. */
    public Optional<TreatmentPlan> locked(UUID referralId) {
        return findByIdOptional(referralId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The patient id stored on the referral's plan, read without a lock (null when none, or no plan). */
    public UUID patientIdOf(UUID referralId) {
        List<UUID> found = getEntityManager()
                .createQuery("select p.patientId from TreatmentPlan p where p.referralId = :id", UUID.class)
                .setParameter("id", referralId)
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * Waits for the patient's turn and keeps it until the transaction ends: whatever reads or changes a patient's doses
     * or cadence across plans (a completion, an acceptance, a merge) takes it first, before any plan's row lock, so that
     * they take turns and each sees what the other did. With a patient id the turn is the patient's and that of every
     * name and birth date their plans carry (plans without an id are counted under their name); without one it is the
     * plan's name and birth date, as before patients had ids (or the referral's own when those are incomplete), and the
     * turn of every patient with an id whose plans carry that name (the plan counts their doses). The
     * locks are taken in the order of their keys, so that two transactions never wait for each other in a circle.
     * Taking a turn held already returns at once.
     */
    public void takeTurn(UUID referralId, UUID patientId) {
        if (patientId != null) {
            takePatientTurns(List.of(patientId));
            return;
        }
        // The plan's name (or its referral), and the turns of the patients with an id whose plans carry that name.
        getEntityManager().createNativeQuery("""
                        select count(pg_advisory_xact_lock(?1, turns.k)) from (
                            select distinct hashtext(key) as k from (
                                select coalesce(%1$s, 'referral|' || referral_id) as key
                                  from treatment_plan where referral_id = ?2
                                union all
                                select 'patient|' || id from unnest(cast(?3 as uuid[])) as id
                                union all
                                select %1$s from treatment_plan where patient_id = any(cast(?3 as uuid[]))
                            ) keys
                            where key is not null
                            order by k
                        ) turns""".formatted(NAME_KEY))
                .setParameter(1, PATIENT_TURN)
                .setParameter(2, referralId)
                .setParameter(3, uuidArray(patientsNamedLike(referralId)))
                .getSingleResult();
    }

    /**
     * The patient ids on plans whose first and last name (ignoring case) and birth date are those of the referral's plan:
     * for a plan without a patient id, the patients it may belong to.
     */
    public List<UUID> patientsNamedLike(UUID referralId) {
        return getEntityManager().createQuery("""
                        select distinct q.patientId from TreatmentPlan p, TreatmentPlan q
                        where p.referralId = :referralId and q.patientId is not null
                        and q.patient.dateOfBirth = p.patient.dateOfBirth
                        and lower(q.patient.lastName) = lower(p.patient.lastName)
                        and lower(q.patient.firstName) = lower(p.patient.firstName)
                        order by q.patientId""", UUID.class)
                .setParameter("referralId", referralId)
                .getResultList();
    }

    private static String uuidArray(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    /** The turns of each patient and of the names and birth dates on their plans, all in key order. */
    public void takePatientTurns(Collection<UUID> patientIds) {
        String ids = uuidArray(patientIds);
        getEntityManager().createNativeQuery("""
                        select count(pg_advisory_xact_lock(?1, turns.k)) from (
                            select distinct hashtext(key) as k from (
                                select 'patient|' || id as key from unnest(cast(?2 as uuid[])) as id
                                union all
                                select %s from treatment_plan where patient_id = any(cast(?2 as uuid[]))
                            ) keys
                            where key is not null
                            order by k
                        ) turns""".formatted(NAME_KEY))
                .setParameter(1, PATIENT_TURN)
                .setParameter(2, ids)
                .getSingleResult();
    }

    /**
     * Sets every plan of the patient to the patient's latest treatment for its indication, across all their plans.
     * Called, under the patient's turn, after a treatment, an acceptance or a merge changed the patient's plans.
     */
    public void refreshCadence(UUID patientId) {
        flush();
        getEntityManager().createNativeQuery("""
                        update treatment_plan p set indication_last_treatment_date = latest.treated
                          from (select indication, max(last_treatment_date) as treated from treatment_plan
                                 where patient_id = ?1 group by indication) latest
                         where p.patient_id = ?1 and p.indication = latest.indication
                           and p.indication_last_treatment_date is distinct from latest.treated""")
                .setParameter(1, patientId)
                .executeUpdate();
    }

    /**
     * A merge: the merged patient's plans, and the merged referrals' plans that have no patient id yet, become the
     * survivor's. Returns the referrals whose plans changed (none when the merge was applied before).
     */
    public List<UUID> rekey(UUID merged, UUID survivor, Collection<UUID> mergedReferrals, OffsetDateTime now) {
        String orMovedReferrals = mergedReferrals.isEmpty() ? ""
                : " or (p.patientId is null and p.referralId in :referrals)";
        var select = getEntityManager().createQuery("select p.referralId from TreatmentPlan p where p.patientId = :merged"
                + orMovedReferrals + " order by p.referralId", UUID.class).setParameter("merged", merged);
        if (!mergedReferrals.isEmpty()) {
            select.setParameter("referrals", mergedReferrals);
        }
        List<UUID> moved = select.getResultList();
        if (!moved.isEmpty()) {
            update("patientId = :survivor, updatedAt = :now, version = version + 1 where referralId in :moved",
                    Parameters.with("survivor", survivor).and("now", now).and("moved", moved));
        }
        return moved;
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
