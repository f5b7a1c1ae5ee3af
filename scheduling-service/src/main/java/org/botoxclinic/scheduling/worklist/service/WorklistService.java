package org.botoxclinic.scheduling.worklist.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.botoxclinic.scheduling.appointment.api.AppointmentView;
import org.botoxclinic.scheduling.appointment.domain.Appointment;
import org.botoxclinic.scheduling.appointment.domain.AppointmentStatus;
import org.botoxclinic.scheduling.config.SchedulingConfig;
import org.botoxclinic.scheduling.plan.api.TreatmentPlanView;
import org.botoxclinic.scheduling.plan.domain.PlanStatus;
import org.botoxclinic.scheduling.plan.domain.TreatmentPlan;
import org.botoxclinic.scheduling.plan.service.TreatmentPlanViews;
import org.botoxclinic.scheduling.worklist.api.WorklistEntry;
import org.botoxclinic.scheduling.worklist.api.WorklistKind;

/** Builds the scheduler's queues from plans and appointments. */
@ApplicationScoped
public class Worklists {

    private static final int LIMIT = 500;

    private final EntityManager em;
    private final TreatmentPlanViews views;
    private final Clock clock;
    private final SchedulingConfig config;

    public Worklists(EntityManager em, TreatmentPlanViews views, Clock clock, SchedulingConfig config) {
        this.em = em;
        this.views = views;
        this.clock = clock;
        this.config = config;
    }

    public List<WorklistEntry> of(WorklistKind kind) {
        LocalDate today = LocalDate.now(clock);
        return switch (kind) {
            case READY_TO_SCHEDULE -> readyToSchedule(today).stream().map(Worklists::entry).toList();
            case DUE -> readyToSchedule(today).stream()
                    .filter(p -> !p.nextEligibleDate().isAfter(today.plusDays(config.dueWithinDays())))
                    .map(Worklists::entry).toList();
            case NO_SHOWS -> noShows();
            case AUTHORIZATION_ENDING -> authorizationEnding(today);
        };
    }

    /** Authorized plans with visits left and nothing booked, soonest eligible first. */
    private List<TreatmentPlanView> readyToSchedule(LocalDate today) {
        return em.createQuery("from TreatmentPlan p where p.status = :ready and p.approvedVisits > p.visitsUsed",
                        TreatmentPlan.class)
                .setParameter("ready", PlanStatus.READY_TO_SCHEDULE)
                .setMaxResults(LIMIT)
                .getResultList().stream()
                .map(views::view)
                .filter(v -> v.nextEligibleDate() != null && !v.nextEligibleDate().isAfter(v.authorization().validTo()))
                .sorted(Comparator.comparing(TreatmentPlanView::nextEligibleDate))
                .toList();
    }

    /** Missed appointments whose patient has not been booked or treated since and whose referral still stands. */
    private List<WorklistEntry> noShows() {
        List<Appointment> missed = em.createQuery("""
                        select a from Appointment a, TreatmentPlan p
                        where p.referralId = a.referralId and a.status = :noShow and p.status <> :cancelled
                        and not exists (select b from Appointment b where b.referralId = a.referralId
                                        and b.status in :taken and b.date > a.date)
                        order by a.date""", Appointment.class)
                .setParameter("noShow", AppointmentStatus.NOSHOW)
                .setParameter("cancelled", PlanStatus.CANCELLED)
                .setParameter("taken", List.of(AppointmentStatus.BOOKED, AppointmentStatus.CHECKED_IN, AppointmentStatus.FULFILLED))
                .setMaxResults(LIMIT)
                .getResultList();
        Map<UUID, TreatmentPlanView> plans = missed.stream().map(Appointment::referralId).distinct()
                .map(id -> views.find(id).orElseThrow())
                .collect(Collectors.toMap(TreatmentPlanView::referralId, Function.identity()));
        return missed.stream()
                .map(a -> new WorklistEntry(a.referralId(), plans.get(a.referralId()), AppointmentView.of(a)))
                .toList();
    }

    /** Authorizations whose window ends within the configured days while visits are still unused. */
    private List<WorklistEntry> authorizationEnding(LocalDate today) {
        return em.createQuery("""
                        from TreatmentPlan p where p.status in :active and p.approvedVisits > p.visitsUsed
                        and p.validTo between :today and :until order by p.validTo""", TreatmentPlan.class)
                .setParameter("active", List.of(PlanStatus.READY_TO_SCHEDULE, PlanStatus.SCHEDULED))
                .setParameter("today", today)
                .setParameter("until", today.plusDays(config.authorizationEndingWithinDays()))
                .setMaxResults(LIMIT)
                .getResultList().stream()
                .map(views::view)
                .map(Worklists::entry)
                .toList();
    }

    private static WorklistEntry entry(TreatmentPlanView plan) {
        return new WorklistEntry(plan.referralId(), plan, null);
    }
}
